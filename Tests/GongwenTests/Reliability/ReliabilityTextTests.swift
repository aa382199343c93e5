import Foundation
import Testing
@testable import Gongwen
import GongwenTestSupport

/// Hostile text (issue 9): each input must parse to a sound tree (spans tile the text, entities
/// slice back to their text) without trapping. Heavy inputs run one at a time.
@Suite(.serialized) struct ReliabilityTextTests {
    static func parsed(_ bytes: [UInt8], _ options: ParseOptions = .init()) -> Document {
        let doc = GongwenParser(options: options).parse(bytes: bytes)
        let problems = CoreInvariants.violations(doc)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        return doc
    }

    static func parsed(_ text: String) -> Document { parsed(Array(text.utf8)) }

    static func money(_ doc: Document) -> [String] {
        doc.entities.compactMap { if case .money(let m) = $0.value { m.amount.description } else { nil } }
    }

    @Test func twentyMegabyteSingleLine() {
        let unit = "根据《预算法》安排资金548.74万元，共43人参加，增长9.5%，"
        let line = String(repeating: unit, count: 20_000_000 / unit.utf8.count + 1)
        let doc = Self.parsed(line)
        #expect(doc.text.utf8.count >= 20_000_000)
        #expect(doc.children.count == 1)
        #expect(doc.entities.count > 1_000_000)
    }

    @Test func hundredThousandMarkers() {
        // Numbers run 1…999 (a four-digit `(2020)` is a year, not a marker) and then repeat.
        var text = ""
        for k in 0..<100_000 { text += "（\(k % 999 + 1)）\n" }
        let doc = Self.parsed(text)
        #expect(doc.sections.count == 100_000)
        #expect(doc.diagnostics.contains { $0.code == "numbering.repeated" })
    }

    @Test func tenThousandNestedTitleBrackets() {
        let text = String(repeating: "《", count: 10_000) + "条例" + String(repeating: "》", count: 10_000)
        let doc = Self.parsed(text)
        #expect(doc.text.unicodeScalars.count == 20_002)
    }

    @Test func unbalancedTitleBracketBeforeFiveMegabytes() {
        let body = String(repeating: "各单位要认真贯彻落实，确保取得实效。\n", count: 5_000_000 / 57 + 1)
        let doc = Self.parsed("《" + body)
        #expect(!doc.entities.contains { $0.kind == .title })
    }

    @Test func fourHundredDigitMoney() {
        let digits = "9" + String(repeating: "0", count: 399)
        let doc = Self.parsed("拨付资金\(digits)万元。")
        // Extracted exactly or not at all (today: not at all), never rounded or trapped on.
        #expect(Self.money(doc).allSatisfy { $0 == digits + "0000" })
    }

