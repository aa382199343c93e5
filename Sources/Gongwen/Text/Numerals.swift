/// How a number was written.
package enum NumeralStyle: Sendable, Hashable {
    /// `1,000`, `548.74`, optionally with a Chinese multiplier (`3千万`, `1.2亿`): see `multiplied`.
    case arabic
    /// Positional Chinese numerals with units: `十二`, `一百零五`, `两千`, `四十`.
    case chinese
    /// Financial capitals: `伍拾万`, `壹仟贰佰`.
    case capital
    /// Digit-by-digit Chinese: `二〇二一`.
    case digitString
}

/// A number read from the normalized text.
package struct ParsedNumber: Sendable, Hashable {
    package var value: ExactDecimal
    package var range: Range<Int>
    package var style: NumeralStyle
    /// A multiplier character (`十百千万亿`) scaled an Arabic number (`548.74万`).
    package var multiplied: Bool
    /// Sum of the powers of ten of those multipliers (`3千万` → 7), 0 when none.
    package var power: Int = 0
    /// The value does not fit: report `number.overflow`, do not use `value`.
    package var overflow: Bool
    /// The upper end of a number written as two neighbouring digits (`三四十` is 30 to 40).
    package var upper: ExactDecimal? = nil
}

/// The one numeral parser every extractor uses. Exact (no floating point), allocation-free.
package enum Numerals {
    /// Value of a Chinese digit (`〇零一二两三…九`, capitals `壹贰叁…玖`), else nil.
    @inline(__always)
    package static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "零", "○": 0
        case "一", "壹": 1
        case "二", "两", "贰", "貳", "兩": 2
        case "三", "叁", "參": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆", "陸": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    /// Power of ten of a Chinese unit (`十`=1, `百`=2, `千`=3, `万`=4, `亿`=8), else nil.
    @inline(__always)
    package static func chineseUnit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十", "拾": 1
        case "百", "佰": 2
        case "千", "仟": 3
        case "万", "萬": 4
        case "亿", "億": 8
        default: nil
        }
    }

    @inline(__always)
    static func isCapital(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "壹", "贰", "貳", "叁", "參", "肆", "伍", "陆", "陸", "柒", "捌", "玖", "拾", "佰", "仟": true
        default: false
        }
    }

    /// Whether a number may start at this scalar (ASCII digit, Chinese digit, or a leading `十`).
    @inline(__always)
    package static func canStart(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0x30 && v <= 0x39 { return true }
        if v < 0x3000 || v > 0xFFFF { return false }
        return numeralClass[Int(v)] & 1 != 0
    }

    /// Per BMP scalar: bit 0 can start a number, bit 1 can be part of one (Chinese numerals; ASCII
    /// digits are tested directly), bit 2 is a scalar the date extractor must look at (a number
    /// start, a word that starts a date form, a line break or a title bracket). Every extractor asks
    /// this of every scalar; a table beats a switch over scattered code points.
    static let numeralClass: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        for v in 0x3000..<0x10000 {
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            if chineseDigit(c) != nil || c == "十" || c == "拾" { t[v] |= 1 | 4 }
            if chineseDigit(c) != nil || chineseUnit(c) != nil { t[v] |= 2 }
        }
        for v in 0x30...0x39 { t[v] |= 4 }
        for c in ["今", "本", "去", "上", "明", "前", "下", "年", "月", "第", "“", "\"", "x", "X", "\n", "《", "》", "民", "中"] as [Unicode.Scalar] {
            t[Int(c.value)] |= 4
        }
        return t
    }()

    /// Whether the scalar can be part of a number (used to find where numbers begin).
    @inline(__always)
    package static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v >= 0x30 && v <= 0x39 { return true }
        if v < 0x3000 || v > 0xFFFF { return false }
        return numeralClass[Int(v)] & 2 != 0
    }

    /// Parses the number that starts at `i`.
    /// - multipliers: let an Arabic number take Chinese multipliers after it (`3千万`, `1.2亿`).
    /// - separators: accept thousands separators `1,000` / `1 000`.
    package static func parse(_ s: [Unicode.Scalar], at i: Int, multipliers: Bool = true, separators: Bool = true) -> ParsedNumber? {
        parse(Scan(s), at: i, multipliers: multipliers, separators: separators)
    }

    static func parse(_ t: Scan, at i: Int, multipliers: Bool = true, separators: Bool = true) -> ParsedNumber? {
        if t.isDigit(i) { return parseArabic(t, at: i, multipliers: multipliers, separators: separators) }
        return parseChinese(t, at: i)
    }

    static func parseArabic(_ t: Scan, at i: Int, multipliers: Bool, separators: Bool) -> ParsedNumber? {
        var v = ExactDecimal.zero
        var overflow = false
        var j = i
        var group = 0
        while let d = t.digit(j) {
            if !overflow { if let x = v.appendingDigit(d) { v = x } else { overflow = true } }
            j += 1; group += 1
        }
        if group == 0 { return nil }
        if separators && group <= 3 {
            let sep = t[j]
            if sep == "," || sep == " " {
                while t[j] == sep && t.isDigit(j + 1) && t.isDigit(j + 2) && t.isDigit(j + 3) && !t.isDigit(j + 4) {
                    for k in 1...3 where !overflow {
                        if let x = v.appendingDigit(t.digit(j + k)!) { v = x } else { overflow = true }
                    }
                    j += 4
                }
            }
        }
        if t[j] == "." && t.isDigit(j + 1) {
            j += 1
            while let d = t.digit(j) {
                if !overflow {
                    if let x = v.appendingDigit(d) { v = ExactDecimal(significand: x.significand, scale: v.scale + 1) } else { overflow = true }
                }
                j += 1
            }
        }
        var multiplied = false
        var power = 0
        if multipliers {
            while let p = chineseUnit(t[j]) {
                if !overflow { if let x = v.timesPowerOfTen(p) { v = x } else { overflow = true } }
                multiplied = true
                power += p
                j += 1
            }
        }
        return ParsedNumber(value: v.reduced(), range: i..<j, style: .arabic, multiplied: multiplied, power: power, overflow: overflow)
    }

    /// `implicitOne`: a leading `百`, `千`, `万` or `亿` counts one of it (`百余人`, `近千人`, `万余元`),
    /// which only a caller that has seen a qualifier around it may ask for: alone, `千万` is "must"
    /// and `百人计划` a programme's name.
    static func parseChinese(_ t: Scan, at i: Int, implicitOne: Bool = false) -> ParsedNumber? {
        let c0 = t[i]
        guard chineseDigit(c0) != nil || c0 == "十" || c0 == "拾" || (implicitOne && chineseUnit(c0) != nil) else { return nil }
        // The run of numeral scalars, and whether it has units (positional) or not (digit string).
        var end = i
        var hasUnit = false
        var capital = false
        while end < t.n {
            let c = t[end]
            if chineseDigit(c) != nil { if isCapital(c) { capital = true } }
            else if chineseUnit(c) != nil { hasUnit = true; if isCapital(c) { capital = true } }
            else { break }
            end += 1
        }
        if !hasUnit {
            if end - i == 1 {
                var value = ExactDecimal(significand: UInt128(chineseDigit(c0)!))
                var j = end
                var overflow = false
                fraction(t, &j, &value, &overflow)
                return ParsedNumber(value: value, range: i..<j, style: capital ? .capital : .chinese, multiplied: false, overflow: overflow)
            }
            // 二〇二一: a digit string. `两` never appears in one.
            var v = ExactDecimal.zero
            var overflow = false
            var j = i
            while j < end {
                let c = t[j]
                if c == "两" { break }
                if !overflow { if let x = v.appendingDigit(chineseDigit(c)!) { v = x } else { overflow = true } }
                j += 1
            }
            if j - i == 1 {
                return ParsedNumber(value: ExactDecimal(significand: UInt128(chineseDigit(c0)!)), range: i..<j,
                                    style: .chinese, multiplied: false, overflow: false)
            }
            return ParsedNumber(value: v, range: i..<j, style: .digitString, multiplied: false, overflow: overflow)
        }
        // Positional: big (亿 level) + mid (万 level) + section (below 万) + current digit.
        var big: UInt64 = 0, mid: UInt64 = 0, section: UInt64 = 0, cur: UInt64 = 0
        var lastUnit = 0
        var prevDigit = false
        var prevWasUnit = false
        var sawZero = false
        var overflow = false
        var j = i
        while j < end {
            let c = t[j]
            if let d = chineseDigit(c) {
                if d == 0 { sawZero = true; prevDigit = false; prevWasUnit = false; j += 1; continue }
                if prevDigit { break }
                cur = UInt64(d); prevDigit = true
                j += 1
                if !prevWasUnit { sawZero = sawZero || false }
                continue
            }
            let u = chineseUnit(c)!
            if u < 4 {
                if lastUnit != 0 && lastUnit < 4 && u >= lastUnit && !prevDigit { break }
                let k: UInt64 = cur == 0 && !prevDigit ? 1 : cur
                section += k * UInt64(ExactDecimal.pow10(u)!)
                cur = 0
            } else if u == 4 {
                var part = section + cur
                if part == 0 && j == i && implicitOne { part = 1 }
                if part == 0 { break }
                let (m, o) = part.multipliedReportingOverflow(by: 10_000)
                if o { overflow = true }
                mid = m; section = 0; cur = 0
            } else {
                let (s1, o1) = big.addingReportingOverflow(j == i && implicitOne ? 1 : mid + section + cur)
                let (m, o2) = s1.multipliedReportingOverflow(by: 100_000_000)
                if o1 || o2 || s1 == 0 { if s1 == 0 { break }; overflow = true }
                big = m; mid = 0; section = 0; cur = 0
            }
            lastUnit = u; prevDigit = false; prevWasUnit = true; sawZero = false
            j += 1
        }
        if j == i { return nil }
        // 一千二 = 1200, 两万五 = 25000: a bare digit right after a unit of 百 or more.
        if cur > 0 && !sawZero && lastUnit >= 2 && j >= 2 && chineseUnit(t[j - 2]) == lastUnit {
            cur *= UInt64(ExactDecimal.pow10(lastUnit - 1)!)
        }
        var total: UInt64 = 0
        for part in [big, mid, section, cur] {
            let (x, o) = total.addingReportingOverflow(part)
            if o { overflow = true }
            total = x
        }
        var value = ExactDecimal(significand: UInt128(total))
        // 三点五, 一点二亿
        if lastUnit < 4 { fraction(t, &j, &value, &overflow) }
        return ParsedNumber(value: value.reduced(), range: i..<j, style: capital ? .capital : .chinese, multiplied: false, overflow: overflow)
    }

    /// Two neighbouring digits for a vague number, a range: `三四十` 30–40, `两三万` 20,000–30,000,
    /// `七八千` 7,000–8,000, `一二十万` 100,000–200,000, and after tens `十一二` 11–12, `三十四五万`
    /// 340,000–350,000. Nil for anything else, so `一二九`, `三四月` and `五六年` stay what they are
    /// (the caller still needs a unit word after the number).
    static func neighbouringDigits(_ t: Scan, at i: Int) -> ParsedNumber? {
        var j = i
        var tens: UInt64 = 0
        // Optional tens before the pair: 十, 三十.
        if t[j] == "十" { tens = 10; j += 1 }
        else if let d = chineseDigit(t[j]), d > 0, t[j + 1] == "十", chineseDigit(t[j + 2]) != nil { tens = UInt64(d) * 10; j += 2 }
        guard let d1 = chineseDigit(t[j]), let d2 = chineseDigit(t[j + 1]), d1 > 0, d2 == d1 + 1,
              !isCapital(t[j]), !isCapital(t[j + 1]) else { return nil }
        j += 2
        // The units after the pair: any run (十, 百, 千万) without tens; only 万 or 亿 after tens.
        var power = 0
        var k = j
        while let p = chineseUnit(t[k]), !isCapital(t[k]) { power += p; k += 1 }
        if tens > 0 {
            if power != 0 && power != 4 && power != 8 { return nil }
        } else if power == 0 {
            return nil
        }
        if chineseDigit(t[k]) != nil { return nil } // 三四十五: not this form
        guard let lo = ExactDecimal(significand: UInt128(tens + UInt64(d1))).timesPowerOfTen(power),
              let hi = ExactDecimal(significand: UInt128(tens + UInt64(d2))).timesPowerOfTen(power) else { return nil }
        return ParsedNumber(value: lo, range: i..<k, style: .chinese, multiplied: false, overflow: false, upper: hi)
    }

    /// `点` + Chinese digits after an integer part (`三点五`), then an optional `万`/`亿`.
    static func fraction(_ t: Scan, _ j: inout Int, _ value: inout ExactDecimal, _ overflow: inout Bool) {
        guard t[j] == "点", let first = chineseDigit(t[j + 1]), t[j + 1] != "两" else { return }
        _ = first
        var k = j + 1
        var v = value
        while let d = chineseDigit(t[k]), t[k] != "两" {
            if let x = v.appendingDigit(d) { v = ExactDecimal(significand: x.significand, scale: v.scale + 1) } else { overflow = true }
            k += 1
        }
        value = v.reduced()
        j = k
        if let p = chineseUnit(t[j]), p >= 4 {
            if let x = value.timesPowerOfTen(p) { value = x } else { overflow = true }
            j += 1
        }
    }

    /// Exactly `minLen...maxLen` ASCII digits at `i` not followed by another digit; value and end.
    @inline(__always)
    static func digits(_ t: Scan, at i: Int, min minLen: Int, max maxLen: Int) -> (value: Int, end: Int)? {
        var j = i, v = 0
        while let d = t.digit(j), j - i < maxLen { v = v * 10 + d; j += 1 }
        if j - i < minLen || t.isDigit(j) { return nil }
        return (v, j)
    }

    /// A small integer for a month, day or hour: ASCII digits or Chinese numerals (`十二`, `二十五`).
    static func smallInt(_ t: Scan, at i: Int, maxValue: Int) -> (value: Int, end: Int)? {
        if t.isDigit(i) {
            guard let r = digits(t, at: i, min: 1, max: 2), r.value <= 99 else { return nil }
            return r
        }
        guard let p = parseChinese(t, at: i), p.style == .chinese, !p.overflow, let v = p.value.intValue, v <= maxValue else { return nil }
        return (v, p.range.upperBound)
    }
}
