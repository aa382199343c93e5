/// Money: `548.74万元`, `人民币伍拾万元整`, `约1.2亿元`, `20余万元`, `399.5元/人`, `10万-50万元`,
/// `3元5角`, foreign currencies (`美元` → USD …). Triggers on numbers; the currency word must follow.
///
/// Not money: `元旦`, `单元`, `元素`, `公元`, `一元化`, `万元户`, a bare `万元` column heading
/// (no number), a digit-string like `二〇二一元`.
struct MoneyExtractor {
    static let currencies: [([Unicode.Scalar], String)] = [
        (W("元"), "CNY"), (W("圆"), "CNY"), (W("人民币"), "CNY"),
        (W("美元"), "USD"), (W("美金"), "USD"), (W("欧元"), "EUR"), (W("港元"), "HKD"), (W("港币"), "HKD"),
        (W("日元"), "JPY"), (W("英镑"), "GBP"), (W("韩元"), "KRW"), (W("澳元"), "AUD"), (W("加元"), "CAD"),
        (W("卢布"), "RUB"), (W("瑞士法郎"), "CHF"), (W("新台币"), "TWD"), (W("澳门元"), "MOP"),
        (W("新加坡元"), "SGD"), (W("泰铢"), "THB"), (W("澳门币"), "MOP"),
        (W("美圆"), "USD"), (W("日币"), "JPY"), (W("台币"), "TWD"), (W("新台幣"), "TWD"), (W("新臺幣"), "TWD"), (W("臺幣"), "TWD"), (W("韩币"), "KRW"),
        (W("加币"), "CAD"), (W("澳币"), "AUD"), (W("卢比"), "INR"), (W("越南盾"), "VND"), (W("港圆"), "HKD"),
        (W("欧圆"), "EUR"), (W("瑞郎"), "CHF"), (W("澳门圆"), "MOP"),
        (W("印度卢比"), "INR"), (W("俄罗斯卢布"), "RUB"), (W("新西兰元"), "NZD"), (W("林吉特"), "MYR"), (W("马来西亚林吉特"), "MYR"),
        (W("菲律宾比索"), "PHP"), (W("墨西哥比索"), "MXN"), (W("巴西雷亚尔"), "BRL"), (W("南非兰特"), "ZAR"), (W("瑞典克朗"), "SEK"),
        (W("丹麦克朗"), "DKK"), (W("挪威克朗"), "NOK"), (W("印尼盾"), "IDR"),
    ]
    /// Currency words that name a currency (not the generic `元`/`圆`): before a number they set it
    /// (`港币2960元`), after a generic `元` they override it (`9000元日币`).
    static let namedCurrencies: [([Unicode.Scalar], String)] = currencies.filter { $0.0.count > 1 }
    /// `美分`: hundredths of a dollar after `美元` (`两美元又三美分`).
    static let meifen = W("美分")
    static let rmb = W("人民币")
    static let perUnits: [[Unicode.Scalar]] = [
        "人次", "人日", "人", "亩", "天", "日", "月", "年", "次", "吨", "平方米", "平米", "立方米", "台", "个",
        "件", "户", "套", "间", "小时", "公里", "千米", "张", "份", "床", "辆", "头", "只", "篇", "课时", "学时",
        "场", "期", "批", "项", "株", "棵", "千克", "公斤", "斤", "度", "晚", "夜", "周", "学年", "学期", "km", "kg",
    ].map(W)
    static let zuoyou = W("左右"), yishang = W("以上"), jiang = W("将近"), dayue = W("大约")