    @Test func impossibleDate() {
        let doc = Self.parsed("于99999年13月45日召开。")
        for e in doc.entities where e.kind == .date {
            if case .date(let d) = e.value { #expect(d.date.month.map { (1...12).contains($0) } ?? true, "\(d.date)") }
        }
    }

    @Test(arguments: [0, 1, 2]) func invalidUTF8(at place: Int) {
        let text = Array("一、总体要求\n（一）共43人参加，经费548.74万元。\n".utf8)
        let bad: [UInt8] = [0xFF, 0xC3, 0x28, 0xE4, 0xB8]
        let bytes = place == 0 ? bad + text : place == 1 ? Array(text[0..<9]) + bad + text[9...] : text + bad
        let doc = Self.parsed(bytes)
        #expect(doc.source.encoding == "UTF-8")
        #expect(doc.text.unicodeScalars.contains("\u{FFFD}"))
        #expect(doc.diagnostics.contains { $0.code == DiagnosticCode.decodeInvalidBytes })
        #expect(Self.money(doc) == ["5487400"])
    }

    @Test func nulBytes() {
        let doc = Self.parsed(Array("一、总体\0要求\n\0\0共43人\0参加\n".utf8))
        #expect(doc.text.unicodeScalars.filter { $0 == "\0" }.count == 4)
    }

    @Test func loneSurrogatesInUTF16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in Array("一、总体要求".utf16) + [0xD800, 0x41, 0xDC00] + Array("共43人参加".utf16) {
            bytes += [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        let doc = Self.parsed(bytes)
        #expect(doc.source.encoding == "UTF-16LE")
        #expect(doc.text.hasPrefix("一、总体要求"))
        #expect(doc.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
    }

    @Test(arguments: ["UTF-16LE", "UTF-16BE"]) func utf16WithoutBOM(_ name: String) throws {
        let text = "1. Summary 2020\n一、总体要求 ABC 123\n"
        let bytes = try #require(LegacyEncoding.encode(text, as: name))
        let doc = Self.parsed(bytes)
        #expect(doc.source.encoding == name)
        #expect(doc.text == text)
    }

    /// Bidi marks and zero-width characters inside numbers vanish in normalization; the entity's
    /// span still covers them in the source.
    @Test func directionalAndZeroWidthMarksInsideNumbers() {
        let doc = Self.parsed("拨款5\u{200F}00万元，增长9\u{200E}5%，另有1\u{200B}2\u{2066}0万元。")
        #expect(Self.money(doc) == ["5000000", "1200000"])
        let percent = doc.entities.compactMap { if case .percentage(let p) = $0.value { p.value.description } else { nil } }
        #expect(percent == ["95"])
        let texts = doc.entities.map(\.text)
        #expect(texts.contains("5\u{200F}00万元"))
        #expect(texts.contains("9\u{200E}5%"))
    }

    @Test func lineEnds() {
        for sep in ["\r\n", "\r", "\n"] {
            let doc = Self.parsed(["一、总体要求", "正文。", "二、工作任务", "正文。"].joined(separator: sep) + sep)
            #expect(doc.sections.map(\.heading) == ["总体要求", "工作任务"], "\(sep.debugDescription)")
        }
        let mixed = Self.parsed("一、总体要求\r\n正文。\r二、工作任务\n正文。\r\n\r三、保障措施\u{2028}正文。")
        #expect(mixed.sections.count == 3)
    }

    @Test func whitespaceOnly() {
        for text in ["", " ", "\n\n\n", "\u{3000}\t \r\n", "\u{200B}\u{200F}", String(repeating: " \n", count: 100_000)] {
            let doc = Self.parsed(text)
            #expect(doc.sections.isEmpty && doc.entities.isEmpty)
        }
    }

    /// Ten invalid bytes in a short notice: still UTF-8 with replacement characters, not windows-1252.
    @Test func tenInvalidBytesInShortUTF8Notice() {
        var bytes = Array("关于召开工作会议的通知\n各单位：定于5月11日召开会议，共43人参加。\n".utf8)
        for k in (1...10).reversed() { bytes.insert(0x80 + UInt8(k), at: 3 * k) }   // between the title's characters
        let doc = Self.parsed(bytes)
        #expect(doc.source.encoding == "UTF-8")
        #expect(doc.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 10)
        #expect(doc.diagnostics.contains { $0.code == DiagnosticCode.decodeInvalidBytes })
        #expect(doc.text.hasPrefix("关\u{FFFD}于\u{FFFD}召"))
        #expect(doc.text.contains("各单位：定于5月11日召开会议，共43人参加。"))
    }

    /// `小学` in GB18030 is D0 A1 D1 A7, valid UTF-8 for the Cyrillic `Сѧ`.
    @Test func gb18030ThatIsValidUTF8StaysChinese() throws {
        for text in ["小学", "小学学校", "效学"] {
            let bytes = try #require(LegacyEncoding.encode(text, as: "GB18030"))
            #expect(String(validating: bytes, as: UTF8.self) != nil, "\(text) should be valid UTF-8 for this test")
            let doc = Self.parsed(bytes)
            #expect(doc.source.encoding == "GB18030")
            #expect(doc.text == text)
        }
        // Real Cyrillic and Latin-1 text in UTF-8 stays UTF-8, and so do short two-byte letters
        // whose GB18030 reading is rare characters only (`ђ ` would be `褣 `, `\u{380} ` `蝷 `).
        for text in ["Привет, мир", "Доклад о работе правительства", "café déjà vu", "ђ ", " ђ", "\u{380} ", "\u{80}\u{480} "] {
            let doc = Self.parsed(Array(text.utf8))
            #expect(doc.source.encoding == "UTF-8", "\(text)")
            #expect(doc.text == text)
        }
    }
}
