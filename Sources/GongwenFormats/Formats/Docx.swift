import Foundation
import ZIPFoundation

/// `.docx` → plain text: the paragraphs of `word/document.xml` one per line, text from `<w:t>`,
/// tabs and breaks kept, and the list numbers Word generates (`w:numPr`) rendered from
/// `word/numbering.xml` as well as we can (decimal, Chinese counting, circled, letters, roman).
enum DocxText {
    /// The text of a `.docx`; `unsupported-format` for a zip that is not a Word document. The zip
    /// is checked before ZIPFoundation sees it (`ZipReading.open(bytes:)`).
    static func extract(_ bytes: [UInt8], limits: ZipLimits) throws -> String {
        let archive = try ZipReading.open(bytes: bytes)
        guard let entry = archive["word/document.xml"] else {
            throw BatchFailure(BatchErrorCode.unsupportedFormat, "a zip archive without word/document.xml, not a Word document; convert archives with 'gongwen convert' (named .zip)")
        }
        let document = try ZipReading.read(entry, from: archive, limits: limits, name: "word/document.xml")
        var numbering = Numbering()
        if let numberingEntry = archive["word/numbering.xml"],
           let xml = try? ZipReading.read(numberingEntry, from: archive, limits: limits, name: "word/numbering.xml") {
            numbering = Numbering(xml: xml)
        }
        return text(documentXML: document, numbering: numbering)
    }

