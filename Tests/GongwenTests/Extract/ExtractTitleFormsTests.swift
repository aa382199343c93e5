import Testing
@testable import Gongwen

/// Issue 10: title categories of the kinds of 公文, and keys folded across scripts and widths.
struct ExtractTitleFormsTests {
    static let categories: [(String, String)] = [
        ("《关于申请专项资金的请示》", "request"),
        ("《2020年政府工作报告》", "report"),
        ("《关于巡察整改情况的报告》", "report"),
        ("《关于商请支持园区建设的函》", "letter"),
        ("《关于同意调整预算的复函》", "letter"),
        ("《第十次局务会议纪要》", "minutes"),
        ("《关于加强科技创新的提案》", "proposal"),
        ("《关于同意设立高新区的批复》", "reply"),
        ("《關於設立高新區的請示》", "request"),
        ("《土地管理法施行細則》", "regulation"),
        // Negatives: a word inside the title, or a one-word title.
        ("《请示报告制度》", "normative"),
        ("《公函》", "other"),
        ("《报告文学选集》", "book"),
        ("《在全市工作会议上的讲话》", "speech"),
    ]

    @Test(arguments: categories)
    func category(_ input: String, _ expected: String) {
        #expect(extracted(input, kind: .title) == ["\(input)|category=\(expected)"])
    }

    static let keys: [(String, String, Bool)] = [
        ("《國家賠償法》", "《国家赔偿法》", true),
        ("《中華人民共和國憲法》", "《中华人民共和国宪法》", true),
        ("《個人資料保護法》", "《个人资料保护法》", true),
        ("《行政訴訟法》", "《行政诉讼法》", true),
        ("《ＡＢＣ管理办法》", "《ABC管理办法》", true),
        ("《关于〈甲方案〉的通知》", "《关于<甲方案>的通知》", true),
        ("《“十四五”规划》", "《十四五规划》", true),
        ("《國家 賠償法》", "《国家赔偿法》", true),
        ("《（试行）办法》", "《(试行)办法》", true),
        ("《公務員法》", "《公务员法》", true),
        // Negatives: different titles keep different keys.
        ("《國家賠償法》", "《国家补偿法》", false),
        ("《刑法》", "《民法》", false),
    ]

    @Test(arguments: keys)
    func key(_ a: String, _ b: String, _ same: Bool) {
        func key(_ s: String) -> String? {
            allEntities(s).compactMap { if case .title(let v) = $0.value { v.key } else { nil } }.first
        }
        #expect((key(a) == key(b)) == same, "\(a): \(key(a) ?? "-"), \(b): \(key(b) ?? "-")")
        #expect(key(a) != nil)
    }
}
