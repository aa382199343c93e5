import Testing
@testable import Gongwen

/// Issue 10: the hard cases of the date grammar and the year resolver, checked by hand.
struct ExtractDateGrammarTests {
    static let dec2020 = DateAnchor(date: CalendarDate(year: 2020, month: 12, day: 20), kind: "signatureDate")
    static let d2016 = dateline2016

    static func dates(_ text: String, _ anchor: DateAnchor?) -> [String] { ExtractDateTests.dates(text, anchor: anchor) }

    /// Year resolution: the nearest explicit year before the date wins over the signature; years
    /// inside titles, cited document numbers and forecasts are not context.
    static let resolution: [(String, DateAnchor?, [String])] = [
        // A notice signed in December 2020 about the holidays of 2021.
        ("2021年春节放假安排:2月11日至17日放假调休,共7天。", dec2020, [
            "2021年|date=2021 precision=year",
            "2月11日至17日|start=2021-02-11 end=2021-02-17 precision=day inferred=year@2021/previousDate"]),
        ("二、2021年劳动节:5月1日至5日放假。", dec2020, [
            "2021年|date=2021 precision=year",
            "5月1日至5日|start=2021-05-01 end=2021-05-05 precision=day inferred=year@2021/previousDate"]),
        // No year written: the signature date decides.
        ("请于3月1日前报送。", dec2020, ["3月1日|date=2020-03-01 precision=day inferred=year@2020-12-20/signatureDate"]),
        // A year inside a title is no context.
        ("《关于2016年项目的通知》要求6月1日前完成。", dec2020, [
            "2016年|date=2016 precision=year",
            "6月1日|date=2020-06-01 precision=day inferred=year@2020-12-20/signatureDate"]),
        // Nor is the year of a cited document (一九八五年112号文件).
        ("按一九八五年112号文件精神,4月2日起执行。", dec2020, [
            "一九八五年|date=1985 precision=year",
            "4月2日|date=2020-04-02 precision=day inferred=year@2020-12-20/signatureDate"]),
        // Nor a document number's bracketed year.
        ("根据国办发[2018]12号,5月3日召开。", dec2020, ["5月3日|date=2020-05-03 precision=day inferred=year@2020-12-20/signatureDate"]),
        // Nor a forecast.
        ("预计2021年投产。8月完成验收。", dec2020, [
            "2021年|date=2021 precision=year",
            "8月|date=2020-08 precision=month inferred=year@2020-12-20/signatureDate"]),
        // The nearest of two years wins.
        ("2019年完成一期,2020年完成二期,3月验收。", nil, [
            "2019年|date=2019 precision=year", "2020年|date=2020 precision=year",
            "3月|date=2020-03 precision=month inferred=year@2020/previousDate"]),
        // A full date as evidence names itself.
        ("2019年11月5日开会。12月3日再议。", dec2020, [
            "2019年11月5日|date=2019-11-05 precision=day",
            "12月3日|date=2019-12-03 precision=day inferred=year@2019-11-05/previousDate"]),
        // Relative words count from the document's own date, not from the nearest year.
        ("2019年以来,今年3月完成。", dec2020, [
            "2019年|date=2019 precision=year",
            "今年3月|date=2020-03 precision=month inferred=year@2020-12-20/signatureDate"]),
        // A standalone period is a partial date.
        ("2021年工作安排:第一季度完成调研。", dec2020, [
            "2021年|date=2021 precision=year",
            "第一季度|start=2021-01 end=2021-03 precision=month inferred=year@2021/previousDate period=Q1"]),
        // Negative: no date at all in a year count.
        ("历时3年完成。", dec2020, []),
    ]

    @Test(arguments: resolution)
    func yearResolution(_ text: String, _ anchor: DateAnchor?, _ expected: [String]) {
        #expect(Self.dates(text, anchor) == expected)
    }

