import Testing
@testable import Gongwen

/// `本月`, `上月`, `下个月`: the month (and year) counted from the document's own date, checked by
/// hand against anchors in January and December so that the year boundary is crossed.
struct ExtractRelativeMonthTests {
    static let jan2021 = DateAnchor(date: CalendarDate(year: 2021, month: 1, day: 25), kind: "signatureDate")
    static let dec2020 = DateAnchor(date: CalendarDate(year: 2020, month: 12, day: 20), kind: "signatureDate")
    static let inf = "inferred=year+month@2021-01-25/signatureDate"

    static let january: [(String, [String])] = [
        ("本月召开会议", ["本月|date=2021-01 precision=month \(inf)"]),
        ("于本月15日前报送", ["本月15日|date=2021-01-15 precision=day \(inf)"]),
        ("请于本月底前完成", ["本月底|start=2021-01-21 end=2021-01-31 precision=day \(inf) period=monthEnd"]),
        ("上月15日召开", ["上月15日|date=2020-12-15 precision=day \(inf)"]),
        ("上个月", ["上个月|date=2020-12 precision=month \(inf)"]),
        ("要求下个月完成整改", ["下个月|date=2021-02 precision=month \(inf)"]),
        ("计划下月初启动", ["下月初|start=2021-02-01 end=2021-02-10 precision=day \(inf) period=monthStart"]),
        ("下月中旬", ["下月中旬|start=2021-02-11 end=2021-02-20 precision=day \(inf) period=midMonth"]),
        ("与上月相比", ["上月|date=2020-12 precision=month \(inf)"]),
        ("本月1日至15日开展", ["本月1日至15日|start=2021-01-01 end=2021-01-15 precision=day \(inf)"]),
        ("上月底至本月初", ["上月底至本月初|start=2020-12-21 end=2021-01-10 precision=day \(inf)"]),
        // Negatives: the end of another word, or a word that 月 starts.
        ("成本月度核算", []),
        ("基本月薪不变", []),
        ("以上月份数据", []),
        ("马上月底了", []),
        ("线下月度例会", []),
        ("本月报已印发", []),
        ("日本月刊", []),
        ("走上月台", []),
    ]

    @Test(arguments: january)
    func fromAJanuaryDocument(_ input: String, _ expected: [String]) {
        #expect(ExtractDateTests.dates(input, anchor: Self.jan2021) == expected)
    }

    @Test func decemberRollsIntoTheNextYear() {
        let inf = "inferred=year+month@2020-12-20/signatureDate"
        #expect(ExtractDateTests.dates("下个月1日起施行", anchor: Self.dec2020) == ["下个月1日|date=2021-01-01 precision=day \(inf)"])
        #expect(ExtractDateTests.dates("上月", anchor: Self.dec2020) == ["上月|date=2020-11 precision=month \(inf)"])
    }

    @Test func withoutAnAnchorItIsUnresolved() {
        #expect(ExtractDateTests.dates("本月召开会议", anchor: nil).isEmpty)
        #expect(diagnostics("本月召开会议") == ["date.unresolved|本月"])
    }
}
