/// One physical line of the normalized text.
struct Line: Sendable {
    /// From the line's first scalar up to and including its `\n` (or the end of the text).
    var range: Range<Int>
    /// The line without leading and trailing white space; empty for a blank line.
    var content: Range<Int>
    /// Leading white space before the content (indentation of captions, PDF exports).
    var indent: Int { content.lowerBound - range.lowerBound }
    var isBlank: Bool { content.isEmpty }

    /// Splits normalized text into lines (`\n` is the only break after normalization).
    static func split(_ s: [Unicode.Scalar]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        let n = s.count
        while start < n {
            var end = start
            while end < n && s[end] != "\n" { end += 1 }
            var lo = start, hi = end
            while lo < hi && ScalarClass.isSpace(s[lo]) { lo += 1 }
            while hi > lo && ScalarClass.isSpace(s[hi - 1]) { hi -= 1 }
            let next = end < n ? end + 1 : end
            lines.append(Line(range: start..<next, content: lo < hi ? lo..<hi : lo..<lo))
            start = next
        }
        return lines
    }
}
