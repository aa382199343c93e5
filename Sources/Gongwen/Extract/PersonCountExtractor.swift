/// People counts: `43人`, `共43人参加`, `40余人`, `四十余人`, `57人次`, `130名`, `约200人`, `100人左右`,
/// `2.5万人`, ranges `30-40人` / `三十至四十人` (`countMax`). `role = attendance` when 参加/出席/参会/与会/列席/到会 governs the count in the same clause
/// (right after it, `43人参加`, or before it, `出席会议的有43人`, `与会人员120余人`).
///
/// Not counts: `人民`, `个人`, `人才` (no number, or a word continues after 人), `1人1档` /
/// `一人一策` (a numeral right after the unit), `第一名` (ordinal), `排名`, `名单`, `十名次`.
struct PersonCountExtractor {
    /// Words that say what a count of people did: attend (`出席`, `实到`), were due to attend
    /// (`应出席`, `应到`), or stayed away (`缺席`, `请假`). `应`/`未` before an attendance word turn it
    /// into expected/absent (`应出席`, `未参加`).
    static let roleWords: [([Unicode.Scalar], String)] = [
        (W("参加"), "attendance"), (W("出席"), "attendance"), (W("参会"), "attendance"), (W("与会"), "attendance"),
        (W("列席"), "attendance"), (W("到会"), "attendance"), (W("实到"), "attendance"),
        (W("应到"), "expected"), (W("缺席"), "absent"), (W("请假"), "absent"), (W("缺会"), "absent"), (W("未到"), "absent"),
    ]
    static let zuoyou = W("左右"), yishang = W("以上"), jiang = W("将近"), dayue = W("大约")

    /// Scalars after `人` that make a word rather than a unit (`人民`, `人才`, `人均` …).
    @inline(__always) static func wordAfter人(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "民", "才", "类", "性", "格", "事", "生", "间", "文", "道", "权", "心", "物", "情", "工", "力", "均",
             "士", "世", "口", "造", "身", "群", "家", "质", "选", "脉", "手": true
        default: false
        }
    }
    @inline(__always) static func wordAfter名(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "称", "单", "义", "次", "誉", "牌", "片", "字", "录", "著", "言", "胜", "气", "声", "校", "词", "列", "额", "下", "目", "流", "利", "号", "句", "画", "医", "家", "曲": true
        default: false
        }
    }


    func match(_ t: Scan, _ num: ParsedNumber) -> (Range<Int>, PersonCountValue, Bool)? {
        if num.style == .digitString || num.style == .capital { return nil }
        var start = num.range.lowerBound
        if t[start - 1] == "第" { return nil }
        // The upper end of a range whose lower end was rejected (`第40-50人`) is no count either.
        if (t[start - 1] == "-" || t[start - 1] == "至" || t[start - 1] == "到") && t.inNumber(start - 2) { return nil }
        var j = t.skipSpaces(num.range.upperBound, limit: 1)
        // A range: `30-40人`, `30至40人`, `三十至四十人` (the upper bound in the same numeral style).
        var upper: ParsedNumber?
        if num.upper == nil, t[j] == "-" || t[j] == "至" || t[j] == "到", t.startsNumber(j + 1),
           let n2 = Numerals.parse(t, at: j + 1), n2.style == num.style, !n2.overflow, n2.value.intValue != nil,
           let lo = num.value.intValue, let hi = n2.value.intValue, hi > lo {
            upper = n2
            j = t.skipSpaces(n2.range.upperBound, limit: 1)
        }
        var qualifier: String?
        if upper == nil, num.upper == nil, let q = suffixQualifier(t, num, at: j) { qualifier = q; j += 1 }
        var value = num.value
        var overflow = num.overflow
        // 40余万人
        if qualifier != nil, let p = Numerals.chineseUnit(t[j]), p >= 2 {
            if let x = value.timesPowerOfTen(p) { value = x } else { overflow = true }
            j += 1
        }
        var unit: String
        var end: Int
        if t[j] == "人" {
            if t[j + 1] == "次" { unit = "人次"; end = j + 2 }
            else {
                if PersonCountExtractor.wordAfter人(t[j + 1]) { return nil }
                if Numerals.canStart(t[j + 1]) || t[j + 1] == "一" { return nil } // 1人1档, 一人一策
                unit = "人"; end = j + 1
            }
        } else if t[j] == "位" {
            // 12位专家, not 3位数, 第1位 (ordinal, rejected above), 2位小数
            switch t[j + 1] { case "数", "置", "于", "次", "列", "移", "面", "点", "小", "居", "号", "图", "元", "址", "阶", "码": return nil; default: break }
            if Numerals.canStart(t[j + 1]) { return nil }
            unit = "位"; end = j + 1
        } else if t[j] == "名" {
            if PersonCountExtractor.wordAfter名(t[j + 1]) { return nil }
            if t[start - 1] == "排" || t[start - 1] == "前" && t[start - 2] == "排" { return nil }
            if Numerals.canStart(t[j + 1]) { return nil }
            unit = "名"; end = j + 1
        } else {
            return nil
        }
        guard !overflow else { return (start..<end, PersonCountValue(count: 0, unit: unit), true) }
        guard let count = value.intValue else { return nil } // 1.5人: not a head count
        if qualifier == nil {
            if let (q, l) = prefixQualifier(t, before: start) { qualifier = q; start -= l }
        }
        let ws = t.skipSpaces(end, limit: 1)
        if qualifier == nil {
            if t.has(PersonCountExtractor.zuoyou, at: ws) { qualifier = "左右"; end = ws + 2 }
            else if t.has(PersonCountExtractor.yishang, at: ws) { qualifier = "以上"; end = ws + 2 }
        }
        let role = role(t, start: start, end: end)
        return (start..<end, PersonCountValue(count: count, countMax: upper?.value.intValue ?? num.upper?.intValue,
                                              approximate: qualifier != nil,
                                              qualifier: qualifier, unit: unit, role: role), false)
    }

    /// The role word at `k`, with `应`/`未` before an attendance word making it expected/absent.
    func roleWord(_ t: Scan, at k: Int) -> String? {
        for (w, role) in PersonCountExtractor.roleWords where t.has(w, at: k) {
            if role == "attendance" && t[k - 1] == "应" { return "expected" }
            if role == "attendance" && (t[k - 1] == "未" || t[k - 1] == "没") { return "absent" }
            return role
        }
        return nil
    }

    /// A role word in the same clause: within 4 scalars after the count, or within 16 before.
    func role(_ t: Scan, start: Int, end: Int) -> String? {
        var k = end
        while k < end + 4 && !isClauseBreak(t[k]) {
            if let r = roleWord(t, at: k) { return r }
            k += 1
        }
        k = start - 2
        while k >= start - 16 && k >= 0 && !isClauseBreak(t[k]) && !isClauseBreak(t[k + 1]) {
            if let r = roleWord(t, at: k) { return r }
            k -= 1
        }
        return nil
    }
}
