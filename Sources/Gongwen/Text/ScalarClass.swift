/// Character classes every stage tests on scalars (the one home of the CJK ranges). Switches on
/// scalar values compile to jump tables: no `Character`, no allocation.
package enum ScalarClass {
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}"
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    /// CJK unified ideographs: the basic block and extension A.
    @inline(__always) package static func isHan(_ s: Unicode.Scalar) -> Bool {
        isHan(s.value)
    }

    @inline(__always) package static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// Ends a sentence, so a line ending in it is not broken in mid-sentence.
    @inline(__always) static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "!", "?", ";", ":", "…", "！", "？", "；", "：": true
        default: false
        }
    }

    /// Ends a heading: the first of these after a marker closes the heading.
    @inline(__always) static func endsHeading(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "!", "?", ";", "！", "？", "；", "\n": true
        default: false
        }
    }

    @inline(__always) static func isClosingQuote(_ s: Unicode.Scalar) -> Bool {
        s == "”" || s == "’" || s == "\"" || s == "」" || s == "』" || s == ")"
    }

    /// The value of a Chinese digit (`〇零一二两三…九`, capitals `壹贰…`), or nil: the shared
    /// numeral parser's table.
    @inline(__always) static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        Numerals.chineseDigit(s)
    }

    @inline(__always) static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        chineseDigit(s) != nil || s == "十" || s == "百" || s == "拾" || s == "佰"
    }

    /// The value of the Chinese numeral that is exactly `scalars[range]` (一 … 九十九, 一百零五,
    /// digit strings 二〇二一), read by the one numeral parser every extractor uses; nil otherwise.
    static func smallChineseNumber(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 6,
              let parsed = Numerals.parse(scalars, at: range.lowerBound, multipliers: false),
              parsed.range == range, !parsed.overflow else { return nil }
        return parsed.value.intValue
    }

    /// Reads ASCII digits of `scalars[range]`.
    static func arabicNumber(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 6 else { return nil }
        var v = 0
        for i in range {
            guard isDigit(scalars[i]) else { return nil }
            v = v * 10 + Int(scalars[i].value - 0x30)
        }
        return v
    }
}
