import Testing
@testable import Gongwen

/// Hard cases for the outline: every marker style at a line start is a section with the right style
/// and ordinal; look-alikes are not sections; inline enumerations are items.
@Suite struct CoreMarkerTests {
    struct MarkerCase: Sendable, CustomTestStringConvertible {
        var line: String
        var marker: String
        var style: MarkerStyle
        var ordinal: Int
        var heading: String
        var testDescription: String { line }
    }

    static let markerCases: [MarkerCase] = [
        .init(line: "一、加强组织领导", marker: "一、", style: .chineseNumeral, ordinal: 1, heading: "加强组织领导"),
        .init(line: "三、巩固整改成效。持续做好后半篇文章。", marker: "三、", style: .chineseNumeral, ordinal: 3, heading: "巩固整改成效"),
        .init(line: "十二、其他事项", marker: "十二、", style: .chineseNumeral, ordinal: 12, heading: "其他事项"),
        .init(line: "（一）统一思想认识，立即部署。巡察意见反馈后，立即召开会议。", marker: "（一）", style: .parenthesizedChineseNumeral, ordinal: 1, heading: "统一思想认识，立即部署"),
        .init(line: "(一)统一思想认识,立即部署。巡察意见反馈后,立即召开会议。", marker: "(一)", style: .parenthesizedChineseNumeral, ordinal: 1, heading: "统一思想认识,立即部署"),
        .init(line: "（十一）完善长效机制", marker: "（十一）", style: .parenthesizedChineseNumeral, ordinal: 11, heading: "完善长效机制"),
        .init(line: "1.提高思想认识。通过学习实践活动，加深理解。", marker: "1.", style: .arabicNumeral, ordinal: 1, heading: "提高思想认识"),
        .init(line: "1、提高思想认识。通过学习实践活动，加深理解。", marker: "1、", style: .arabicNumeral, ordinal: 1, heading: "提高思想认识"),
        .init(line: "1．提高思想认识。通过学习实践活动，加深理解。", marker: "1．", style: .arabicNumeral, ordinal: 1, heading: "提高思想认识"),
        .init(line: "12.严格落实财务管理相关制度。", marker: "12.", style: .arabicNumeral, ordinal: 12, heading: "严格落实财务管理相关制度"),
        .init(line: "（1）对于学习浮于表面。一是加强学习；二是组织测试。", marker: "（1）", style: .parenthesizedArabicNumeral, ordinal: 1, heading: "对于学习浮于表面"),
        .init(line: "(1)对于学习浮于表面。一是加强学习;二是组织测试。", marker: "(1)", style: .parenthesizedArabicNumeral, ordinal: 1, heading: "对于学习浮于表面"),
        .init(line: "(37)对于党费收缴不规范。", marker: "(37)", style: .parenthesizedArabicNumeral, ordinal: 37, heading: "对于党费收缴不规范"),
        .init(line: "问题1.针对学习流于形式、走马观花的问题。", marker: "问题1.", style: .problem, ordinal: 1, heading: "针对学习流于形式、走马观花的问题"),
        .init(line: "问题1:针对落实决策部署不到位、有差距。执行不到位的问题。", marker: "问题1:", style: .problem, ordinal: 1, heading: "针对落实决策部署不到位、有差距"),
        .init(line: "问题15:针对民主生活会随意化、平淡化的问题。", marker: "问题15:", style: .problem, ordinal: 15, heading: "针对民主生活会随意化、平淡化的问题"),
        .init(line: "第一阶段:学习调研阶段。4月底前基本完成。", marker: "第一阶段:", style: .stage, ordinal: 1, heading: "学习调研阶段"),
        .init(line: "第三阶段：整改落实阶段。今年8月底前基本完成。", marker: "第三阶段：", style: .stage, ordinal: 3, heading: "整改落实阶段"),
        .init(line: "第一章 总则", marker: "第一章", style: .chapter, ordinal: 1, heading: "总则"),
        .init(line: "第一编 总则", marker: "第一编", style: .part, ordinal: 1, heading: "总则"),
        .init(line: "第三編 合同", marker: "第三編", style: .part, ordinal: 3, heading: "合同"),
        .init(line: "第一节 项目管理", marker: "第一节", style: .regulationSection, ordinal: 1, heading: "项目管理"),
        .init(line: "第一条 为规范科技计划项目管理，制定本办法。", marker: "第一条", style: .article, ordinal: 1, heading: "为规范科技计划项目管理，制定本办法"),
        .init(line: "第二十一条 本办法自发布之日起施行。", marker: "第二十一条", style: .article, ordinal: 21, heading: "本办法自发布之日起施行"),
    ]