    /// The scalar after a currency word that turns it into another word (`元旦`, `一元化`, `万元户`).
    @inline(__always) static func rejectsAfterYuan(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "旦", "素", "化", "户", "件", "器", "首", "帅", "宵", "老", "气", "勋", "凶", "音", "朝", "论", "配", "组", "次", "结", "复": true
        default: false
        }
    }

    @inline(__always) static func isDot(_ c: Unicode.Scalar) -> Bool {
        c == "·" || c == "・" || c == "•" || c == "‧" || c == "∙"
    }


    /// Reads the currency (and what may sit between number and currency) at `j`.
    /// Returns the amount scaled, the currency code, the qualifier and the end.
    private func unitPart(_ t: Scan, _ num: ParsedNumber, at start: Int) -> (amount: ExactDecimal, overflow: Bool, code: String, qualifier: String?, end: Int, power: Int)? {
        var j = t.skipSpaces(start, limit: 1)
        var qualifier: String?
        if num.upper == nil, let q = suffixQualifier(t, num, at: j) { qualifier = q; j += 1 }
        var value = num.value
        var overflow = num.overflow
        var power = num.power
        // 20余万元, 100多万元: the multiplier after the qualifier.
        while let p = Numerals.chineseUnit(t[j]), p >= 2, qualifier != nil || num.style == .arabic {
            if let x = value.timesPowerOfTen(p) { value = x } else { overflow = true }
            power += p
            j += 1
        }
        var code: String?
        var len = 0
        for (w, cc) in MoneyExtractor.currencies where w.count > len && t.has(w, at: j) { len = w.count; code = cc }
        // Spoken yuan: `十块三毛`, `5块钱`, `2000多块` at a clause end (not `三块牌子`, `一块儿`).
        if code == nil && t[j] == "块" && (t[j + 1] == "钱" || (qualifier == nil && MoneyExtractor.spokenFraction(t, at: j + 1) != nil)
                                          || (qualifier != nil && isClauseBreak(t[j + 1]))) {
            code = "CNY"; len = 1
        }
        // `50美分`: cents alone.
        if code == nil && qualifier == nil && power == 0 && t.has(MoneyExtractor.meifen, at: j) {
            return (ExactDecimal(significand: value.significand, scale: value.scale + 2).reduced(), overflow, "USD", nil, j + 2, 0)
        }
        // `2分钱`, `5毛钱`, `5角钱`: fractions of a yuan alone.
        if code == nil && qualifier == nil && power == 0 && t[j + 1] == "钱" && (t[j] == "分" || t[j] == "毛" || t[j] == "角") {
            let scale = t[j] == "分" ? 2 : 1
            return (ExactDecimal(significand: value.significand, scale: value.scale + scale).reduced(), overflow, "CNY", nil, j + 2, 0)
        }
        if var code {
            // `3万元欧元`, `9000元日币`: a named currency right after a generic 元 is the currency.
            if len == 1 && code == "CNY" && (t[j] == "元" || t[j] == "圆") {
                var l2 = 0
                for (w, cc) in MoneyExtractor.namedCurrencies where w.count > l2 && t.has(w, at: j + 1) { l2 = w.count; code = cc }
                len += l2
            }
            if len == 3 && code == "CNY" && !(num.multiplied || power > 0) {
                // `500人民币` is rare and `人民币` after a bare number is usually a new phrase: accept only `万人民币`.
                return nil
            }
            j += len
            return (value, overflow, code, qualifier, j, power)
        }
        // 5角 (Arabic only: 三角 is a triangle).
        if t[j] == "角" && num.style == .arabic && !num.multiplied && qualifier == nil && t[j + 1] != "星" && t[j + 1] != "形" {
            if let x = value.timesPowerOfTen(0), let y = ExactDecimal(significand: x.significand, scale: x.scale + 1) as ExactDecimal? {
                return (y.reduced(), overflow, "CNY", nil, j + 1, 0)
            }
        }
        return nil
    }

    /// `3角`/`3毛` after a yuan amount: the tenths digit and the end.
    static func spokenFraction(_ t: Scan, at k: Int) -> (Int, Int)? {
        guard let d = Numerals.parse(t, at: k, multipliers: false, separators: false), d.value.isInteger, let v = d.value.intValue, v < 10,
              t[d.range.upperBound] == "角" || t[d.range.upperBound] == "毛" else { return nil }
        return (v, d.range.upperBound + 1)
    }

    /// A currency symbol right before a number: `¥`, `￥`, `$`, `US$`, `HK$`, `NT$`, `S$`, `€`, `£`.
    static func symbolBefore(_ t: Scan, _ start: Int) -> (String, Int)? {
        switch t[start - 1] {
        case "¥", "￥": return ("CNY", 1)
        case "€": return ("EUR", 1)
        case "£", "￡": return ("GBP", 1)
        case "$", "＄":
            let a = t[start - 3], b = t[start - 2]
            if a == "U" && b == "S" { return ("USD", 3) }
            if a == "H" && b == "K" { return ("HKD", 3) }
            if a == "N" && b == "T" { return ("TWD", 3) }
            if b == "S" && !t.isASCIILetter(start - 3) { return ("SGD", 2) }
            return ("USD", 1)
        default: return nil
        }
    }

    func match(_ t: Scan, _ num: ParsedNumber) -> (Range<Int>, MoneyValue, Bool)? {
        if num.style == .digitString { return nil }
        var start = num.range.lowerBound
        var amountMax: ExactDecimal?
        var unit = unitPart(t, num, at: num.range.upperBound)
        var prefixCode: String?
        var prefixWord = false
        if let (code, len) = MoneyExtractor.symbolBefore(t, start) { prefixCode = code; start -= len }
        else {
            // 港币2960元, 美元500: a named currency word before the number.
            var len = 0
            for (w, cc) in MoneyExtractor.namedCurrencies where w.count > len && t.hasBefore(w, at: start) && cc != "CNY" { len = w.count; prefixCode = cc }
            if len > 0 { start -= len; prefixWord = true }
        }
        if let upper = num.upper {
            // 三四十万元: the range is in the number; nothing may scale one end only.
            guard let u = unit, u.power == num.power else { return nil }
            amountMax = upper
        }
        if unit == nil {
            // A range: 10万-50万元, 10-50万元, 三千至五千元.
            var k = t.skipSpaces(num.range.upperBound, limit: 1)
            if t[k] == "-" || t[k] == "至" || t[k] == "到" {
                k = t.skipSpaces(k + 1, limit: 1)
                if Numerals.canStart(t[k]), let n2 = Numerals.parse(t, at: k), n2.style != .digitString,
                   let u2 = unitPart(t, n2, at: n2.range.upperBound) {
                    var low = num.value
                    var over = num.overflow || u2.overflow
                    if num.power == 0 && u2.power > 0 {
                        if let x = low.timesPowerOfTen(u2.power) { low = x } else { over = true }
                    }
                    if low < u2.amount || low == u2.amount {
                        amountMax = u2.amount
                        unit = (low, over, u2.code, u2.qualifier, u2.end, u2.power)
                    }
                }
            }
        }
        if unit == nil, let prefixCode {
            // ¥100, $5 with nothing after.
            unit = (num.value, num.overflow, prefixCode, nil, num.range.upperBound, 0)
        }
        if unit == nil, t.hasBefore(MoneyExtractor.rmb, at: start), num.multiplied || num.style == .capital {
            unit = (num.value, num.overflow, "CNY", nil, num.range.upperBound, 0)
        }
        guard let u = unit else { return nil }
        var amount = u.amount, qualifier = u.qualifier, end = u.end
        let overflow = u.overflow
        var code = u.code
        // The generic 元 takes the currency named before the number (港币2960元); a named currency
        // after the number is nearer and wins (人民币5美元 is five dollars, 人民币 not in the span).
        let generic = u.code == "CNY" && (t[u.end - 1] == "元" || t[u.end - 1] == "圆" || t[u.end - 1] == "块" || t[u.end - 1] == "钱")
        if let p = prefixCode, p != code {
            if generic { code = p } else if prefixWord || p != "CNY" { start = num.range.lowerBound }
        }
        if code == "CNY" && MoneyExtractor.rejectsAfterYuan(t[end]) { return nil }
        // 3元5角2分, 十块三毛, 一百三十五块六角七分钱
        if generic && amountMax == nil && t[end - 1] != "钱" {
            var k = end
            if let (v, e) = MoneyExtractor.spokenFraction(t, at: k) {
                if let x = amount.adding(ExactDecimal(significand: UInt128(v), scale: 1)) { amount = x }
                k = e
                end = k
            }
            if let d = Numerals.parse(t, at: k, multipliers: false, separators: false), d.value.isInteger, let v = d.value.intValue, v < 10, t[d.range.upperBound] == "分" {
                if let x = amount.adding(ExactDecimal(significand: UInt128(v), scale: 2)) { amount = x }
                end = d.range.upperBound + 1
            }
            if t[end] == "钱" { end += 1 }
        } else if generic && t[end - 1] == "块" && t[end] == "钱" {
            end += 1 // 五六百块钱, 3-5块钱
        }
        // 两美元又三美分
        if code == "USD" && t.hasBefore(W("美元"), at: end) && amountMax == nil {
            var k = end
            if t[k] == "又" || t[k] == "零" { k += 1 }
            if let d = Numerals.parse(t, at: k, multipliers: false, separators: false), d.value.isInteger, let v = d.value.intValue, v < 100,
               t.has(MoneyExtractor.meifen, at: d.range.upperBound) {
                if let x = amount.adding(ExactDecimal(significand: UInt128(v), scale: 2)) { amount = x }
                end = d.range.upperBound + 2
            }
        }
        // Prefixes: 人民币, 约/近/将近/大约.
        if code == "CNY" && t.hasBefore(MoneyExtractor.rmb, at: start) { start -= 3 }
        if qualifier == nil {
            if let (q, l) = prefixQualifier(t, before: start) { qualifier = q; start -= l }
            if code == "CNY" && qualifier != nil && t.hasBefore(MoneyExtractor.rmb, at: start) { start -= 3 }
        }
        if t[end] == "整" { end += 1 }
        // Rates: 元/人, 元/人·天, 元/亩.
        var per: String?
        if t[end] == "/" {
            var k = end + 1
            var parts: [String] = []
            var seps: [String] = []
            while true {
                let l = t.longest(MoneyExtractor.perUnits, at: k)
                if l == 0 { break }
                parts.append(t.string(k..<(k + l)))
                k += l
                if MoneyExtractor.isDot(t[k]) || t[k] == "/" {
                    if t.longest(MoneyExtractor.perUnits, at: k + 1) > 0 { seps.append(t[k] == "/" ? "/" : "·"); k += 1; continue }
                }
                break
            }
            if !parts.isEmpty {
                var s = parts[0]
                for (n, p) in parts.dropFirst().enumerated() { s += seps[n] + p }
                per = s
                end = k
            }
        }
        let ws = t.skipSpaces(end, limit: 1)
        if qualifier == nil {
            if t.has(MoneyExtractor.zuoyou, at: ws) { qualifier = "左右"; end = ws + 2 }
            else if t.has(MoneyExtractor.yishang, at: ws) { qualifier = "以上"; end = ws + 2 }
        }
        let value = MoneyValue(amount: amount.description, amountMax: amountMax?.description, currency: code,
                               approximate: qualifier != nil, qualifier: qualifier, per: per)
        return (start..<end, value, overflow)
    }
}
