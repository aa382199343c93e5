/// Character classes the block and outline stages test on normalized scalars. Switches on scalar
/// values compile to jump tables: no `Character`, no allocation.
enum ScalarClass {
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}"
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always) static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
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

    /// The value of a Chinese digit (`〇零一二两三…九`), or nil.
    @inline(__always) static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    @inline(__always) static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        chineseDigit(s) != nil || s == "十" || s == "百"
    }

    /// Reads a small Chinese numeral (一 … 九十九, 一百 …) of `scalars[range]`; nil if malformed.
    static func smallChineseNumber(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 6 else { return nil }
        var total = 0, current = 0, sawAny = false
        for i in range {
            let s = scalars[i]
            if let d = chineseDigit(s) {
                current = current * 10 + d   // 二〇 style digit strings too
                sawAny = true
            } else if s == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
                sawAny = true
            } else if s == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
                sawAny = true
            } else {
                return nil
            }
        }
        return sawAny ? total + current : nil
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
