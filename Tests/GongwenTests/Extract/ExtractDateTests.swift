import Testing
@testable import Gongwen
import GongwenTestSupport

let dateline2016 = DateAnchor(date: CalendarDate(year: 2016, month: 5, day: 19), kind: "dateline")

struct ExtractDateTests {
    static let inf = "inferred=year@2016-05-19/dateline"
    /// With the dateline 2016-05-19 as anchor.
    static let anchored: [(String, [String])] = [
        ("2016年5月11日", ["2016年5月11日|date=2016-05-11 precision=day"]),
        ("于2016年5月召开", ["2016年5月|date=2016-05 precision=month"]),
        ("2016年第五次学习会", ["2016年|date=2016 precision=year"]),
        ("5月11日下午,省科技厅", ["5月11日下午|date=2016-05-11 precision=day partOfDay=afternoon \(inf)"]),
        ("19.05.2016  11:24\n", ["19.05.2016  11:24|date=2016-05-19 precision=day time=11:24"]),
        ("2016-05-11", ["2016-05-11|date=2016-05-11 precision=day"]),
        ("2016/5/11", ["2016/5/11|date=2016-05-11 precision=day"]),
        ("二〇二一年一月二十五日", ["二〇二一年一月二十五日|date=2021-01-25 precision=day"]),
        ("2020年5月12日至2020年7月31日,", ["2020年5月12日至2020年7月31日|start=2020-05-12 end=2020-07-31 precision=day"]),
        ("9月23-24日", ["9月23-24日|start=2016-09-23 end=2016-09-24 precision=day \(inf)"]),
        ("5月14日-18日在成都", ["5月14日-18日|start=2016-05-14 end=2016-05-18 precision=day \(inf)"]),
        ("8月27-29日", ["8月27-29日|start=2016-08-27 end=2016-08-29 precision=day \(inf)"]),
        ("2016年至2019年", ["2016年至2019年|start=2016 end=2019 precision=year"]),
        ("从3月至8月", ["3月至8月|start=2016-03 end=2016-08 precision=month \(inf)"]),
        ("从今年3月开始", ["今年3月|date=2016-03 precision=month \(inf)"]),
        ("去年", ["去年|date=2015 precision=year \(inf)"]),
        (",年初没有安排", ["年初|start=2016-01 end=2016-01 precision=month \(inf) period=yearStart"]),
        ("今年底", ["今年底|start=2016-12 end=2016-12 precision=month \(inf) period=yearEnd"]),
        ("4月底前基本完成", ["4月底|start=2016-04-21 end=2016-04-30 precision=day \(inf) period=monthEnd"]),
        (",上半年", ["上半年|start=2016-01 end=2016-06 precision=month \(inf) period=firstHalf"]),
        (",第二季度是", ["第二季度|start=2016-04 end=2016-06 precision=month \(inf) period=Q2"]),
        ("对下一季度工作", []),
        ("以清理“十二五”期间应结未结项目", ["“十二五”期间|start=2011 end=2015 precision=year period=fiveYearPlan"]),
        ("20xx 年 xx 月 xx 日至 xx 月 xx 日,市委", []),
        ("2020年13月45日", []),
        ("2019年2月29日", []),
        ("2020年2月29日", ["2020年2月29日|date=2020-02-29 precision=day"]),
        ("12月28日至1月3日", ["12月28日至1月3日|start=2016-12-28 end=2017-01-03 precision=day \(inf)"]),
        ("2018 年学习计划套用 2017 年学习内容", ["2018 年|date=2018 precision=year", "2017 年|date=2017 precision=year"]),
        ("3 个月内", []),
        ("2016年度", ["2016年度|date=2016 precision=year"]),
        ("2019年全年,10月22日与", ["2019年|date=2019 precision=year", "10月22日|date=2019-10-22 precision=day inferred=year@2019/previousDate"]),
        ("2016-2019年", ["2016-2019年|start=2016 end=2019 precision=year"]),
        ("5月11日 15:30", ["5月11日 15:30|date=2016-05-11 precision=day time=15:30 \(inf)"]),
        ("5月11日下午3时", ["5月11日下午3时|date=2016-05-11 precision=day time=15:00 partOfDay=afternoon \(inf)"]),
        ("2016年第二季度", ["2016年第二季度|start=2016-04 end=2016-06 precision=month period=Q2"]),
        ("1949年10月1日", ["1949年10月1日|date=1949-10-01 precision=day"]),
        ("统一月报", []),
        ("于十二月召开", ["十二月|date=2016-12 precision=month \(inf)"]),
        ("6月1日起", ["6月1日|date=2016-06-01 precision=day \(inf)"]),
        ("在 3 月2日听取", ["3 月2日|date=2016-03-02 precision=day \(inf)"]),
        ("从2009年3月至8月", ["2009年3月至8月|start=2009-03 end=2009-08 precision=month"]),
        ("今年以来", ["今年|date=2016 precision=year \(inf)"]),
        ("1000年", []),
        ("电话0825-2655068", []),
        ("5月上旬", ["5月上旬|start=2016-05-01 end=2016-05-10 precision=day \(inf) period=earlyMonth"]),
        ("2016年底前", ["2016年底|start=2016-12 end=2016-12 precision=month period=yearEnd"]),
        ("今年第二季度", ["今年第二季度|start=2016-04 end=2016-06 precision=month \(inf) period=Q2"]),
        ("2020年5月12日-7月31日", ["2020年5月12日-7月31日|start=2020-05-12 end=2020-07-31 precision=day"]),
        ("“十四五”时期", ["“十四五”时期|start=2021 end=2025 precision=year period=fiveYearPlan"]),
        ("十三五规划", ["十三五|start=2016 end=2020 precision=year period=fiveYearPlan"]),
        ("一年来", []),
        ("每年年底", []),
        ("每年3月底前报送", []),
        ("每年12月31日", []),
        ("每月5日前报送", []),
        ("2016年5月11日\n", ["2016年5月11日|date=2016-05-11 precision=day"]),
        ("2016年5月11日,", ["2016年5月11日|date=2016-05-11 precision=day"]),
        ("4月份专题调研", ["4月份|date=2016-04 precision=month \(inf)"]),
        ("至今年8月结束", ["今年8月|date=2016-08 precision=month \(inf)"]),
        ("2016.5.11", ["2016.5.11|date=2016-05-11 precision=day"]),
        ("1.2.3", []),
    ]