    /// A notice with a title and an opening paragraph, then `line`, then a closing paragraph.
    static func notice(_ line: String) -> String {
        "关于加强科技计划项目管理的通知\n\n为做好有关工作，现通知如下。\n\n\(line)\n\n各单位要认真贯彻落实。\n"
    }

    @Test(arguments: markerCases)
    func markerAtLineStartIsASection(_ c: MarkerCase) throws {
        let doc = GongwenParser().parse(Self.notice(c.line))
        let sections = CoreInvariants.sections(doc)
        try #require(sections.count == 1, "expected one section, got \(sections.map(\.marker.text))")
        let s = sections[0]
        #expect(s.marker.text == c.marker)
        #expect(s.marker.style == c.style)
        #expect(s.marker.ordinal == c.ordinal)
        #expect(s.heading == c.heading)
        #expect(s.level == 1, "the only section is at the top whatever its style")
        #expect(String(doc.text(of: s.marker.span)) == c.marker)
        #expect(CoreInvariants.violations(doc).isEmpty)
    }

    /// Look-alikes that are not section markers.
    static let falseMarkers: [String] = [
        "1.5万元专项资金已全部拨付到位。",
        "2018 年发明专利申请量292 件，每万人发明专利拥有量还不足 1 件。",
        "2018年以来，局党组对党风廉政建设责任制未作部署。",
        "10.3 件还有很大差距。",
        "各单位要按照一、二、三类标准进行分类管理。",
        "会议强调，一、要加强领导，二、要狠抓落实。",
        "制定了《整改工作方案》(遂科技党组(2020)20号)，明确了整改任务。",
        "(2020)20号文件要求，各单位认真落实。",
        "立即召开局党组(扩大)会议，对巡察反馈问题逐条进行了梳理。",
        "(扩大)会议研究决定，成立整改工作领导小组。",
        "（扩大）会议研究决定，成立整改工作领导小组。",
        "19.05.2016  11:24",
        "第一编辑室负责审稿工作。",
        "第二编组完成演练任务。",
        "第三编号段已经用完。",
    ]

    @Test(arguments: falseMarkers)
    func falseMarkerIsNotASection(_ line: String) {
        let doc = GongwenParser().parse(Self.notice(line))
        #expect(CoreInvariants.sections(doc).isEmpty, "sections: \(CoreInvariants.sections(doc).map(\.marker.text))")
        #expect(CoreInvariants.violations(doc).isEmpty)
    }

    /// A year in parentheses at the start of a line broken by a PDF export is not a marker, so the
    /// broken line is rejoined with the previous one.
    @Test func documentNumberYearAfterALineBreakIsNotASection() {
        let text = "关于巡察整改情况的通报\n\n一、加强组织领导\n(一)统一思想认识,立即部署。制定了《整改工作方案》(遂科技党组\n(2020)20号),明确了具体整改任务。\n"
        let doc = GongwenParser().parse(text)
        #expect(CoreInvariants.sections(doc).map(\.marker.text) == ["一、", "(一)"])
    }

