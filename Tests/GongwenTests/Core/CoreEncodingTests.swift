import Foundation
import Testing
@testable import Gongwen
import GongwenTestSupport

/// The same document in every supported encoding gives the same tree, and `source.encoding` says
/// which encoding was detected.
@Suite struct CoreEncodingTests {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

    /// A short simplified-Chinese notice exercising front matter, markers, items and a signature.
    static let simplified = """
        关于进一步加强科技计划项目管理工作的通知

        各区县科技局，各有关单位：

        为贯彻落实全省科技工作会议精神，进一步规范科技计划项目管理，现就有关事项通知如下。

        一、提高思想认识

        （一）明确工作责任。项目承担单位是责任主体，一是建立制度，二是落实责任，确保任务按期完成。

        （二）强化统筹协调。加强与财政、审计部门的沟通配合，2020年共下达资金548.74万元。

        二、严格经费使用

        1.严格立项审查。对申报材料的真实性进行审核。

        2.加强过程监督。对进度缓慢的项目及时督促整改。

        遂宁市科学技术局
        2021年1月25日

        """

    /// A realistic 公文 in Traditional script, every character of it in Big5.
    static let traditional = """
        關於進一步加強科技計畫項目管理工作的通知

        各區縣科技主管部門，各有關單位：

        為貫徹落實國家和省關於深化科技計畫管理改革的部署，進一步規範科技計畫項目的立項、實施、驗收和經費使用，提高財政科技資金的使用效益，經研究，現就有關事項通知如下。

        一、提高思想認識，切實加強組織領導

        各單位要充分認識加強科技計畫項目管理的重要意義，把項目管理工作擺上重要議事日程，主要負責同志要親自抓、負總責。

        （一）明確工作責任。項目承擔單位是項目實施的責任主體，單位主要負責人為第一責任人，要建立健全內部管理制度，確保各項任務按期完成。

        （二）強化統籌協調。各區縣科技主管部門要加強與財政、審計等部門的溝通配合，一是定期會商，二是聯合督查，形成工作合力。

        二、規範項目管理，嚴格經費使用

        （一）嚴格立項審查。堅持公開、公平、公正的原則，完善專家評審制度，對申報材料的真實性進行嚴格審核。

        （二）加強過程監督。建立項目年度報告制度，對實施進度緩慢、經費使用不規範的項目，要及時督促整改；情節嚴重的，終止項目並收回資金。

        （三）規範驗收程序。項目完成後三個月內，承擔單位應當提出驗收申請，並提交技術報告和經費決算報告。

        三、加強監督檢查，嚴肅責任追究

        對弄虛作假、截留挪用科技經費的單位和個人，一經查實，依照有關規定嚴肅處理，並記入科研誠信檔案。

        市科學技術局
        2021年3月15日

        """

    static func encoded(_ text: String, _ name: String) throws -> [UInt8] {
        let bytes = try #require(LegacyEncoding.encode(text, as: name), "ICU cannot encode \(name)")
        // The fixture must round-trip, or the comparison below would test the fixture, not the parser.
        let back = SourceDecoder.decode(bytes, forcedEncoding: name)
        try #require(back.text == text, "\(name) fixture does not round-trip")
        return bytes
    }

    static func sameTree(_ a: Document, _ b: Document, _ label: String) {
        #expect(a.text == b.text, "\(label): decoded text differs")
        #expect(a.children == b.children, "\(label): children differ")
        #expect(a.entities == b.entities, "\(label): entities differ")
        let codes = { (d: Document) in d.diagnostics.filter { !$0.code.rawValue.hasPrefix("decode.") }.map(\.code) }
        #expect(codes(a) == codes(b), "\(label): diagnostics differ")
    }

    static func checkAllEncodings(_ text: String) throws {
        let reference = GongwenParser().parse(bytes: Array(text.utf8))
        #expect(reference.source.encoding == "UTF-8")
        #expect(CoreInvariants.violations(reference).isEmpty)
        let le = try encoded(text, "UTF-16LE"), be = try encoded(text, "UTF-16BE")
        #expect(!le.starts(with: utf16LEBOM) && !be.starts(with: utf16BEBOM), "encoder added a BOM itself")
        let cases: [(String, [UInt8], String)] = [
            ("UTF-8 with BOM", utf8BOM + Array(text.utf8), "UTF-8"),
            ("GB18030", try encoded(text, "GB18030"), "GB18030"),
            ("UTF-16LE with BOM", utf16LEBOM + le, "UTF-16LE"),
            ("UTF-16BE with BOM", utf16BEBOM + be, "UTF-16BE"),
        ]
        for (label, bytes, encoding) in cases {
            let doc = GongwenParser().parse(bytes: bytes)
            #expect(doc.source.encoding == encoding, "\(label)")
            #expect(doc.source.bytes == bytes.count, "\(label)")
            #expect(!doc.diagnostics.contains { $0.code == DiagnosticCode.decodeInvalidBytes }, "\(label)")
            sameTree(reference, doc, label)
        }
    }