    @Test(arguments: anchored)
    func dateWithAnchor(_ input: String, _ expected: [String]) {
        #expect(Self.dates(input, anchor: dateline2016) == expected)
    }

    static func dates(_ text: String, anchor: DateAnchor?) -> [String] {
        let nt = NormalizedText(identity: text)
        let r = EntityExtraction.run(ExtractionContext(text: nt, anchor: anchor))
        return r.entities.filter { $0.value.kind == .date || $0.value.kind == .dateRange }.map { e in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: nt.scalars[e.range])
            return String(v) + "|" + e.value.goldenSummary
        }
    }

    @Test func placeholderIsADiagnostic() {
        #expect(diagnostics("根据市委统一部署,20xx 年 xx 月 xx 日至 xx 月 xx 日,市委第二巡察组", anchor: dateline2016)
            == ["date.placeholder|20xx 年 xx 月 xx 日至 xx 月 xx 日"])
        #expect(diagnostics("XX年XX月XX日") == ["date.placeholder|XX年XX月XX日"])
        #expect(Self.dates("为建设 XXX 结合部", anchor: nil).isEmpty)
        #expect(diagnostics("为建设 XXX 结合部").isEmpty)
    }

    @Test func invalidDatesAreDiagnostics() {
        #expect(diagnostics("2020年13月45日") == ["date.invalid|2020年13月45日"])
        #expect(diagnostics("2019年2月29日") == ["date.invalid|2019年2月29日"])
        #expect(diagnostics("2016-02-30") == ["date.invalid|2016-02-30"])
    }

    @Test func inferenceSwitchesWithAnchor() {
        let text = "5月11日下午,省科技厅召开会议"
        #expect(Self.dates(text, anchor: dateline2016) == ["5月11日下午|date=2016-05-11 precision=day partOfDay=afternoon inferred=year@2016-05-19/dateline"])
        #expect(Self.dates(text, anchor: nil).isEmpty)
        #expect(diagnostics(text, anchor: nil) == ["date.unresolved|5月11日"])
        let option = DateAnchor(date: CalendarDate(year: 2020, month: 1, day: 2), kind: "option")
        #expect(Self.dates("今年3月", anchor: option) == ["今年3月|date=2020-03 precision=month inferred=year@2020-01-02/option"])
        #expect(Self.dates("今年3月", anchor: nil).isEmpty)
        let signed = DateAnchor(date: CalendarDate(year: 2021, month: 1, day: 25), kind: "signatureDate")
        #expect(Self.dates("第二季度", anchor: signed) == ["第二季度|start=2021-04 end=2021-06 precision=month inferred=year@2021-01-25/signatureDate period=Q2"])
    }

    @Test func dateAfterTheDocumentsOwnDateTakesAnEarlierYear() {
        // 003 is signed 2021-01-25 and reports work of 2020: `5月26日` cannot be 2021-05-26.
        let signed = DateAnchor(date: CalendarDate(year: 2021, month: 1, day: 25), kind: "signatureDate")
        #expect(Self.dates("2020年5月12日至2020年7月31日,巡察。\n一是5月26日学习。", anchor: signed) == [
            "2020年5月12日至2020年7月31日|start=2020-05-12 end=2020-07-31 precision=day",
            "5月26日|date=2020-05-26 precision=day inferred=year@2020-07-31/previousDate",
        ])
        // The nearest explicit year before the date wins over the signature (issue 10), whatever
        // the month: 1月5日 after 2020年7月31日 is 2020-01-05.
        #expect(Self.dates("2020年7月31日,巡察。\n1月5日学习。", anchor: signed) == [
            "2020年7月31日|date=2020-07-31 precision=day",
            "1月5日|date=2020-01-05 precision=day inferred=year@2020-07-31/previousDate",
        ])
        // With no earlier absolute date, the anchor's year stands (a plan may look ahead).
        #expect(Self.dates("4月30日前完成。", anchor: signed) == [
            "4月30日|date=2021-04-30 precision=day inferred=year@2021-01-25/signatureDate",
        ])
    }

    @Test func previousDateWithoutAnchor() {
        // The dateline on an earlier line resolves the year when no anchor is given.
        let text = "19.05.2016  11:24\n\n5月11日下午,省科技厅召开"
        #expect(Self.dates(text, anchor: nil) == [
            "19.05.2016  11:24|date=2016-05-19 precision=day time=11:24",
            "5月11日下午|date=2016-05-11 precision=day partOfDay=afternoon inferred=year@2016-05-19/previousDate",
        ])
        // A date on the same line beats the anchor.
        #expect(Self.dates("2018年,5月3日召开", anchor: dateline2016) == [
            "2018年|date=2018 precision=year",
            "5月3日|date=2018-05-03 precision=day inferred=year@2018/previousDate",
        ])
        // Across a line break too: the nearest explicit year before the date wins over the anchor.
        #expect(Self.dates("2018年\n5月3日召开", anchor: dateline2016) == [
            "2018年|date=2018 precision=year",
            "5月3日|date=2018-05-03 precision=day inferred=year@2018/previousDate",
        ])
    }

    @Test func datesInTitlesDoNotAnchor() {
        #expect(Self.dates("2020年,《关于收回2016年部分项目资金的通知》,今年", anchor: nil) == [
            "2020年|date=2020 precision=year",
            "2016年|date=2016 precision=year",
            "今年|date=2020 precision=year inferred=year@2020/previousDate",
        ])
    }

    @Test func rangeWinsOverItsDates() {
        let e = allEntities("2020年5月12日至2020年7月31日")
        #expect(e.count == 1)
        #expect(e.first?.value.kind == .dateRange)
    }
}
