/// The grammar of date pieces, shared by every reader of dates (the date extractor, the anchor
/// finder, the dateline test of line roles): a year, a month, a day, a part of day, a clock time,
/// a weekday, and the connectors between the two ends of a range. Each reads at an index of a
/// `Scan` and returns the value and where the piece ends; none of them knows about context.
enum DatePieces {
    /// The era of a year written in the Republic of China (民國) calendar: year + 1911.
    static let minguo = "minguo"
    static let minguoOffset = 1911

    /// A written year: its Gregorian value, the era it was written in (nil: Gregorian), the index
    /// after `年`, and whether `年度` closed it.
    struct Year: Equatable {
        var value: Int
        var era: String?
        var end: Int
        var fiscal: Bool
    }

    /// A Gregorian year as four ASCII digits or a Chinese digit string (`二〇二一`, `二零零四`),
    /// 1800–2199, followed by `年` (one space allowed before it).
    static func gregorianYear(_ t: Scan, at i: Int) -> Year? {
        var v: Int
        var e: Int
        if t.isDigit(i) {
            guard let r = Numerals.digits(t, at: i, min: 4, max: 4) else { return nil }
            (v, e) = r
        } else {
            guard let p = Numerals.parseChinese(t, at: i), p.style == .digitString, p.range.count == 4, let x = p.value.intValue else { return nil }
            v = x; e = p.range.upperBound
        }
        guard v >= 1800 && v <= 2199 else { return nil }
        let k = t.skipSpaces(e, limit: 1)
        guard t[k] == "年" else { return nil }
        let fiscal = t[k + 1] == "度"
        return Year(value: v, era: nil, end: fiscal ? k + 2 : k + 1, fiscal: fiscal)
    }

    /// A two-digit year (`98年`, `05年`): 00–30 are 2000–2030, 31–99 are 1931–1999 (documents
    /// of this century write back to `49年` and `78年` more often than ahead of 2030). The caller
    /// accepts it only with a month after it (`16年3月`; `16年` alone is sixteen years).
    static func twoDigitYear(_ t: Scan, at i: Int) -> Year? {
        guard let (v, e) = Numerals.digits(t, at: i, min: 2, max: 2), t[e] == "年", t[e + 1] != "度" else { return nil }
        return Year(value: v + (v <= 30 ? 2000 : 1900), era: nil, end: e + 1, fiscal: false)
    }

    static let minguoWords: [[Unicode.Scalar]] = ["中華民國", "中华民国", "民國", "民国"].map(W)

    /// The length of an era word `中華民國`/`民國` (either script) at `i`, 0 if none.
    static func minguoWord(_ t: Scan, at i: Int) -> Int { t.longest(minguoWords, at: i) }

    /// A 民國 year number (1–3 ASCII digits, or a positional Chinese numeral such as `六十`, `九十五`,
    /// or a digit string such as `一〇五`), at most 200, followed by `年`.
    static func minguoYear(_ t: Scan, at i: Int) -> Year? {
        var v: Int, e: Int
        if t.isDigit(i) {
            guard let r = Numerals.digits(t, at: i, min: 1, max: 3) else { return nil }
            (v, e) = r
        } else {
            guard let p = Numerals.parseChinese(t, at: i), p.style == .chinese || p.style == .digitString, !p.overflow,
                  let x = p.value.intValue, p.value.isInteger else { return nil }
            v = x; e = p.range.upperBound
        }
        guard v >= 1 && v <= 200 else { return nil }
        let k = t.skipSpaces(e, limit: 1)
        guard t[k] == "年" else { return nil }
        let fiscal = t[k + 1] == "度"
        return Year(value: v + minguoOffset, era: minguo, end: fiscal ? k + 2 : k + 1, fiscal: fiscal)
    }

    /// A month number followed by `月` (not `个月`): value and the index after 月 (and 份).
    static func month(_ t: Scan, at i: Int) -> (value: Int, end: Int, fen: Bool)? {
        guard let (v, e) = Numerals.smallInt(t, at: i, maxValue: 12) else { return nil }
        let k = t.skipSpaces(e, limit: 1)
        guard t[k] == "月" else { return nil }
        return t[k + 1] == "份" ? (v, k + 2, true) : (v, k + 1, false)
    }

    /// A day number followed by `日`/`号`.
    static func day(_ t: Scan, at i: Int) -> (value: Int, end: Int)? {
        guard let (v, e) = Numerals.smallInt(t, at: i, maxValue: 31) else { return nil }
        let k = t.skipSpaces(e, limit: 1)
        guard t[k] == "日" || t[k] == "号" else { return nil }
        return (v, k + 1)
    }