    /// The closing part (after the signature) does not take years from the body.
    @Test func closingPartIsItsOwnPart() {
        let closing = DateAnchor(date: CalendarDate(year: 2020, month: 12, day: 20), kind: "signatureDate", closingStart: 10)
        #expect(Self.dates("2021年春节安排。\n附件:3月1日前报送", closing) == [
            "2021年|date=2021 precision=year",
            "3月1日|date=2020-03-01 precision=day inferred=year@2020-12-20/signatureDate"])
    }

    /// Weekdays: they correct an inferred year when exactly one year within one matches; a
    /// mismatch is a diagnostic.
    static let weekdays: [(String, DateAnchor?, [String], [String])] = [
        // 2021-02-07 is a Sunday; 2020-02-07 a Friday: the weekday moves the year to 2021.
        ("2月7日(星期日)上班。", dec2020, ["2月7日|date=2021-02-07 precision=day inferred=year@2020-12-20/weekday"], []),
        ("2月7日（星期日）上班。", dec2020, ["2月7日|date=2021-02-07 precision=day inferred=year@2020-12-20/weekday"], []),
        // The resolved year already matches (2020-10-01 is a Thursday).
        ("10月1日(星期四)放假。", dec2020, ["10月1日|date=2020-10-01 precision=day inferred=year@2020-12-20/signatureDate"], []),
        ("10月1日周四放假。", dec2020, ["10月1日|date=2020-10-01 precision=day inferred=year@2020-12-20/signatureDate"], []),
        // 2021-10-01 is a Friday; 2019-10-01 a Tuesday: neither is Monday, nor is 2020.
        ("10月1日(星期一)放假。", dec2020, ["10月1日|date=2020-10-01 precision=day inferred=year@2020-12-20/signatureDate"],
         ["date.weekdayMismatch|(星期一)"]),
        // An explicit year is never moved; a wrong weekday is reported.
        ("2021年2月7日(星期五)", nil, ["2021年2月7日|date=2021-02-07 precision=day"], ["date.weekdayMismatch|(星期五)"]),
        ("2021年2月7日(星期日)", nil, ["2021年2月7日|date=2021-02-07 precision=day"], []),
        ("2016年5月11日 星期三", nil, ["2016年5月11日|date=2016-05-11 precision=day"], []),
        // A time after the weekday stays part of the date.
        ("2月7日(星期日)上午9时", dec2020, ["2月7日(星期日)上午9时|date=2021-02-07 precision=day time=09:00 partOfDay=morning inferred=year@2020-12-20/weekday"], []),
        // Negative: 周年 is no weekday.
        ("10月1日周年庆", dec2020, ["10月1日|date=2020-10-01 precision=day inferred=year@2020-12-20/signatureDate"], []),
    ]

    @Test(arguments: weekdays)
    func weekday(_ text: String, _ anchor: DateAnchor?, _ expected: [String], _ diags: [String]) {
        #expect(Self.dates(text, anchor) == expected)
        #expect(diagnostics(text, anchor: anchor).filter { $0.hasPrefix("date.") } == diags)
    }

    /// Ranges: month ranges inside a year, doubled dashes, ends that are periods or relative.
    static let ranges: [(String, [String])] = [
        ("2003年4―6月", ["2003年4―6月|start=2003-04 end=2003-06 precision=month"]),
        ("2003年4－6月", ["2003年4－6月|start=2003-04 end=2003-06 precision=month"]),
        ("2003年4-6月", ["2003年4-6月|start=2003-04 end=2003-06 precision=month"]),
        ("2003年10月――2004年2月", ["2003年10月――2004年2月|start=2003-10 end=2004-02 precision=month"]),
        ("2003年10月--2004年2月", ["2003年10月--2004年2月|start=2003-10 end=2004-02 precision=month"]),
        ("2019年初至2020年6月底", ["2019年初至2020年6月底|start=2019-01 end=2020-06 precision=month"]),
        ("从3月开始到8月", ["3月开始到8月|start=2016-03 end=2016-08 precision=month inferred=year@2016-05-19/dateline"]),
        ("今年3月至年底", ["今年3月至年底|start=2016-03 end=2016-12 precision=month inferred=year@2016-05-19/dateline"]),
        ("2018年10月至2019年3月", ["2018年10月至2019年3月|start=2018-10 end=2019-03 precision=month"]),
        ("2020年11月至次年", ["2020年11月|date=2020-11 precision=month"]),
        ("3月起到6月", ["3月起到6月|start=2016-03 end=2016-06 precision=month inferred=year@2016-05-19/dateline"]),
        ("2020年12月至2021年1月", ["2020年12月至2021年1月|start=2020-12 end=2021-01 precision=month"]),
        // Negative: a reversed range is no range.
        ("2020年6月至2019年3月", ["2020年6月|date=2020-06 precision=month", "2019年3月|date=2019-03 precision=month"]),
        ("至今", []),
        // A weekday between the start and the connector stays inside the range.
        ("2021年9月19日(星期日)至9月21日", ["2021年9月19日(星期日)至9月21日|start=2021-09-19 end=2021-09-21 precision=day"]),
        // A year before a festival name, without 年, is a year (and evidence).
        ("2017春节,1月28日至2月10日放假", [
            "2017|date=2017 precision=year",
            "1月28日至2月10日|start=2017-01-28 end=2017-02-10 precision=day inferred=year@2017/previousDate"]),
        ("2017年度预算", ["2017年度|date=2017 precision=year"]),
        ("编号2017春", []),
    ]

    @Test(arguments: ranges)
    func range(_ text: String, _ expected: [String]) {
        #expect(Self.dates(text, Self.d2016) == expected)
    }

    /// 民國 dates: year + 1911, era kept.
    static let minguo: [(String, [String])] = [
        ("中華民國六十年五月一日", ["中華民國六十年五月一日|date=1971-05-01 precision=day era=minguo"]),
        ("中华民国六十年五月一日", ["中华民国六十年五月一日|date=1971-05-01 precision=day era=minguo"]),
        ("民國93年", ["民國93年|date=2004 precision=year era=minguo"]),
        ("民国93年7月", ["民国93年7月|date=2004-07 precision=month era=minguo"]),
        ("民國一〇五年一月一日", ["民國一〇五年一月一日|date=2016-01-01 precision=day era=minguo"]),
        // A bare year in a document that uses 民國 years.
        ("中華民國九十四年公布。九十五年七月一日施行。", [
            "中華民國九十四年|date=2005 precision=year era=minguo",
            "九十五年七月一日|date=2006-07-01 precision=day era=minguo"]),
        ("民國100年12月31日", ["民國100年12月31日|date=2011-12-31 precision=day era=minguo"]),
        ("民國93年至95年", ["民國93年至95年|start=2004 end=2006 precision=year era=minguo"]),
        // Partial dates after a 民國 year take it.
        ("民國93年3月公布,5月1日施行。", [
            "民國93年3月|date=2004-03 precision=month era=minguo",
            "5月1日|date=2004-05-01 precision=day inferred=year@2004-03/previousDate"]),
        // Negatives: no 民國 in the document, a bare 九十五年 is no year; nor without a month.
        ("九十五年七月一日施行", []),
        ("民國九十五年來", ["民國九十五年|date=2006 precision=year era=minguo"]),
        ("人民国家", []),
    ]

    @Test(arguments: minguo)
    func minguoDates(_ text: String, _ expected: [String]) {
        #expect(Self.dates(text, nil) == expected)
    }

    /// With nothing earlier, the nearest later explicit year; otherwise still unresolved.
    static let later: [(String, [String], [String])] = [
        ("3月5日会议纪要\n2019年11月第一轮巡察,12月整改。", [
            "3月5日|date=2019-03-05 precision=day inferred=year@2019-11/nextDate",
            "2019年11月|date=2019-11 precision=month",
            "12月|date=2019-12 precision=month inferred=year@2019-11/previousDate"], []),
        ("5月召开。2018年总结。", ["5月|date=2018-05 precision=month inferred=year@2018/nextDate", "2018年|date=2018 precision=year"], []),
        ("第二季度完成,2020年底验收。", [
            "第二季度|start=2020-04 end=2020-06 precision=month inferred=year@2020/nextDate period=Q2",
            "2020年底|start=2020-12 end=2020-12 precision=month period=yearEnd"], []),
        ("6月1日至6月30日,2021年度工作。", [
            "6月1日至6月30日|start=2021-06-01 end=2021-06-30 precision=day inferred=year@2021/nextDate",
            "2021年度|date=2021 precision=year"], []),
        // A title's year is no context, later or earlier.
        ("4月底前完成,《2019年工作方案》", ["2019年|date=2019 precision=year"], ["date.unresolved|4月底"]),
        ("5月11日召开", [], ["date.unresolved|5月11日"]),
        ("今年3月", [], ["date.unresolved|今年3月"]),
        ("年底前完成", [], ["date.unresolved|年底"]),
        ("9月23-24日", [], ["date.unresolved|9月23-24日"]),
        ("3-5月", [], ["date.unresolved|3-5月"]),
    ]

    @Test(arguments: later)
    func laterContext(_ text: String, _ expected: [String], _ diags: [String]) {
        #expect(Self.dates(text, nil) == expected)
        #expect(diagnostics(text, anchor: nil).filter { $0.hasPrefix("date.") } == diags)
    }

    /// Numeric and day-first forms.
    static let numeric: [(String, [String])] = [
        ("1789-01-29", ["1789-01-29|date=1789-01-29 precision=day"]),
        ("2010 01 29", ["2010 01 29|date=2010-01-29 precision=day"]),
        ("2010/01/29", ["2010/01/29|date=2010-01-29 precision=day"]),
        ("二零零四年八月十五", ["二零零四年八月十五|date=2004-08-15 precision=day"]),
        ("二零零四年八月十五,中秋", ["二零零四年八月十五|date=2004-08-15 precision=day"]),
        ("2016-05-11T10:00:00", ["2016-05-11T10:00:00|date=2016-05-11 precision=day time=10:00"]),
        ("2016-05-11 10:00:00", ["2016-05-11 10:00:00|date=2016-05-11 precision=day time=10:00"]),
        ("2016-05-11T10:00:00Z", ["2016-05-11T10:00:00Z|date=2016-05-11 precision=day time=10:00"]),
        ("2016-05-11T10:00:00+08:00", ["2016-05-11T10:00:00+08:00|date=2016-05-11 precision=day time=10:00"]),
        ("19.05.2016", ["19.05.2016|date=2016-05-19 precision=day"]),
        // Negatives: a phone number, a version, digits in a table.
        ("0825 2655 068", []),
        ("2010 01 299", []),
        ("v2016-05-11", []),
        ("二零零四年八月十五个项目", ["二零零四年八月|date=2004-08 precision=month"]),
    ]

    @Test(arguments: numeric)
    func numericForms(_ text: String, _ expected: [String]) {
        #expect(Self.dates(text, nil) == expected)
    }

    /// The anchor finder and the dateline test read dates with the same grammar (through the pipeline).
    static let anchored: [(String, [String])] = [
        ("关于报送材料的通知\n\n各单位：\n\n请于3月1日前报送。\n\n某局\n中華民國九十五年七月一日\n",
         ["3月1日|date=2006-03-01 precision=day inferred=year@2006-07-01/signatureDate",
          "中華民國九十五年七月一日|date=2006-07-01 precision=day era=minguo"]),
        ("关于报送材料的通知\n\n各单位：\n\n请于3月1日前报送。\n\n某局\n二〇二一年一月二十五日\n",
         ["3月1日|date=2021-03-01 precision=day inferred=year@2021-01-25/signatureDate",
          "二〇二一年一月二十五日|date=2021-01-25 precision=day"]),
        ("发布时间:2016年5月19日 10:30\n\n5月11日下午召开会议。\n",
         ["2016年5月19日 10:30|date=2016-05-19 precision=day time=10:30",
          "5月11日下午|date=2016-05-11 precision=day partOfDay=afternoon inferred=year@2016-05-19/dateline"]),
        ("2016-05-19T10:30:00\n\n5月11日召开会议。\n",
         ["2016-05-19T10:30:00|date=2016-05-19 precision=day time=10:30",
          "5月11日|date=2016-05-11 precision=day inferred=year@2016-05-19/dateline"]),
    ]

    @Test(arguments: anchored)
    func anchorThroughThePipeline(_ text: String, _ expected: [String]) {
        let doc = GongwenParser().parse(text)
        #expect(doc.entities.filter { $0.kind == .date || $0.kind == .dateRange }.map { "\($0.text)|\($0.value.goldenSummary)" } == expected)
    }
}
