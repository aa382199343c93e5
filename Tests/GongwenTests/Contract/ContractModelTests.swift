import Testing
@testable import Gongwen

/// The typed model's promises beyond the wire format: days covered by every date, source
/// characters in titles, the document's own date and issuer.
@Suite struct ContractModelTests {
    @Test(arguments: [
        ("2016", "2016-01-01", "2016-12-31"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2019-02", "2019-02-01", "2019-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("2020-12-31", "2020-12-31", "2020-12-31"),
    ])
    func partialDatesCoverTheirDays(_ iso: String, _ first: String, _ last: String) throws {
        let d = try #require(PartialDate(iso: iso))
        #expect(d.description == iso)
        #expect(d.firstDay.description == first)
        #expect(d.lastDay.description == last)
        let v = DateValue(date: d)
        #expect(v.firstDay == d.firstDay && v.lastDay == d.lastDay && v.precision == d.precision)
    }

    @Test(arguments: ["", "2016-13", "2016-02-30", "16-1", "2016-1-x", "2016--01", "２０１６"])
    func malformedISODatesAreRefused(_ iso: String) {
        #expect(PartialDate(iso: iso) == nil)
    }

    @Test func aRangeCoversFromItsStartToItsEnd() {
        let r = DateRangeValue(start: PartialDate(year: 2019), end: PartialDate(year: 2020, month: 6), precision: .month)
        #expect(r.firstDay.description == "2019-01-01" && r.lastDay.description == "2020-06-30")
    }

    @Test(arguments: [("0", "0"), ("0.50", "0.5"), ("548.74", "548.74"), ("007", "7"),
                      ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999")])
    func decimalsReadAndWriteExactly(_ text: String, _ written: String) {
        #expect(ExactDecimal(text)?.description == written)
    }

    @Test(arguments: ["999999999999999999999999999999999999999", "1.2.3", "", ".", "-1", "1e5", "１２"])
    func decimalsPast38DigitsOrMalformedAreRefused(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test func decimalsCompareByValue() {
        #expect(ExactDecimal("1.5")! < ExactDecimal("2")!)
        #expect(ExactDecimal("10")! > ExactDecimal("9.99")!)
        #expect(ExactDecimal("0.05")! < ExactDecimal("0.5")!)
        #expect(ExactDecimal("1.50")! == ExactDecimal("1.5")!)
    }

    @Test func titlesKeepTheSourceCharacters() throws {
        let doc = GongwenParser(options: ParseOptions(traditionalToSimplified: true)).parse("依據《國家賠償法》辦理，並參照《ＡＢＣ管理办法》。\n")
        let titles = doc.entities.compactMap { e -> TitleValue? in if case .title(let t) = e.value { t } else { nil } }
        #expect(titles.map(\.title) == ["國家賠償法", "ＡＢＣ管理办法"])
        #expect(titles.last?.key == "ABC管理办法", "the key is width-folded")
    }

    @Test func theDocumentSaysItsDateAndIssuer() {
        let text = "遂宁市科学技术局文件\n遂科技〔2020〕20号\n关于印发工作方案的通知\n各科室：\n现印发，请遵照执行。\n\n遂宁市科学技术局\n2020年12月1日\n"
        let doc = GongwenParser().parse(text)
        #expect(doc.date == DocumentDate(date: CalendarDate(year: 2020, month: 12, day: 1), from: .signatureDate))
        #expect(doc.issuer == "遂宁市科学技术局")
        let undated = GongwenParser().parse("关于加强管理的通知\n请遵照执行。\n")
        #expect(undated.date == nil && undated.issuer == nil)
    }

    @Test func documentIdsComeFromPathAndContent() {
        let a = GongwenParser(options: ParseOptions(path: "a.txt")).parse(bytes: Array("一、甲\n".utf8))
        let b = GongwenParser(options: ParseOptions(path: "b.txt")).parse(bytes: Array("一、甲\n".utf8))
        let given = GongwenParser(options: ParseOptions(path: "a.txt", id: "doc-7")).parse(bytes: Array("一、甲\n".utf8))
        #expect(a.id != b.id && a.id.count == 16)
        #expect(given.id == "doc-7")
    }
}
