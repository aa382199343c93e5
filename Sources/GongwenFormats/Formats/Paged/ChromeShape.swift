/// The page-number and print-stamp shapes of running chrome, matched by a scalar cursor (no
/// `Regex` on a parsing path). A line is chrome by shape when it is, as a whole,
///
/// - a page number: `- 3 -`, `— 12 —`, `第3页`, `第 3 页 共 10 页`, `3/10`, `3`;
/// - a Latin page number: `Page 3 of 10`, `3 / 10` (any case);
///
/// or starts with Chromium's print header (`12/1/26, 9:54 AM`) or footer (`file://`, `http://`,
/// `https://`).
enum ChromeShape {
    static func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return isPageNumber(scalars) || isLatinPageNumber(scalars) || startsWithPrintStamp(scalars)
    }

    /// `[space dash dot]* (第 space*)? digits{1,5} (space* 页)? (space* (/|／|共) space* digits{1,5} (space* 页)?)? [space dash dot]*`
    static func isPageNumber(_ s: [Unicode.Scalar]) -> Bool {
        var c = Cursor(s)
        c.skip(while: isFiller)
        if c.take("第") { c.skip(while: isSpace) }
        guard c.digits(1...5, wide: true) else { return false }
        c.optional { $0.skip(while: isSpace); return $0.take("页") }
        c.optional { c in
            c.skip(while: isSpace)
            guard c.take("/") || c.take("／") || c.take("共") else { return false }
            c.skip(while: isSpace)
            guard c.digits(1...5, wide: true) else { return false }
            c.optional { $0.skip(while: isSpace); return $0.take("页") }
            return true
        }
        c.skip(while: isFiller)
        return c.atEnd
    }

    /// `space* (Page space+)? digits{1,5} space* (of|/) space* digits{1,5} space*`, any case.
    static func isLatinPageNumber(_ s: [Unicode.Scalar]) -> Bool {
        var c = Cursor(s)
        c.skip(while: isSpace)
        c.optional { $0.takeWord("page") && $0.skip(while: isSpace) > 0 }
        guard c.digits(1...5, wide: false) else { return false }
        c.skip(while: isSpace)
        guard c.takeWord("of") || c.take("/") else { return false }
        c.skip(while: isSpace)
        guard c.digits(1...5, wide: false) else { return false }
        c.skip(while: isSpace)
        return c.atEnd
    }

    /// `d{1,2}/d{1,2}/d{2,4},? space+ d{1,2}:dd` or `file://`, `http://`, `https://` at the start.
    static func startsWithPrintStamp(_ s: [Unicode.Scalar]) -> Bool {
        var c = Cursor(s)
        if c.takeWord("file://") || c.takeWord("http://") || c.takeWord("https://") { return true }
        guard c.digits(1...2, wide: false), c.take("/"), c.digits(1...2, wide: false), c.take("/"),
              c.digits(2...4, wide: false) else { return false }
        _ = c.take(",")
        guard c.skip(while: isSpace) > 0, c.digits(1...2, wide: false), c.take(":") else { return false }
        return c.digits(2...2, wide: false, exact: false)
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    private static func isFiller(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "-", "—", "–", "－", "·", "•": return true
        default: return s.properties.isWhitespace
        }
    }

    /// A position in a line's scalars; every step either advances or leaves it where it was.
    private struct Cursor {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i == s.count }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard i < s.count, s[i] == scalar else { return false }
            i += 1
            return true
        }

        /// An ASCII word, any case.
        mutating func takeWord(_ word: String) -> Bool {
            var j = i
            for w in word.unicodeScalars {
                guard j < s.count, s[j].isASCII, Self.lower(s[j]) == w else { return false }
                j += 1
            }
            i = j
            return true
        }

        @discardableResult
        mutating func skip(while test: (Unicode.Scalar) -> Bool) -> Int {
            let start = i
            while i < s.count, test(s[i]) { i += 1 }
            return i - start
        }

        /// Between `count.lowerBound` and `count.upperBound` digits, and (when `exact`) no
        /// further digit after them; `wide` admits full-width digits too.
        mutating func digits(_ count: ClosedRange<Int>, wide: Bool, exact: Bool = true) -> Bool {
            var j = i
            while j < s.count, j - i < count.upperBound, Self.isDigit(s[j], wide: wide) { j += 1 }
            guard j - i >= count.lowerBound else { return false }
            if exact, j < s.count, Self.isDigit(s[j], wide: wide) { return false }
            i = j
            return true
        }

        /// Runs `step`; where it fails, puts the cursor back.
        mutating func optional(_ step: (inout Cursor) -> Bool) {
            var trial = self
            if step(&trial) { self = trial }
        }

        private static func isDigit(_ s: Unicode.Scalar, wide: Bool) -> Bool {
            ("0"..."9").contains(s) || (wide && ("０"..."９").contains(s))
        }

        private static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(s) ? Unicode.Scalar(s.value | 0x20)! : s
        }
    }
}
