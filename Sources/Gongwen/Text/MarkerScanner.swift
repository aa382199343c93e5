/// A numbering marker found at the start of a block.
struct MarkerMatch: Sendable, Equatable {
    var style: MarkerStyle
    var ordinal: Int
    /// The marker with its punctuation (`一、`, `(1)`, `问题2:`), normalized coordinates.
    var range: Range<Int>
    /// An article inserted after `ordinal` (`第12-1條`, `第十二條之一`): its number after the dash or 之.
    var inserted: Int? = nil
}

/// Recognises the GB/T 9704 numbering markers and the variants real documents use, at a given
/// position of normalized text (full-width forms are already folded: `（一）` reads as `(一)`).
/// False markers are rejected here: `1.5万元` (a digit after the dot), `2018 年` (no marker
/// punctuation), `(2020)` (too many digits for a list), `(扩大)` (not a numeral).
enum MarkerScanner {
    static func scan(_ s: [Unicode.Scalar], at start: Int, end: Int) -> MarkerMatch? {
        guard start < end else { return nil }
        let c = s[start]
        if c == "(" { return parenthesized(s, start, end) }
        if ScalarClass.isDigit(c) { return arabic(s, start, end) }
        if ScalarClass.isChineseNumeral(c) { return chinese(s, start, end) }
        if (0x2460...0x2473).contains(c.value) {
            return MarkerMatch(style: .circledNumeral, ordinal: Int(c.value - 0x2460) + 1, range: start..<(start + 1))
        }
        if c == "第" { return ordinalWord(s, start, end) }
        if c == "问", start + 1 < end, s[start + 1] == "题" { return problem(s, start, end) }
        return nil
    }

