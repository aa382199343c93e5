import Testing
@testable import Gongwen

/// Blocks and layout fields: line joining, markers alone on a line, title, addressee, signature.
struct LayoutTests {
    private func fields(_ d: Document) -> [(Field.Role, String)] { d.fields.map { ($0.role, $0.text) } }

    @Test func brokenLineIsRejoined() {
        let text = "一、巡察发现的问题\n一是领导干部普遍存在重业务、轻政治理论学习现象,缺乏学习的自觉性,没有做到学深悟透。理论\n学习不扎实,有不求甚解现象。\n二是学习制度落实不到位。\n"
        let d = GongwenParser().parse(text)
        let s = d.sections[0]
        let paragraphs = s.children.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        #expect(paragraphs.count == 2)
        #expect(paragraphs[0].text.contains("理论学习不扎实"))
        #expect(paragraphs[0].items.map(\.marker) == ["一是"])
        #expect(paragraphs[1].items.map(\.marker) == ["二是"])
    }

    @Test func shortHeadingLineIsNotJoined() {
        let d = GongwenParser().parse("关于加强管理的通知\n根据上级要求,现通知如下。\n")
        #expect(d.title == "关于加强管理的通知")
        #expect(d.children.count == 2)
    }

    @Test func markerAloneOnItsLineTakesTheNextLine() {
        let d = GongwenParser().parse("(1)对于超标准报销差旅费。已整改。\n(2)\n对于超标准列支培训费。一是已学习;二是已退回。\n")
        #expect(d.sections.map(\.marker.text) == ["(1)", "(2)"])
        #expect(d.sections[1].heading == "对于超标准列支培训费")
        #expect(d.diagnostics.isEmpty)
    }

