/// Cheap integer-indexed access to the normalized scalars, shared by the extractors.
/// Out-of-range reads return NUL so look-arounds need no bounds checks.
struct Scan {
    let s: [Unicode.Scalar]
    let n: Int

    /// `Numerals.numeralClass`, held here so the per-scalar tests below do not pay a lazy-static
    /// check (`swift_once`) on every call.
    let numerals: [UInt8]

    init(_ scalars: [Unicode.Scalar]) {
        s = scalars
        n = scalars.count
        numerals = Numerals.numeralClass
    }

    /// `Numerals.canStart(self[i])`, for hot loops.
    @inline(__always) func startsNumber(_ i: Int) -> Bool {
        let v = self[i].value
        if v >= 0x30 && v <= 0x39 { return true }
        return v >= 0x3000 && v <= 0xFFFF && numerals[Int(v)] & 1 != 0
    }

    /// Whether the date extractor must look at scalar `i` (bit 2 of `Numerals.numeralClass`).
    @inline(__always) func concernsDates(_ i: Int) -> Bool {
        let v = self[i].value
        return v < 0x10000 && numerals[Int(v)] & 4 != 0
    }

    /// `Numerals.isNumeral(self[i])`, for hot loops.
    @inline(__always) func inNumber(_ i: Int) -> Bool {
        let v = self[i].value
        if v >= 0x30 && v <= 0x39 { return true }
        return v >= 0x3000 && v <= 0xFFFF && numerals[Int(v)] & 2 != 0
    }

    @inline(__always) subscript(_ i: Int) -> Unicode.Scalar {
        i >= 0 && i < n ? s[i] : "\0"
    }

    @inline(__always) func isDigit(_ i: Int) -> Bool {
        let v = self[i].value
        return v >= 0x30 && v <= 0x39
    }

    @inline(__always) func digit(_ i: Int) -> Int? {
        let v = self[i].value
        return v >= 0x30 && v <= 0x39 ? Int(v - 0x30) : nil
    }

    @inline(__always) func isASCIILetter(_ i: Int) -> Bool {
        let v = self[i].value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// CJK unified ideographs (basic block and extension A).
    @inline(__always) func isIdeograph(_ i: Int) -> Bool {
        Scan.isIdeograph(self[i])
    }

    @inline(__always) static func isIdeograph(_ c: Unicode.Scalar) -> Bool {
        ScalarClass.isHan(c)
    }

    /// Whether `word` occurs at `i`.
    @inline(__always) func has(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= n else { return false }
        var k = 0
        while k < word.count {
            if s[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `word` ends just before `i` (occupies `i - word.count ..< i`).
    @inline(__always) func hasBefore(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        has(word, at: i - word.count)
    }

    /// Length of the longest word of `words` at `i`, 0 if none.
    func longest(_ words: [[Unicode.Scalar]], at i: Int) -> Int {
        var best = 0
        for w in words where w.count > best && has(w, at: i) { best = w.count }
        return best
    }

    /// Index of the first position ≥ `i` that is not an ASCII space (at most `limit` skipped).
    @inline(__always) func skipSpaces(_ i: Int, limit: Int = 2) -> Int {
        var j = i
        while j < n && j - i < limit && s[j] == " " { j += 1 }
        return j
    }

    /// The text of a range, for values (never used in the scanning loops).
    func string(_ r: Range<Int>) -> String {
        ScalarText.string(s[max(0, r.lowerBound)..<min(n, r.upperBound)])
    }
}

/// Builds a scalar array from a literal once (for the word tables).
@inline(__always) func W(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

/// Clause punctuation that bounds look-arounds (attendance verbs, qualifiers).
@inline(__always) func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "\n", ",", "。", ";", ":", "!", "?", "、", "\0": true
    default: false
    }
}

/// Zero-padded ISO pieces.
func iso(_ y: Int, _ m: Int? = nil, _ d: Int? = nil) -> String {
    func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }
    var out = pad(y, 4)
    if let m { out += "-" + pad(m, 2) }
    if let d, m != nil { out += "-" + pad(d, 2) }
    return out
}

/// The qualifier right after a number, before its unit or multiplier: `40余人`, `3万多元`, and `几`
/// after tens (`十几人`, `二十几万元`).
func suffixQualifier(_ t: Scan, _ num: ParsedNumber, at j: Int) -> String? {
    switch t[j] {
    case "余": return "余"
    case "多": return "多"
    case "几" where j == num.range.upperBound && (t[j - 1] == "十" || t[j - 1] == "拾"): return "几"
    default: return nil
    }
}

/// A prefix qualifier right before `i` that is a qualifier, not the end of a word (`签约`, `节约`,
/// `制约`, `最近`, `附近` …): `约`/`近`, `超过`/`超`/`逾`, and `数`/`几`/`上` before a unit numeral.
/// Returns the qualifier and its length (with `将近`/`大约`).
func prefixQualifier(_ t: Scan, before i: Int) -> (String, Int)? {
    let c = t[i - 1]
    // 超过/超/逾 (not 赶超, 高超)
    if c == "过" && t[i - 2] == "超" { return ("超过", 2) }
    if c == "逾" { return ("逾", 1) }
    // 数十万元, 数百人, 几十人, 几千元: 数 or 几 before a Chinese unit numeral (not 人数10人, 几个).
    if (c == "数" || c == "几") && (t[i] == "十" || t[i] == "百" || t[i] == "千" || t[i] == "万" || t[i] == "亿") {
        return (c == "数" ? "数" : "几", 1)
    }
    // 上百人, 上千名, 上万元 (上 before 十 is no quantity word).
    if c == "上" && (t[i] == "百" || t[i] == "千" || t[i] == "万" || t[i] == "亿") { return ("上", 1) }
    if c == "超" {
        switch t[i - 2] { case "赶", "高", "精", "入": return nil; default: return ("超", 1) }
    }
    guard c == "约" || c == "近" else { return nil }
    let p = t[i - 2]
    if c == "近" && p == "将" { return ("近", 2) }
    if c == "约" && p == "大" { return ("约", 2) }
    switch p {
    case "签", "制", "节", "契", "公", "条", "预", "履", "违", "相", "邀", "特", "合", "集", "简", "婚", "隐", "纽", "俭", "赴", "如", "守", "毁", "协", "践",
         "最", "附", "就", "亲", "邻", "靠", "临", "贴", "逼", "晚", "新", "远":
        return nil
    default:
        return (c == "约" ? "约" : "近", 1)
    }
}