    /// `一、` or `一.` (not `一.5`).
    private static func chinese(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> MarkerMatch? {
        var i = start
        while i < end && i - start < 4 && ScalarClass.isChineseNumeral(s[i]) { i += 1 }
        guard i < end, let n = ScalarClass.smallChineseNumber(s, start..<i), n > 0 else { return nil }
        let p = s[i]
        guard p == "、" || (p == "." && !(i + 1 < end && ScalarClass.isDigit(s[i + 1]))) else { return nil }
        return MarkerMatch(style: .chineseNumeral, ordinal: n, range: start..<(i + 1))
    }

    /// `1.`, `1、`, `1．` (folded to `.`); not `1.5`, not `2018.` (years are not list numbers).
    private static func arabic(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> MarkerMatch? {
        var i = start
        while i < end && ScalarClass.isDigit(s[i]) { i += 1 }
        guard i - start <= 3, i < end, let n = ScalarClass.arabicNumber(s, start..<i), n > 0 else { return nil }
        let p = s[i]
        guard p == "、" || p == "." else { return nil }
        if i + 1 < end && ScalarClass.isDigit(s[i + 1]) { return nil }
        return MarkerMatch(style: .arabicNumeral, ordinal: n, range: start..<(i + 1))
    }

    /// `(一)` and `(1)`.
    private static func parenthesized(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> MarkerMatch? {
        var i = start + 1
        guard i < end else { return nil }
        if ScalarClass.isDigit(s[i]) {
            while i < end && ScalarClass.isDigit(s[i]) { i += 1 }
            guard i - start - 1 <= 3, i < end, s[i] == ")", let n = ScalarClass.arabicNumber(s, (start + 1)..<i), n > 0 else { return nil }
            return MarkerMatch(style: .parenthesizedArabicNumeral, ordinal: n, range: start..<(i + 1))
        }
        while i < end && i - start <= 4 && ScalarClass.isChineseNumeral(s[i]) { i += 1 }
        guard i < end, s[i] == ")", let n = ScalarClass.smallChineseNumber(s, (start + 1)..<i), n > 0 else { return nil }
        return MarkerMatch(style: .parenthesizedChineseNumeral, ordinal: n, range: start..<(i + 1))
    }

    /// `第一阶段:`, `第一部分` and `第一编` (a part), `第一章`, `第一节`, `第一条`, and as Taiwan regulations write them:
    /// `第 1 條`, `第 一 章`, `第 12-1 條`, `第十二條之一` (spaces inside, Arabic numbers, inserted articles).
    private static func ordinalWord(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> MarkerMatch? {
        func spaces(_ k: Int) -> Int {
            var j = k
            while j < end && j - k < 2 && ScalarClass.isSpace(s[j]) { j += 1 }
            return j
        }
        guard let (ordinal, n) = number(s, from: spaces(start + 1), end: end, maxChinese: 5) else { return nil }
        var inserted: Int?
        var i = n
        // 第 12-1 條
        if s[i] == "-", let (sub, e) = number(s, from: i + 1, end: end, maxChinese: 0), ScalarClass.isDigit(s[i + 1]) { inserted = sub; i = e }
        i = spaces(i)
        guard i < end else { return nil }
        let style: MarkerStyle
        var j = i + 1
        switch s[i] {
        case "章": style = .chapter
        case "节", "節": style = .regulationSection
        case "条", "條": style = .article
        case "阶":
            guard j < end, s[j] == "段" else { return nil }
            style = .stage; j += 1
        case "部":
            guard j < end, s[j] == "分" else { return nil }
            style = .part; j += 1
        case "编", "編":
            // 第一编 总则 (a code's books, 民法典); not 第一编辑室, 第二编组.
            if j < end {
                switch s[j] {
                case "辑", "輯", "撰", "制", "製", "写", "寫", "排", "码", "碼", "号", "號", "者", "年", "印", "著", "纂",
                     "委", "译", "譯", "导", "導", "剧", "劇", "织", "織", "程", "队", "隊", "组", "組", "成", "入", "造", "外":
                    return nil
                default: break
                }
            }
            style = .part
        default: return nil
        }
        // 第十二條之一
        if style == .article && inserted == nil && j + 1 < end && s[j] == "之" {
            var e = j + 1
            while e < end && e - j <= 3 && ScalarClass.isChineseNumeral(s[e]) { e += 1 }
            if let sub = ScalarClass.smallChineseNumber(s, (j + 1)..<e), sub > 0 { inserted = sub; j = e }
        }
        if j < end && (s[j] == ":" || s[j] == "、") { j += 1 }
        return MarkerMatch(style: style, ordinal: ordinal, range: start..<j, inserted: inserted)
    }

    /// A positive Arabic or small Chinese number at `from`, and where it ends (before `end`).
    private static func number(_ s: [Unicode.Scalar], from: Int, end: Int, maxChinese: Int) -> (Int, Int)? {
        var i = from
        let n: Int?
        if i < end && ScalarClass.isDigit(s[i]) {
            while i < end && ScalarClass.isDigit(s[i]) { i += 1 }
            n = ScalarClass.arabicNumber(s, from..<i)
        } else {
            while i < end && i - from < maxChinese && ScalarClass.isChineseNumeral(s[i]) { i += 1 }
            n = ScalarClass.smallChineseNumber(s, from..<i)
        }
        guard let v = n, v > 0, i < end else { return nil }
        return (v, i)
    }

    /// `问题1.`, `问题1:`, `问题一、`.
    private static func problem(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> MarkerMatch? {
        guard let (ordinal, i) = number(s, from: start + 2, end: end, maxChinese: 4) else { return nil }
        let p = s[i]
        guard p == "." || p == ":" || p == "、" || p == " " else { return nil }
        if p == "." && i + 1 < end && ScalarClass.isDigit(s[i + 1]) { return nil }
        return MarkerMatch(style: .problem, ordinal: ordinal, range: start..<(i + 1))
    }
}

/// An inline enumeration marker: `一是`, `二要`, `三则`.
struct ItemMarker: Sendable, Equatable {
    var ordinal: Int
    /// `是`, `要`, `则`: items of one enumeration share it.
    var suffix: Unicode.Scalar
    var position: Int
    /// Where the item's text ends: the next item, or the paragraph's end, less trailing white
    /// space and line breaks (set by `Enumeration.collect`).
    var end: Int = 0

    /// An item marker at `i`, when what precedes it is a boundary (start, punctuation, space):
    /// `统一是` and `这一要` are words, not items.
    static func at(_ s: [Unicode.Scalar], _ i: Int, contentStart: Int) -> ItemMarker? {
        guard i + 1 < s.count else { return nil }
        let suffix = s[i + 1]
        guard suffix == "是" || suffix == "要" || suffix == "则" else { return nil }
        let ordinal: Int
        switch s[i] {
        case "一": ordinal = 1
        case "二": ordinal = 2
        case "三": ordinal = 3
        case "四": ordinal = 4
        case "五": ordinal = 5
        case "六": ordinal = 6
        case "七": ordinal = 7
        case "八": ordinal = 8
        case "九": ordinal = 9
        case "十": ordinal = 10
        default: return nil
        }
        if i > contentStart {
            let p = s[i - 1]
            guard !ScalarClass.isHan(p), !ScalarClass.isDigit(p), !(p.properties.isAlphabetic && p.value < 0x3000) else { return nil }
            if p == "第" { return nil }
        }
        return ItemMarker(ordinal: ordinal, suffix: suffix, position: i)
    }
}
