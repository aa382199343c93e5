import Foundation
import Gongwen

/// The text form the full-text index stores and queries use: folded (NFKC width folding and
/// Traditional → Simplified, by the core's normalizer), then split into overlapping CJK bigrams
/// (as Lucene's CJKBigramFilter does) in one column and single CJK characters in another, both
/// separated by spaces so that SQLite's standard `unicode61` tokenizer reads them: any SQLite
/// client can query the index, no custom tokenizer needed.
public enum SearchGrams {
    /// Han, kana, hangul, CJK compatibility: written without spaces between words.
    @inline(__always) static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Letters, digits and CJK characters: what the index keeps (punctuation and spaces separate).
    @inline(__always) static func isWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        if isCJK(s) { return true }
        if v >= 0x3000 && v <= 0x303F { return v == 0x3007 }     // CJK punctuation; 〇 is a numeral
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Folded scalars of `text` (same script and width whichever way the source wrote it), with
    /// the offset in `text` (in scalars) where each folded scalar came from, plus the end.
    ///
    /// Width and punctuation fold by the core's normalizer (NFKC). Traditional → Simplified is ICU's
    /// transliterator applied to one character at a time, and only to characters outside GB 2312
    /// (the Simplified set): ICU also maps some Simplified characters to others (`察` → `查`), which
    /// would make `巡察` find `巡查`.
    public static func fold(_ text: String) -> (scalars: [Unicode.Scalar], toSource: [Int]) {
        let n = Normalizer.normalize(text, traditionalToSimplified: false)
        var map = (0..<n.count).map { n.sourceStart($0) }
        map.append(n.sourceCount)
        var scalars = n.scalars
        for i in scalars.indices where isCJK(scalars[i]) && !Simplified.shared.isSimplified(scalars[i]) {
            scalars[i] = Simplified.shared.simplify(scalars[i])
        }
        return (scalars, map)
    }

    /// GB 2312's Hanzi, and Traditional → Simplified of single characters, cached.
    final class Simplified: @unchecked Sendable {
        static let shared = Simplified()
        let gb2312: Set<Unicode.Scalar>
        private var cache: [Unicode.Scalar: Unicode.Scalar] = [:]
        private let lock = NSLock()

        init() {
            // GB 2312's Hanzi rows (0xB0–0xF7) decode identically in GB18030, its superset.
            var bytes: [UInt8] = []
            for hi in UInt8(0xB0)...UInt8(0xF7) { for lo in UInt8(0xA1)...UInt8(0xFE) { bytes += [hi, lo] } }
            let text = SourceDecoder.decode(bytes, forcedEncoding: "GB18030").text
            gb2312 = Set(text.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }

        func isSimplified(_ s: Unicode.Scalar) -> Bool { gb2312.contains(s) }

        func simplify(_ s: Unicode.Scalar) -> Unicode.Scalar {
            lock.lock()
            if let hit = cache[s] { lock.unlock(); return hit }
            lock.unlock()
            let out = Normalizer.normalize(String(s), traditionalToSimplified: true).scalars
            let folded = out.count == 1 ? out[0] : s
            lock.lock()
            cache[s] = folded
            lock.unlock()
            return folded
        }
    }

    /// The `grams` and `chars` columns of one text.
    public static func columns(_ text: String) -> (grams: String, chars: String) {
        columns(folded: fold(text).scalars)
    }

    static func columns(folded s: [Unicode.Scalar]) -> (grams: String, chars: String) {
        var grams: [UInt8] = [], chars: [UInt8] = []
        grams.reserveCapacity(s.count * 7)
        chars.reserveCapacity(s.count * 4)
        @inline(__always) func put(_ c: Unicode.Scalar, _ out: inout [UInt8]) {
            let v = c.value
            switch v {
            case 0..<0x80: out.append(UInt8(v))
            case 0x80..<0x800: out += [UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F))]
            case 0x800..<0x10000: out += [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
            default: out += [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
            }
        }
        @inline(__always) func space(_ out: inout [UInt8]) { if !out.isEmpty { out.append(0x20) } }
        var i = 0
        while i < s.count {
            if isCJK(s[i]) {
                var j = i
                while j < s.count && isCJK(s[j]) { j += 1 }
                if j - i == 1 {
                    space(&grams); put(s[i], &grams)
                } else {
                    for k in i..<(j - 1) { space(&grams); put(s[k], &grams); put(s[k + 1], &grams) }
                }
                for k in i..<j { space(&chars); put(s[k], &chars) }
                i = j
            } else if isWord(s[i]) {
                var j = i
                space(&grams)
                while j < s.count && isWord(s[j]) && !isCJK(s[j]) { put(s[j], &grams); j += 1 }
                i = j
            } else {
                i += 1
            }
        }
        return (String(decoding: grams, as: UTF8.self), String(decoding: chars, as: UTF8.self))
    }

    /// An FTS5 `MATCH` expression for what a person types: each space-separated term must occur
    /// (AND). A term is split into runs: a run of two or more CJK characters is the phrase of its
    /// bigrams in `grams`, a single CJK character is that character in `chars`, other words are
    /// themselves in `grams`. Runs of one term are ANDed (`2020年` is `grams : "2020" AND chars : "年"`,
    /// since in `2020年度` the `年` is inside the bigram `年度`), so `gongwen search` checks every hit
    /// for the term itself. Nil when nothing searchable is left.
    public static func matchExpression(_ query: String) -> String? {
        var parts: [String] = []
        for term in query.split(whereSeparator: { $0.isWhitespace }) {
            let folded = fold(String(term)).scalars
            var i = 0
            while i < folded.count {
                guard isWord(folded[i]) else { i += 1; continue }
                let cjk = isCJK(folded[i])
                var j = i
                while j < folded.count && isWord(folded[j]) && isCJK(folded[j]) == cjk { j += 1 }
                let run = Array(folded[i..<j])
                if cjk && run.count == 1 {
                    parts.append("chars : \"\(String(String.UnicodeScalarView(run)))\"")
                } else {
                    parts.append("grams : \"\(columns(folded: run).grams)\"")
                }
                i = j
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    /// The folded form of a query term, for finding it again in a paragraph's folded text.
    public static func foldedTerms(_ query: String) -> [[Unicode.Scalar]] {
        query.split(whereSeparator: { $0.isWhitespace }).map { fold(String($0)).scalars }.filter { !$0.isEmpty }
    }
}
