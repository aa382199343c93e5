import Testing
@testable import Gongwen

/// Two-digit years before a month (`98年3月`), checked by hand: 00–30 are 20xx, 31–99 are 19xx;
/// never alone (`16年` is sixteen years), never after a word that makes it a length of time, and
/// never in a document that writes 民國 years (there `95年7月` is 民國 95).
struct ExtractTwoDigitYearTests {
    static let cases: [(String, [String])] = [
        ("98年3月", ["98年3月|date=1998-03 precision=month"]),
        ("于05年12月20日召开", ["05年12月20日|date=2005-12-20 precision=day"]),
        ("16年3月", ["16年3月|date=2016-03 precision=month"]),
        ("截至19年6月底", ["19年6月底|start=2019-06-21 end=2019-06-30 precision=day period=monthEnd"]),
        ("49年10月1日", ["49年10月1日|date=1949-10-01 precision=day"]),
        ("到30年6月", ["30年6月|date=2030-06 precision=month"]),
        ("50年代末", []),
        ("工作16年3个月", []),
        ("16年", []),
        ("近20年3月份", []),
        ("第16年3月", []),
        ("A16年3月", []),
        ("16年度3月", []),
    ]

    @Test(arguments: cases)
    func twoDigitYear(_ input: String, _ expected: [String]) {
        #expect(ExtractDateTests.dates(input, anchor: nil) == expected)
    }

    @Test func minguoDocumentsKeepTheirYears() {
        let doc = GongwenParser().parse("中華民國九十五年公布\n95年7月1日施行\n")
        let dates = doc.entities.filter { $0.kind == .date }.map(\.text)
        #expect(dates.contains("95年7月1日"))
        if case .date(let d)? = doc.entities.first(where: { $0.text == "95年7月1日" })?.value {
            #expect(d.date.description == "2006-07-01")
        } else {
            Issue.record("no date for 95年7月1日")
        }
    }
}