    @Test func markerAloneOnItsLineTakesTheNextLineAsHeading() throws {
        let text = "问题11:针对财务管理不规范的问题。\n(29)对于超标准报销差旅费。一是责成当事人退回;二是全面核实。\n(30)\n对于超标准列支培训费。一是全面学习;二是严格审核。\n"
        let doc = GongwenParser().parse(text)
        let sections = CoreInvariants.sections(doc)
        #expect(sections.map(\.marker.text) == ["问题11:", "(29)", "(30)"])
        let s30 = try #require(sections.last)
        #expect(s30.heading == "对于超标准列支培训费")
        #expect(s30.marker.ordinal == 30)
        #expect(s30.level == 2)
        #expect(CoreInvariants.itemMarkers(doc) == ["一是", "二是", "一是", "二是"])
    }

    @Test func documentStartingAtArabicNumeralHasItAtTheTop() {
        let doc = GongwenParser().parse("1.充分发挥党组领导作用。\n（1）加强学习。\n（2）强化落实。\n2.严格执行组织生活制度。\n")
        let levels = CoreInvariants.sections(doc).map { "\($0.level):\($0.marker.text)" }
        #expect(levels == ["1:1.", "2:（1）", "2:（2）", "1:2."])
    }

    /// 003's shape: a problem heading missing under （三）, then 问题15 closes the open (37).
    @Test func knownContainmentClosesAnOpenStyle() {
        let text = """
            二、对照反馈问题
            （一）聚焦政治建设方面
            问题1:针对学习不深入的问题。
            (1)对于学习浮于表面。
            (2)对于认识不到位。
            （二）聚焦基层组织方面
            (3)对于组织生活不规范。
            问题2:针对民主生活会随意化的问题。
            (4)对于程序不规范。

            """
        let doc = GongwenParser().parse(text)
        let levels = CoreInvariants.sections(doc).map { "\($0.level):\($0.marker.text)" }
        #expect(levels == ["1:二、", "2:（一）", "3:问题1:", "4:(1)", "4:(2)", "2:（二）", "3:(3)", "3:问题2:", "4:(4)"])
        let missing = doc.diagnostics.filter { $0.code == DiagnosticCode.outlineMissingLevel }
        #expect(missing.count == 1)
        if let span = missing.first?.span { #expect(String(doc.text(of: span)) == "(3)") }
    }

    @Test func numberingGapsAndRepeatsAreDiagnosedWithoutBreakingTheTree() {
        let text = "一、总体要求\n(1)对于甲。\n(2)对于乙。\n(2)对于丙。\n(4)对于丁。\n二、工作措施\n(1)对于戊。\n"
        let doc = GongwenParser().parse(text)
        let levels = CoreInvariants.sections(doc).map { "\($0.level):\($0.marker.text)" }
        #expect(levels == ["1:一、", "2:(1)", "2:(2)", "2:(2)", "2:(4)", "1:二、", "2:(1)"])
        let found = doc.diagnostics
            .filter { CoreInvariants.outlineCodes.contains($0.code.rawValue) }
            .map { "\($0.code) @ \($0.span.map { String(doc.text(of: $0)) } ?? "")" }
        // The second (2) repeats; (3) is missing before (4); (1) under 二、 is a valid restart.
        #expect(found == ["numbering.repeated @ (2)", "numbering.gap @ (4)"])
    }

    struct ItemCase: Sendable, CustomTestStringConvertible {
        var paragraph: String
        var items: [String]
        var testDescription: String { paragraph }
    }

    static let itemCases: [ItemCase] = [
        .init(paragraph: "会议要求, 一要坚持问题导向。 二要坚持鼓劲实干。 三要坚持深化改革。", items: ["一要", "二要", "三要"]),
        .init(paragraph: "与会代表普遍谈到:一是各级党组织高度重视。二是在抓教育深化上下功夫。", items: ["一是", "二是"]),
        .init(paragraph: "一是加强学习;二是组织测试;三是开展谈话。", items: ["一是", "二是", "三是"]),
        .init(paragraph: "他们提出:一是要进一步提升组织力。二是加强干部配备。", items: ["一是", "二是"]),
        .init(paragraph: "全党思想统一是基础。二是加强领导。", items: []),
        .init(paragraph: "把强化主业意识作为第一要义。二要完善工作措施。", items: []),
        .init(paragraph: "一是加强领导，确保各项任务落到实处。", items: []),
        .init(paragraph: "通过“一带、二听、三访、四求”的方式开展调研。", items: []),
    ]

    @Test(arguments: itemCases)
    func inlineEnumerationItems(_ c: ItemCase) {
        let doc = GongwenParser().parse("关于加强科技计划项目管理的通知\n\n\(c.paragraph)\n")
        #expect(CoreInvariants.itemMarkers(doc) == c.items)
        #expect(CoreInvariants.sections(doc).isEmpty, "an item is not a section")
        #expect(CoreInvariants.violations(doc).isEmpty)
    }

    /// Each 一是/二是 on its own line (004) is still one enumeration, and not a section.
    @Test func enumerationAcrossLinesIsItemsNotSections() {
        let text = "1.学习贯彻不够深入。\n一是领导干部重业务、轻学习。如,理论\n学习不扎实。\n二是学习制度落实不到位。\n2.执行决策部署不到位。\n"
        let doc = GongwenParser().parse(text)
        #expect(CoreInvariants.sections(doc).map(\.marker.text) == ["1.", "2."])
        #expect(CoreInvariants.itemMarkers(doc) == ["一是", "二是"])
    }

    // MARK: - Issue 10: Taiwan regulations and notes

    /// Taiwan regulation markers: spaces inside, Arabic article numbers, inserted articles.
    static let taiwanCases: [MarkerCase] = [
        .init(line: "第 1 條 為保障人民權益，特制定本法。", marker: "第 1 條", style: .article, ordinal: 1, heading: "為保障人民權益，特制定本法"),
        .init(line: "第 一 章 總則", marker: "第 一 章", style: .chapter, ordinal: 1, heading: "總則"),
        .init(line: "第 12-1 條 主管機關得委託辦理。", marker: "第 12-1 條", style: .article, ordinal: 12, heading: "主管機關得委託辦理"),
        .init(line: "第十二條之一 主管機關得委託辦理。", marker: "第十二條之一", style: .article, ordinal: 12, heading: "主管機關得委託辦理"),
        .init(line: "第一條 本法依憲法制定之。", marker: "第一條", style: .article, ordinal: 1, heading: "本法依憲法制定之"),
        .init(line: "第 二 節 申請程序", marker: "第 二 節", style: .regulationSection, ordinal: 2, heading: "申請程序"),
        .init(line: "第25條 本法自公布日施行。", marker: "第25條", style: .article, ordinal: 25, heading: "本法自公布日施行"),
        .init(line: "第 3 章 罰則", marker: "第 3 章", style: .chapter, ordinal: 3, heading: "罰則"),
        .init(line: "第五條之二 前條規定於本條準用之。", marker: "第五條之二", style: .article, ordinal: 5, heading: "前條規定於本條準用之"),
        .init(line: "第 100 條 本細則自發布日施行。", marker: "第 100 條", style: .article, ordinal: 100, heading: "本細則自發布日施行"),
        // The marker alone on its line, the text on the next.
        .init(line: "第五條之一\n因有罪判決確定所生之既成效果，不受影響。", marker: "第五條之一", style: .article, ordinal: 5, heading: "因有罪判決確定所生之既成效果，不受影響"),
    ]

    @Test(arguments: taiwanCases)
    func taiwanMarker(_ c: MarkerCase) throws {
        try markerAtLineStartIsASection(c)
    }

    static let taiwanFalseMarkers: [String] = [
        "第 3 名由主管機關指定。",
        "依第 1 條規定辦理。",
        "第12-1號公告已廢止。",
        "第一次會議於本月召開。",
    ]

    @Test(arguments: taiwanFalseMarkers)
    func taiwanFalseMarker(_ line: String) {
        let doc = GongwenParser().parse(Self.notice(line))
        #expect(CoreInvariants.sections(doc).isEmpty, "sections: \(CoreInvariants.sections(doc).map(\.marker.text))")
    }

    /// 款 `一、` and 目 `（一）` beneath an article; an inserted article is no numbering problem.
    @Test func taiwanClausesBeneathArticles() {
        let text = """
            第 一 章 總則
            第 1 條 為保障人民權益，特制定本法。
            第 2 條 本法用詞，定義如下：
            一、機關：指行政機關。
            （一）中央機關。
            （二）地方機關。
            二、人員：指公務人員。
            第 2-1 條 前條第一款之機關，得委託辦理。
            第 3 條 本法自公布日施行。
            第 二 章 罰則
            第 4 條 違反本法者，處罰鍰。

            """
        let doc = GongwenParser().parse(text)
        let levels = CoreInvariants.sections(doc).map { "\($0.level):\($0.marker.text)" }
        #expect(levels == ["1:第 一 章", "2:第 1 條", "2:第 2 條", "3:一、", "4:（一）", "4:（二）", "3:二、", "2:第 2-1 條", "2:第 3 條",
                           "1:第 二 章", "2:第 4 條"])
        let numbering = doc.diagnostics.filter { CoreInvariants.outlineCodes.contains($0.code.rawValue) }
        #expect(numbering.isEmpty, "\(numbering.map(\.code))")
    }

    /// A numbered list after `注:` or `附件:` is a list of its own at the note's (top) level.
    static let noteCases: [(String, [String], Int)] = [
        ("一、总体要求\n（一）加强领导。\n（二）落实责任。\n注：\n1.本表由各单位填报。\n2.截止时间为月底。\n", ["1:一、", "2:（一）", "2:（二）", "1:1.", "1:2."], 0),
        ("一、总体要求\n（一）加强领导。\n注:\n1.本表由各单位填报。\n2.截止时间为月底。\n", ["1:一、", "2:（一）", "1:1.", "1:2."], 0),
        ("一、总体要求\n（一）加强领导。\n附件：\n1.项目申报表\n2.汇总表\n", ["1:一、", "2:（一）", "1:1.", "1:2."], 0),
        ("一、总体要求\n1.加强领导。\n2.落实责任。\n注：\n1.本表由各单位填报。\n2.截止时间为月底。\n", ["1:一、", "2:1.", "2:2.", "1:1.", "1:2."], 0),
        ("一、总体要求\n（一）加强领导。\n附注：\n（一）本通知自印发之日起施行。\n（二）由办公室负责解释。\n", ["1:一、", "2:（一）", "1:（一）", "1:（二）"], 0),
        ("一、总体要求\n（一）加强领导。\n备注：\n1.数据截至年底。\n", ["1:一、", "2:（一）", "1:1."], 0),
        ("一、总体要求\n（一）加强领导。\n注：数据截至年底。\n", ["1:一、", "2:（一）"], 0),
        ("一、总体要求\n附件:1.项目申报表\n2.汇总表\n", ["1:一、", "1:2."], 0),
        // Negatives: 注意 and 附件中 are no notes; the list stays nested.
        ("一、总体要求\n（一）加强领导。\n注意事项如下。\n1.按时报送。\n", ["1:一、", "2:（一）", "3:1."], 0),
        ("一、总体要求\n（一）加强领导。\n附件中的表格请填写。\n1.按时报送。\n", ["1:一、", "2:（一）", "3:1."], 0),
    ]

    @Test(arguments: noteCases)
    func listAfterANote(_ text: String, _ expected: [String], _ diagnosticCount: Int) {
        let doc = GongwenParser().parse("关于做好统计工作的通知\n\n\(text)\n各单位要认真落实。\n")
        #expect(CoreInvariants.sections(doc).map { "\($0.level):\($0.marker.text)" } == expected)
        #expect(doc.diagnostics.filter { CoreInvariants.outlineCodes.contains($0.code.rawValue) }.count == diagnosticCount)
    }
}