    @Test func signatureBlockWithChineseNumeralDate() {
        let text = "各县(区)科技局:\n现将有关事项通知如下。\n一、总体要求\n做好工作。\n\n四川省科学技术厅\n二〇二一年一月二十五日\n"
        let d = GongwenParser().parse(text)
        let f = fields(d)
        #expect(f.contains { $0 == (.addressee, "各县(区)科技局:") })
        #expect(f.contains { $0 == (.signatory, "四川省科学技术厅") })
        #expect(f.contains { $0 == (.signatureDate, "二〇二一年一月二十五日") })
        // The signature block stands outside the last section.
        if case .field(let last)? = d.children.last { #expect(last.role == .signatureDate) } else { Issue.record("last node is not the signature date") }
    }

    @Test func frontMatterFields() {
        let text = "首页 > 政务公开 > 通知公告\n国办发〔2012〕12号\n关于进一步加强政府信息公开工作的通知\n各省、自治区、直辖市人民政府:\n为做好工作,现通知如下。\n附件:1.工作方案\n联系人:张三,电话:010-12345678\n"
        let d = GongwenParser().parse(text)
        let f = fields(d)
        #expect(f.map(\.0) == [.documentNumber, .title, .addressee, .attachmentNote, .contact])
        #expect(d.title == "关于进一步加强政府信息公开工作的通知")
        if case .boilerplate(let b) = d.children[0] { #expect(b.kind == .breadcrumb) } else { Issue.record("no breadcrumb") }
    }

    @Test func repeatedTitleAndCaptionAreBoilerplate() {
        let text = "省科技厅召开党组理论中心组 2016年第五次学习会\n\n19.05.2016  11:24\n\n5月11日下午,省科技厅召开学习会。\n\n      省科技厅党组理论中心组2016年第五次学习会\n\n省科技厅召开党组理论中心组 2016年第五次学习会\n"
        let d = GongwenParser().parse(text)
        let kinds = d.children.map { n -> String in
            switch n {
            case .field(let f): "field:\(f.role.rawValue)"
            case .boilerplate(let b): "boilerplate:\(b.kind.rawValue)"
            case .paragraph: "paragraph"
            case .section: "section"
            }
        }
        #expect(kinds == ["field:title", "field:dateline", "paragraph", "boilerplate:photoCaption", "boilerplate:repeatedTitle"])
    }

    @Test func enumerationNeedsOneAndTwo() {
        // `统一是` is a word, and a lone `一是` with no `二是` is no enumeration.
        let d = GongwenParser().parse("思想统一是前提。一是要学习,其他不论。\n会议要求, 一要坚持问题导向。 二要坚持目标导向。\n")
        let items = d.children.flatMap { n -> [String] in if case .paragraph(let p) = n { p.items.map(\.marker) } else { [] } }
        #expect(items == ["一要", "二要"])
    }

    @Test func documentThatStartsAtArabicHasItAtTheTop() {
        let d = GongwenParser().parse("1.加强领导。\n(1)成立小组。\n(2)明确分工。\n2.落实责任。\n")
        #expect(d.sections.map(\.marker.text) == ["1.", "2."])
        #expect(d.sections.map(\.level) == [1, 1])
        #expect(d.sections[0].subsections.map(\.level) == [2, 2])
    }

    @Test func numberingRestartAndRunOnAreBothValid() {
        let restart = GongwenParser().parse("一、甲\n(一)子\n(二)丑\n二、乙\n(一)寅\n")
        #expect(restart.diagnostics.isEmpty)
        let runOn = GongwenParser().parse("一、甲\n(1)子\n(2)丑\n二、乙\n(3)寅\n")
        #expect(runOn.diagnostics.isEmpty)
        let gap = GongwenParser().parse("一、甲\n三、乙\n")
        #expect(gap.diagnostics.map(\.code) == [DiagnosticCode.numberingGap])
    }

    @Test func emptyAndBlankInputs() {
        #expect(GongwenParser().parse("").children.isEmpty)
        let blank = GongwenParser().parse("  \n\n \u{3000}\n")
        #expect(blank.children.count == 1)
        #expect(blank.children[0].span == TextSpan(start: 0, end: 7)) // two spaces, two breaks, a space, U+3000, a break
    }
}

@Test func scalarsOfStringMatchTheStandardLibrary() {
    for s in ["", "ascii", "é中文𠀀😀\u{0301}", "（一）统一\r\n思想", String(repeating: "a中𠀀", count: 1000)] {
        var scalars: [Unicode.Scalar] = []
        ScalarText.forEachChunk(of: s, scalars: 3, splitAfter: { _, _ in true }) { scalars.append(contentsOf: $0) }
        #expect(scalars == Array(s.unicodeScalars))
        #expect(ScalarText.string(scalars) == s)
    }
}

@Test(arguments: [
    ("为建设 XXX 结合部教育科创中心", ["XXX"]),
    ("其他问题线索 XXXXXX", ["XXXXXX"]),
    ("×××同志:", ["×××"]),
    ("尺码XXXL", []),
    ("编号0xXXX1", []),
    ("XX市", []),
] as [(String, [String])])
func placeholdersAreReported(text: String, expected: [String]) {
    let d = GongwenParser().parse(text)
    let found = d.diagnostics.filter { $0.code == DiagnosticCode.placeholder }.map { String(d.text(of: $0.span!)) }
    #expect(found == expected)
}

@Test func gbt9704HeaderFields() {
    let text = "000123\n机密★1年\n特急\n国务院办公厅文件\n国办发〔2012〕12号    签发人:张三\n关于加强政务公开工作的通知\n各省、自治区、直辖市人民政府:\n为做好工作,现通知如下。\n"
    let d = GongwenParser().parse(text)
    #expect(d.fields.map(\.role) == [.headerMarking, .headerMarking, .headerMarking, .issuingAuthority, .documentNumber,
                                     .title, .addressee])
    #expect(d.title == "关于加强政务公开工作的通知")
    #expect(d.entities.contains { $0.kind == .documentNumber && $0.text == "国办发〔2012〕12号" })
}