    /// Part-of-day words and their names.
    static let partsOfDay: [([Unicode.Scalar], String)] = [
        (W("上午"), "morning"), (W("早上"), "morning"), (W("早晨"), "morning"), (W("凌晨"), "earlyMorning"), (W("中午"), "noon"),
        (W("下午"), "afternoon"), (W("傍晚"), "evening"), (W("晚上"), "evening"), (W("晚间"), "evening"), (W("晚"), "evening"),
    ]

    /// A part of day at `i`: its name and end (`晚于` is a comparison, not an evening).
    static func partOfDay(_ t: Scan, at i: Int) -> (String, Int)? {
        for (w, name) in partsOfDay where t.has(w, at: i) {
            if w.count == 1 && t[i + 1] == "于" { continue }
            return (name, i + w.count)
        }
        return nil
    }

    /// `11:24`, `11:24:05`, `15时30分`, `3点`, `3点半`: "HH:mm" and end. An afternoon or evening
    /// part of day moves hours before 12 into the afternoon.
    static func clock(_ t: Scan, at i: Int, partOfDay: String?) -> (String, Int)? {
        guard let (h, he) = Numerals.smallInt(t, at: i, maxValue: 24) else { return nil }
        var hour = h, minute = 0, end: Int
        if t[he] == ":" {
            guard t.isDigit(i), let (mi, me) = Numerals.digits(t, at: he + 1, min: 2, max: 2) else { return nil }
            minute = mi; end = me
            if t[me] == ":" {
                guard let (_, se) = Numerals.digits(t, at: me + 1, min: 2, max: 2) else { return nil }
                end = se
                if t[end] == "." && t.isDigit(end + 1) { end += 1; while t.isDigit(end) { end += 1 } }
            }
        } else if t[he] == "时" || t[he] == "点" {
            end = he + 1
            if let (mi, me) = Numerals.smallInt(t, at: end, maxValue: 59), t[me] == "分" { minute = mi; end = me + 1 }
            else if t[end] == "半" { minute = 30; end += 1 }
        } else { return nil }
        guard hour <= 24, minute <= 59 else { return nil }
        if (partOfDay == "afternoon" || partOfDay == "evening") && hour < 12 { hour += 12 }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return ("\(two(hour)):\(two(minute))", end)
    }

    static let xingqi = W("星期"), libai = W("礼拜"), zhou = W("周")

    /// A weekday written beside a date: `星期日`, `(星期一)`, `周三`, `礼拜天`, `(周日)`. Returns the
    /// weekday (0 = Sunday … 6 = Saturday), the range of the weekday words (brackets included), and
    /// the end.
    static func weekday(_ t: Scan, at i: Int) -> (Int, Range<Int>)? {
        var k = t.skipSpaces(i, limit: 1)
        let open = t[k] == "(" || t[k] == "（"
        let start = k
        if open { k += 1 }
        if t.has(xingqi, at: k) || t.has(libai, at: k) { k += 2 } else if t[k] == "周" { k += 1 } else { return nil }
        let d: Int
        switch t[k] {
        case "日", "天": d = 0
        case "一": d = 1
        case "二": d = 2
        case "三": d = 3
        case "四": d = 4
        case "五": d = 5
        case "六": d = 6
        default: return nil
        }
        k += 1
        if open {
            guard t[k] == ")" || t[k] == "）" else { return nil }
            k += 1
        }
        return (d, start..<k)
    }

    /// The weekday of a Gregorian date, 0 = Sunday (Sakamoto's method).
    static func weekdayOf(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let yy = m < 3 ? y - 1 : y
        return (yy + yy / 4 - yy / 100 + yy / 400 + offsets[m - 1] + d) % 7
    }

    /// A range connector at `i`: `至`, `到`, `-`, `--` (a doubled dash, `――` folded), `~`, optionally
    /// after `开始`/`起` (`从3月开始到8月`). Returns the index after it. `至今` is not a connector.
    static func connector(_ t: Scan, at i: Int) -> Int? {
        var k = t.skipSpaces(i, limit: 1)
        var lead = false
        if t[k] == "开" && t[k + 1] == "始" { k += 2; lead = true } else if t[k] == "起" { k += 1; lead = true }
        switch t[k] {
        case "至", "到":
            if t[k + 1] == "今" { return nil }
            return t.skipSpaces(k + 1, limit: 1)
        case "-", "~", "\u{2013}", "\u{2014}", "\u{2015}", "\u{FF0D}", "\u{FF5E}":
            if lead { return nil }
            var e = k + 1
            if t[e] == t[k] { e += 1 }
            return t.skipSpaces(e, limit: 1)
        default: return nil
        }
    }

    /// Whether a date is valid: month 1–12, day within the month (of `year`, or a leap year when
    /// the year is still unknown).
    static func valid(_ y: Int?, _ m: Int?, _ d: Int?) -> Bool {
        if let m, !(1...12).contains(m) { return false }
        if let d {
            guard let m, d >= 1 else { return false }
            return d <= CalendarDate.daysIn(month: m, year: y ?? 2000)
        }
        return true
    }
}