    /// The text of `word/document.xml`.
    static func text(documentXML b: [UInt8], numbering: Numbering = Numbering()) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 4)
        var numbering = numbering
        // Paragraphs nest (text boxes inside a paragraph): a stack, the innermost last.
        struct Open {
            var text: [UInt8] = []
            var numId: String?
            var level = 0
        }
        var stack: [Open] = []
        var inText = false
        var skipped = 0 // inside deleted text or a fallback copy of a drawing
        var i = 0
        let n = b.count
        func emit(_ p: Open) {
            if let id = p.numId, let label = numbering.next(numId: id, level: p.level) { out += Array(label.utf8) }
            out += p.text
            out.append(10)
        }
        func append(_ bytes: [UInt8]) {
            guard skipped == 0 else { return }
            if stack.isEmpty { stack.append(Open()) }
            stack[stack.count - 1].text += bytes
        }
        while i < n {
            let c = b[i]
            if c != UInt8(ascii: "<") {
                if inText && skipped == 0 {
                    if c == UInt8(ascii: "&"), let (s, len) = xmlEntity(b, at: i) {
                        var u: [UInt8] = []
                        UTF8.encode(s) { u.append($0) }
                        append(u)
                        i += len
                        continue
                    }
                    append([c])
                }
                i += 1
                continue
            }
            guard let (name, tag, closing, end) = Self.tag(b, at: i) else { break }
            i = end
            let selfClosing = tag.last == UInt8(ascii: "/")
            switch name {
            case "w:p":
                if selfClosing {
                    if skipped == 0 { out.append(10) }
                } else if closing {
                    if let p = stack.popLast(), skipped == 0 { emit(p) }
                } else {
                    stack.append(Open())
                }
            case "w:t":
                inText = !closing && !selfClosing
            case "w:del", "w:moveFrom", "mc:Fallback":
                if !selfClosing { skipped = max(0, skipped + (closing ? -1 : 1)) }
            case "w:tab", "w:ptab":
                if !closing { append([9]) }
            case "w:br", "w:cr":
                if !closing { append([10]) }
            case "w:numId":
                if !closing, !stack.isEmpty, let v = attribute("w:val", in: tag), v != "0" { stack[stack.count - 1].numId = v }
            case "w:ilvl":
                if !closing, !stack.isEmpty, let v = attribute("w:val", in: tag), let l = Int(v) { stack[stack.count - 1].level = l }
            case "w:noBreakHyphen":
                append([UInt8(ascii: "-")])
            default:
                break
            }
        }
        for p in stack where !p.text.isEmpty { emit(p) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The XML tag opening at `b[i]` (`<`): its name, its inside (between `<` and `>`), whether it
    /// closes (`</w:p>`), and where scanning continues. Nil when no `>` follows.
    static func tag(_ b: [UInt8], at i: Int) -> (name: String, tag: ArraySlice<UInt8>, closing: Bool, end: Int)? {
        guard let gt = b[i...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let tag = b[(i + 1)..<gt]
        let closing = tag.first == UInt8(ascii: "/")
        let nameStart = closing ? tag.startIndex + 1 : tag.startIndex
        let nameEnd = tag[nameStart...].firstIndex(where: { $0 == 32 || $0 == UInt8(ascii: "/") || $0 == 9 || $0 == 10 || $0 == 13 }) ?? tag.endIndex
        return (String(decoding: tag[nameStart..<nameEnd], as: UTF8.self), tag, closing, gt + 1)
    }

    static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let key = Array((name + "=").utf8)
        guard let at = HTMLText.find(key, in: Array(tag), from: 0) else { return nil }
        let t = Array(tag)
        var i = at + key.count
        guard i < t.count else { return nil }
        let q = t[i]
        guard q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { return nil }
        i += 1
        let end = t[i...].firstIndex(of: q) ?? t.count
        return decodeXML(Array(t[i..<end]))
    }

    static func decodeXML(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (s, len) = xmlEntity(bytes, at: i) {
                UTF8.encode(s) { out.append($0) }
                i += len
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func xmlEntity(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        for (name, v) in [("&lt;", 60), ("&gt;", 62), ("&amp;", 38), ("&quot;", 34), ("&apos;", 39)] as [(String, UInt32)]
        where b[i...].starts(with: name.utf8) {
            return (Unicode.Scalar(v)!, name.utf8.count)
        }
        if i + 1 < b.count, b[i + 1] == UInt8(ascii: "#") { return HTMLText.entity(b, at: i) }
        return nil
    }

    /// List definitions from `word/numbering.xml` and the running counters.
    struct Numbering {
        struct Level {
            var format = "decimal"
            var text = "%1."
            var start = 1
        }
        /// The largest list start honoured.
        static let maxStart = 1_000_000
        /// numId → abstractNumId.
        var nums: [String: String] = [:]
        /// abstractNumId → level → definition.
        var abstract: [String: [Int: Level]] = [:]
        /// abstractNumId → counters per level.
        var counters: [String: [Int]] = [:]

        init() {}

        init(xml b: [UInt8]) {
            var i = 0
            var currentAbstract: String?
            var currentNum: String?
            var currentLevel: Int?
            while i < b.count {
                guard b[i] == UInt8(ascii: "<"), let (name, tag, closing, end) = DocxText.tag(b, at: i) else { i += 1; continue }
                i = end
                switch name {
                case "w:abstractNum":
                    currentAbstract = closing ? nil : attribute("w:abstractNumId", in: tag)
                case "w:num":
                    currentNum = closing ? nil : attribute("w:numId", in: tag)
                case "w:abstractNumId":
                    if let num = currentNum, let v = attribute("w:val", in: tag) { nums[num] = v }
                case "w:lvl":
                    currentLevel = closing ? nil : attribute("w:ilvl", in: tag).flatMap { Int($0) }
                    if let a = currentAbstract, let l = currentLevel { abstract[a, default: [:]][l] = Level() }
                case "w:start":
                    if let a = currentAbstract, let l = currentLevel, let v = attribute("w:val", in: tag), let s = Int(v) {
                        // From the file: kept where a list could really start, so counting cannot overflow.
                        abstract[a]?[l]?.start = min(max(s, 0), Self.maxStart)
                    }
                case "w:numFmt":
                    if let a = currentAbstract, let l = currentLevel, let v = attribute("w:val", in: tag) { abstract[a]?[l]?.format = v }
                case "w:lvlText":
                    if let a = currentAbstract, let l = currentLevel, let v = attribute("w:val", in: tag) { abstract[a]?[l]?.text = v }
                default:
                    break
                }
            }
        }

        /// The label of the next paragraph in list `numId` at `level`; counters of deeper levels restart.
        mutating func next(numId: String, level: Int) -> String? {
            let key = nums[numId] ?? numId
            let levels = abstract[key] ?? [:]
            var counts = counters[key] ?? [Int](repeating: 0, count: 9)
            guard level >= 0, level < counts.count else { return nil }
            let start = levels[level]?.start ?? 1
            counts[level] = counts[level] == 0 ? start : min(counts[level] + 1, Self.maxStart * 2)
            for deeper in (level + 1)..<counts.count { counts[deeper] = 0 }
            counters[key] = counts
            let definition = levels[level] ?? Level()
            if definition.format == "bullet" || definition.format == "none" { return nil }
            var label = definition.text
            for l in 0...level {
                let value = counts[l] == 0 ? (levels[l]?.start ?? 1) : counts[l]
                label = label.replacingOccurrences(of: "%\(l + 1)", with: Self.format(value, as: levels[l]?.format ?? "decimal"))
            }
            return label
        }

        static func format(_ n: Int, as format: String) -> String {
            switch format {
            case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
                return chinese(n)
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
                return n >= 1 && n <= 20 ? String(Unicode.Scalar(0x2460 + UInt32(n - 1))!) : String(n)
            case "lowerLetter": return letter(n, base: 97)
            case "upperLetter": return letter(n, base: 65)
            case "lowerRoman": return roman(n).lowercased()
            case "upperRoman": return roman(n)
            case "decimalZero": return n < 10 ? "0\(n)" : String(n)
            default: return String(n)
            }
        }

        static func chinese(_ n: Int) -> String {
            let digits = Array("〇一二三四五六七八九")
            guard n > 0, n < 100 else { return String(n) }
            if n < 10 { return String(digits[n]) }
            let tens = n / 10, ones = n % 10
            return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
        }

        static func letter(_ n: Int, base: UInt8) -> String {
            // `aa`, `bbb` …: past a few rounds the label would grow with the count; digits instead.
            guard n > 0, n <= 26 * 4 else { return String(n) }
            let k = (n - 1) % 26
            return String(repeating: String(UnicodeScalar(base + UInt8(k))), count: (n - 1) / 26 + 1)
        }

        static func roman(_ n: Int) -> String {
            guard n > 0, n < 4000 else { return String(n) }
            var n = n
            var out = ""
            for (v, s) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
                while n >= v { out += s; n -= v }
            }
            return out
        }
    }
}