@Test func issuerAboveTheDocumentNumberButNotATitle() {
    // A web page that shows the title, then the 发文字号: the title stays a title.
    let web = GongwenParser().parse("关于印发工作方案的通知\n遂科技党组〔2020〕20号\n各科室:\n现印发。\n")
    #expect(web.fields.map(\.role) == [.title, .documentNumber, .addressee])
    let header = GongwenParser().parse("中共遂宁市科学技术局党组\n遂科技党组〔2020〕20号\n关于印发工作方案的通知\n各科室:\n现印发。\n")
    #expect(header.fields.map(\.role) == [.issuingAuthority, .documentNumber, .title, .addressee])
}

@Test func aNoticeInFullWidthWithEveryLevel() {
    let text = ["关于开展2021年度科技项目申报工作的通知", "", "各县（市、区）科技局，市直有关单位：", "",
                "　　为做好2021年度科技项目申报工作，现将有关事项通知如下。", "", "　　一、申报范围", "",
                "　　（一）重点研发项目。支持额度一般为10万—50万元。", "", "　　1．申报条件。申报单位应为本市注册的企业。", "",
                "　　（1）具有独立法人资格；", "", "　　（2）近三年无不良信用记录。", "", "　　2．申报材料。", "",
                "　　（二）科技成果转化项目。", "", "　　二、申报时间", "", "　　2021年4月1日至4月30日，逾期不予受理。", "",
                "　　联系人：张三，电话：0825-2222222", "", "　　附件：1．申报书模板", "",
                "　　　　　　　　　　　　　　　遂宁市科学技术局", "　　　　　　　　　　　　　　　2021年3月15日", ""].joined(separator: "\n")
    let expected = """
    = title: 关于开展2021年度科技项目申报工作的通知
    = addressee: 各县（市、区）科技局，市直有关单位：
    一、 申报范围
      （一） 重点研发项目
        1． 申报条件
          （1） 具有独立法人资格
          （2） 近三年无不良信用记录
        2． 申报材料
      （二） 科技成果转化项目
    二、 申报时间
    = contact: 联系人：张三，电话：0825-2222222
    = attachmentNote: 附件：1．申报书模板
    = signatory: 遂宁市科学技术局
    = signatureDate: 2021年3月15日
    --

    """
    #expect(OutlineRenderer.render(GongwenParser().parse(text)) == expected)
}

/// A law's short name above its first article or chapter is its title; a short line above prose
/// or above a list item is not.
@Test(arguments: [
    ("赦免法\n\n第一條\n本法稱赦免者，謂大赦、特赦、減刑及復權。\n", "赦免法"),
    ("刑法\n第一章 总则\n第一条 为了惩罚犯罪，保护人民，制定本法。\n", "刑法"),
    ("民法典\n\n第一章 基本规定\n第一条 为了保护民事主体的合法权益。\n", "民法典"),
    ("刑法\n学习刑法的体会。\n", nil),
    ("宪法\n一、总体要求\n做好工作。\n", nil),
    ("学习\n第一条 为了。\n", nil),
] as [(String, String?)])
func shortLawNameIsATitle(_ text: String, _ title: String?) {
    #expect(GongwenParser().parse(text).title == title)
}

/// A speech's occasion line under its title (`——……在……会议上`) does not hide the addressee.
@Test func addresseeAfterASpeechSubtitle() {
    let text = "关于2020年预算执行情况的报告\n\n——2021年1月15日在某县人民代表大会第五次会议上\n\n各位代表：\n\n一、预算执行情况\n做好工作。\n"
    let d = GongwenParser().parse(text)
    #expect(d.fields.map(\.role) == [.title, .addressee])
    #expect(d.fields.last?.text == "各位代表：")
    // Only the one line under the title is passed over: a colon line after body text is no addressee.
    let late = GongwenParser().parse("关于2020年预算执行情况的报告\n——在某县人民代表大会上\n现将情况报告如下。\n各位代表：\n")
    #expect(late.fields.map(\.role) == [.title])
}
