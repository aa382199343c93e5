import Testing
@testable import Gongwen

struct ExtractTitleTests {
    static let cases: [(String, [String])] = [
        ("学习了《甘肃省促进科技成果转化条例》,", ["《甘肃省促进科技成果转化条例》|category=regulation"]),
        ("学习《中国共产党章程》《中国共产党廉洁自律准则》和《中国共产党纪律处分条例》",
         ["《中国共产党章程》|category=regulation", "《中国共产党廉洁自律准则》|category=regulation", "《中国共产党纪律处分条例》|category=regulation"]),
        ("《关于<遂宁市专利权质押融资实施方案>和<遂宁市科技成果转化办法>的通知》",
         ["《关于<遂宁市专利权质押融资实施方案>和<遂宁市科技成果转化办法>的通知》|category=normative nested=遂宁市专利权质押融资实施方案|遂宁市科技成果转化办法"]),
        ("《党委会的工作方法》", ["《党委会的工作方法》|category=other"]),
        ("《关于开展科技精准扶贫工作的实施方案》", ["《关于开展科技精准扶贫工作的实施方案》|category=normative"]),
        ("《邓小平论科学发展》、《科学发展观重要论述摘编》", ["《邓小平论科学发展》|category=speech", "《科学发展观重要论述摘编》|category=speech"]),
        ("《征求意见书》或者《调查问卷》", ["《征求意见书》|category=other", "《调查问卷》|category=other"]),
        ("《习近平关于科技创新的论述摘编》", ["《习近平关于科技创新的论述摘编》|category=speech"]),
        ("《习近平:科技创新、制度创新要两个轮子一起转》", ["《习近平:科技创新、制度创新要两个轮子一起转》|category=speech"]),
        ("《意识形态工作责任追究制度》", ["《意识形态工作责任追究制度》|category=normative"]),
        ("《市科技局公务员(事业人员)平时考核实施细则》", ["《市科技局公务员(事业人员)平时考核实施细则》|category=regulation"]),
        ("《遂宁市科技型创新团队评选办法(试行)》", ["《遂宁市科技型创新团队评选办法(试行)》|category=regulation"]),
        ("《中华人民共和国科学技术进步法》", ["《中华人民共和国科学技术进步法》|category=regulation"]),
        ("《国家中长期科学和技术发展规划纲要(2006-2020年)》", ["《国家中长期科学和技术发展规划纲要(2006-2020年)》|category=plan"]),
        ("《2019年工作计划》", ["《2019年工作计划》|category=plan"]),
        ("《习近平谈治国理政》", ["《习近平谈治国理政》|category=speech"]),
        ("《在全国科技创新大会上的讲话》", ["《在全国科技创新大会上的讲话》|category=speech"]),
        ("《习近平新时代中国特色社会主义思想学习纲要》", ["《习近平新时代中国特色社会主义思想学习纲要》|category=book"]),
        ("《党员干部学习读本》", ["《党员干部学习读本》|category=book"]),
        ("《论持久战》", ["《论持久战》|category=book"]),
        ("《中国共产党巡视工作条例》和《关于市县党委建立巡察制度的意见》",
         ["《中国共产党巡视工作条例》|category=regulation", "《关于市县党委建立巡察制度的意见》|category=normative"]),
        ("《人民日报》", ["《人民日报》|category=other"]),
        ("《关于〈某某规定〉的决定》", ["《关于〈某某规定〉的决定》|category=normative nested=某某规定"]),
        ("局党组巡察反馈问题整改工作方案》(遂科技", []),
        ("《未闭合的书名\n后面没有了", []),
        ("《》", []),
        ("《关于加强科技工作的决定》", ["《关于加强科技工作的决定》|category=normative"]),
        ("《“十四五”科技创新规划》", ["《“十四五”科技创新规划》|category=plan"]),
        ("《科技特派员工作手册》", ["《科技特派员工作手册》|category=book"]),
        ("《中华人民共和国宪法》", ["《中华人民共和国宪法》|category=regulation"]),
        ("《关于印发<遂宁市专利权质押融资管理办法>的通知》", ["《关于印发<遂宁市专利权质押融资管理办法>的通知》|category=normative nested=遂宁市专利权质押融资管理办法"]),
        ("《党政机关厉行节约反对浪费条例》;", ["《党政机关厉行节约反对浪费条例》|category=regulation"]),
    ]

    @Test(arguments: cases)
    func title(_ input: String, _ expected: [String]) {
        #expect(extracted(input, kind: .title) == expected)
    }

    static func titles(_ text: String) -> [TitleValue] {
        allEntities(text).compactMap { if case .title(let t) = $0.value { t } else { nil } }
    }

    @Test func titleTextAndKey() {
        let t = Self.titles("《关于<遂宁市专利权质押融资实施方案>的通知》")
        #expect(t.first?.title == "关于<遂宁市专利权质押融资实施方案>的通知")
        #expect(t.first?.key == "关于遂宁市专利权质押融资实施方案的通知")
        #expect(Self.titles("《关于〈遂宁市专利权质押融资实施方案〉的通知》").first?.key == t.first?.key)
        #expect(Self.titles("《 中国共产党章程 》").first?.key == "中国共产党章程")
        #expect(Self.titles("《“十四五”科技创新规划》").first?.key == "十四五科技创新规划")
    }

    @Test func lineBreakInsideTitle() {
        let t = Self.titles("《市科技局公务员(事业人员)平时考核实施\n细则》")
        #expect(t.first?.title == "市科技局公务员(事业人员)平时考核实施细则")
        #expect(t.first?.category == .regulation)
    }

    @Test func entitiesInsideTitlesAreKept() {
        #expect(extracted("《2019年工作计划》", kind: .date) == ["2019年|date=2019 precision=year"])
    }
}