    @Test func sameTreeInEveryEncoding() throws {
        try Self.checkAllEncodings(Self.simplified)
    }

    @Test(arguments: CoreGoldenOutlineTests.seeds)
    func seedSameTreeInEveryEncoding(_ seed: String) throws {
        let text = try #require(String(validating: try CoreCorpus.seedBytes(seed), as: UTF8.self))
        try Self.checkAllEncodings(text)
    }

    @Test func simplifiedFixtureHasAnOutline() {
        let doc = GongwenParser().parse(bytes: Array(Self.simplified.utf8))
        #expect(CoreInvariants.sections(doc).map(\.marker.text) == ["一、", "（一）", "（二）", "二、", "1.", "2."])
    }

    @Test func big5TraditionalGivesTheSameTreeAsUTF8() throws {
        let big5 = try Self.encoded(Self.traditional, "Big5")
        let fromBig5 = GongwenParser().parse(bytes: big5)
        let fromUTF8 = GongwenParser().parse(bytes: Array(Self.traditional.utf8))
        #expect(fromBig5.source.encoding == "Big5")
        #expect(fromUTF8.source.encoding == "UTF-8")
        #expect(!fromBig5.diagnostics.contains { $0.code == DiagnosticCode.decodeInvalidBytes })
        Self.sameTree(fromUTF8, fromBig5, "Big5")
        #expect(CoreInvariants.violations(fromBig5).isEmpty)
        // And the tree is the one the text has: 一、二、三、 with （一）… beneath.
        let markers = CoreInvariants.sections(fromBig5).map { "\($0.level):\($0.marker.text)" }
        #expect(markers == ["1:一、", "2:（一）", "2:（二）", "1:二、", "2:（一）", "2:（二）", "2:（三）", "1:三、"])
        #expect(fromBig5.title == "關於進一步加強科技計畫項目管理工作的通知")
    }

    @Test func explicitEncodingOverridesDetection() throws {
        let gb = try Self.encoded(Self.simplified, "GB18030")
        let doc = GongwenParser(options: ParseOptions(encoding: "GBK")).parse(bytes: gb)
        #expect(doc.source.encoding == "GB18030")
        #expect(doc.text == Self.simplified)
    }

    @Test func invalidUTF8BytesBecomeReplacementCharacters() {
        // 中 0xFF A 0xC3(truncated) 文
        let bytes: [UInt8] = [0xE4, 0xB8, 0xAD, 0xFF, 0x41, 0xC3, 0xE6, 0x96, 0x87]
        let doc = GongwenParser(options: ParseOptions(encoding: "UTF-8")).parse(bytes: bytes)
        #expect(doc.text.unicodeScalars.contains("\u{FFFD}"))
        #expect(doc.text.hasPrefix("中\u{FFFD}A"))
        #expect(doc.text.hasSuffix("文"))
        #expect(doc.diagnostics.contains { $0.code == DiagnosticCode.decodeInvalidBytes })
        #expect(CoreInvariants.violations(doc).isEmpty)
    }

    /// A stray byte in an otherwise UTF-8 document must not turn the whole file into mojibake.
    @Test func strayByteInUTF8DocumentStaysUTF8() {
        let before = Self.simplified.components(separatedBy: "为贯彻")[0] + "为"
        var bytes = Array(Self.simplified.utf8)
        bytes.insert(0xFF, at: before.utf8.count)   // inside the first body paragraph, between 为 and 贯
        let doc = GongwenParser().parse(bytes: bytes)
        #expect(doc.source.encoding == "UTF-8")
        #expect(doc.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 1)
        #expect(doc.diagnostics.contains { $0.code == DiagnosticCode.decodeInvalidBytes })
        #expect(doc.title == "关于进一步加强科技计划项目管理工作的通知")
    }

    @Test func truncatedGB18030StillDecodesAsGB18030() throws {
        var bytes = try Self.encoded(Self.simplified, "GB18030")
        bytes.append(0x81)   // a lead byte with nothing after it
        let doc = GongwenParser().parse(bytes: bytes)
        #expect(doc.source.encoding == "GB18030")
        #expect(doc.text.hasPrefix("关于进一步加强科技计划项目管理工作的通知"))
        #expect(CoreInvariants.violations(doc).isEmpty)
    }

    @Test func emptyInputIsAnEmptyDocument() {
        let doc = GongwenParser().parse(bytes: [])
        #expect(doc.text.isEmpty)
        #expect(doc.children.isEmpty)
        #expect(doc.source.bytes == 0)
        #expect(CoreInvariants.violations(doc).isEmpty)
    }
}
