/// Dates and date ranges.
///
/// Forms: `2016年5月11日`, `2016年5月`, `2016年(度)`, `二〇二一年一月二十五日`, `2016 年`, `5月11日下午`,
/// `5月11日 15:30`, `4月份`, day-first datelines `19.05.2016  11:24`, ISO `2016-05-11`, `2016/5/11`,
/// `2016.5.11`; ranges `2020年5月12日至2020年7月31日`, `9月23-24日`, `5月14日-18日`, `2016年至2019年`,
/// `2016-2019年`, `3月至8月`, `3-5月`, `12月28日至1月3日` (year rolls over); periods `上半年`,
/// `第二季度`, `2016年底`, `年初`, `4月底`, `5月上旬`, `“十二五”期间`; relative years `今年`, `去年`,
/// `明年`, `前年`, `本年度`, `上年` with an optional month/day/period after them.
///
/// Year (and month) inference, for dates written without them: a previous absolute date on the
/// same line wins (`2018年……5月3日`); otherwise the anchor (dateline, signature date, caller's
/// option); otherwise the nearest earlier absolute date anywhere (`previousDate`); otherwise no
/// entity and a `date.unresolved` diagnostic. Relative years (`今年`) use the anchor first.
///
/// Periods are `dateRange`s with `period`: `firstHalf`, `secondHalf`, `Q1`…`Q4`, `yearStart`
/// (January), `yearEnd` (December), `monthStart` (days 1–10), `monthEnd` (days 21–last),
/// `earlyMonth`/`midMonth`/`lateMonth` (上旬/中旬/下旬), `fiveYearPlan`. A trailing `前` (`4月底前`)
/// is not part of the span.
///
/// Dates inside `《…》` are extracted but never serve as `previousDate`.
///
/// Diagnostics: `date.placeholder` (`20xx 年 xx 月 xx 日`), `date.invalid` (`2020年13月45日`),
/// `date.unresolved` (a partial date with nothing to resolve it against).
struct DateExtractor: EntityExtractor {
    struct Part {
        var y: Int?
        var m: Int?
        var d: Int?
        var start: Int
        var end: Int
        /// `9月23-24日`: the day before the dash has no 日.
        var dayBare = false
        var precision: DatePrecision { d != nil ? .day : (m != nil ? .month : .year) }
    }

    /// An absolute date seen earlier (explicit year).
    struct Prev {
        var y: Int
        var m: Int?
        var d: Int?
        var line: Int
        var iso: String { iso_(y, m, d) }
    }

    static let relativeYears: [([Unicode.Scalar], Int)] = [
        (W("今年"), 0), (W("本年度"), 0), (W("本年"), 0), (W("去年"), -1), (W("上年度"), -1), (W("上年"), -1),
        (W("明年"), 1), (W("前年"), -2),
    ]
    static let partsOfDay: [([Unicode.Scalar], String)] = [
        (W("上午"), "morning"), (W("早上"), "morning"), (W("早晨"), "morning"), (W("中午"), "noon"),
        (W("下午"), "afternoon"), (W("傍晚"), "evening"), (W("晚上"), "evening"), (W("晚间"), "evening"), (W("晚"), "evening"),
    ]
    static let jidu = W("季度"), shangbannian = W("上半年"), xiabannian = W("下半年")
    static let qijian: [[Unicode.Scalar]] = ["期间", "时期"].map(W)

    final class State {
        var prev: Prev?
        /// The latest absolute date from a year before the anchor's (outside titles).
        var pastPrev: Prev?
        /// Set once a partial date proved the text narrates a year before its own date (a report
        /// signed in January on the previous year's work); relative years (`今年`) follow it.
        var narrative: Prev?
        var line = 0
        /// Inside `《…》`: dates there belong to the cited title and do not anchor later dates.
        var titleDepth = 0
        let anchor: DateAnchor?
        init(anchor: DateAnchor?) { self.anchor = anchor }
    }

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        let st = State(anchor: context.anchor)
        var i = 0
        while i < t.n {
            // Most scalars start no date form: one table byte skips them.
            guard t.concernsDates(i) else { i += 1; continue }
            let c = t[i]
            if c == "\n" { st.line += 1; st.titleDepth = 0; i += 1; continue }
            if c == "《" { st.titleDepth += 1; i += 1; continue }
            if c == "》" { st.titleDepth = max(0, st.titleDepth - 1); i += 1; continue }
            if let next = step(t, at: i, st, &result) { i = max(next, i + 1) } else { i += 1 }
        }
    }

    /// Tries every form that can start at `i`; returns where scanning continues, or nil. The
    /// scalars it handles are marked in `Numerals.numeralClass` (bit 2): keep the two in step.
    func step(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult) -> Int? {
        let c = t[i]
        let prevC = t[i - 1]
        let startsNumber = t.startsNumber(i) || c == "x" || c == "X"
        if startsNumber {
            if t.inNumber(i - 1) || t.isASCIILetter(i - 1) || (prevC == "." && t.isDigit(i - 2)) || prevC == "x" || prevC == "X" { return nil }
            if prevC == "第" && !t.isDigit(i) { return nil }
            if let e = placeholder(t, at: i, &result) { return e }
            if c == "x" || c == "X" { return nil }
            if t.isDigit(i), let e = numericDate(t, at: i, st, &result) { return e }
            if let e = fiveYearPlan(t, at: i, st, &result) { return e }
            if let e = partDate(t, at: i, st, &result) { return e }
            if let e = quarter(t, numberAt: i, from: i, st, &result) { return e }
            return nil
        }
        switch c {
        case "今", "本", "去", "上", "明", "前":
            if let e = relative(t, at: i, st, &result) { return e }
            if c == "上", t.has(DateExtractor.shangbannian, at: i), let e = standalonePeriod(t, at: i, st, &result) { return e }
        case "下":
            if t.has(DateExtractor.xiabannian, at: i), let e = standalonePeriod(t, at: i, st, &result) { return e }
        case "年", "月":
            if let e = standalonePeriod(t, at: i, st, &result) { return e }
        case "第":
            if Numerals.canStart(t[i + 1]), let e = quarter(t, numberAt: i + 1, from: i, st, &result) { return e }
        case "“", "\"":
            if let e = fiveYearPlan(t, at: i, st, &result) { return e }
        default:
            break
        }
        return nil
    }

    // MARK: - Pieces

    /// A four-digit year (ASCII or Chinese digit string) followed by `年`: value and index after 年.
    func year(_ t: Scan, at i: Int) -> (Int, Int)? {
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
        return (v, k + 1)
    }

    /// A month number followed by `月` (not `个月`): value and index after 月 (and 份).
    func month(_ t: Scan, at i: Int) -> (Int, Int)? {
        guard let (v, e) = Numerals.smallInt(t, at: i, maxValue: 12) else { return nil }
        let k = t.skipSpaces(e, limit: 1)
        guard t[k] == "月" else { return nil }
        return (v, t[k + 1] == "份" ? k + 2 : k + 1)
    }

    /// A day number followed by `日`/`号`.
    func day(_ t: Scan, at i: Int) -> (Int, Int)? {
        guard let (v, e) = Numerals.smallInt(t, at: i, maxValue: 31) else { return nil }
        let k = t.skipSpaces(e, limit: 1)
        guard t[k] == "日" || t[k] == "号" else { return nil }
        return (v, k + 1)
    }

    @inline(__always) func isConnector(_ c: Unicode.Scalar) -> Bool { c == "至" || c == "到" || c == "-" || c == "~" }

    /// `[Y年][M月[D日]]` at `i`.
    func part(_ t: Scan, at i: Int) -> Part? {
        var p = Part(start: i, end: i)
        var j = i
        if let (y, e) = year(t, at: i) {
            p.y = y; j = e; p.end = e
            if t[j] == "度" { p.end = j + 1; return p }
            let k = t.skipSpaces(j, limit: 1)
            guard let (m, me) = month(t, at: k) else { return p }
            p.m = m; j = me; p.end = me
        } else if let (m, me) = month(t, at: i) {
            p.m = m; j = me; p.end = me
        } else {
            return nil
        }
        if t[j - 1] == "份" { return p }
        let k = t.skipSpaces(j, limit: 1)
        if let (d, de) = day(t, at: k) {
            p.d = d; p.end = de
        } else if let (d, de) = Numerals.smallInt(t, at: k, maxValue: 31) {
            // 9月23-24日
            let c = t.skipSpaces(de, limit: 1)
            if isConnector(t[c]), day(t, at: t.skipSpaces(c + 1, limit: 1)) != nil {
                p.d = d; p.end = de; p.dayBare = true
            }
        }
        return p
    }

    func valid(_ y: Int?, _ m: Int?, _ d: Int?) -> Bool {
        if let m, !(1...12).contains(m) { return false }
        if let d {
            guard let m, d >= 1 else { return false }
            return d <= CalendarDate.daysIn(month: m, year: y ?? 2000)
        }
        return true
    }

    /// The year (and month) for a partial date at line `line`: (year, month, inference).
    /// `month`/`day`: the partial date being resolved. A date the anchor's year would put after the
    /// document's own date is, in a report, from an earlier year (003, signed 2021-01-25, writes
    /// `5月26日` for 2020-05-26): then the latest absolute date from an earlier year decides, when
    /// the text has one, and from then on relative years (`今年11月`) follow that narrative year.
    func base(_ st: State, relative: Bool, month: Int? = nil, day: Int? = nil) -> (Int, Int, String, String)? {
        if let p = st.prev, p.line == st.line, !relative { return (p.y, p.m ?? 0, p.iso, "previousDate") }
        if let a = st.anchor {
            if relative, let n = st.narrative { return (n.y, n.m ?? 0, n.iso, "previousDate") }
            if let m = month, let p = st.pastPrev, (m, day ?? 1) > (a.date.month, a.date.day) {
                st.narrative = p
                return (p.y, p.m ?? 0, p.iso, "previousDate")
            }
            return (a.date.year, a.date.month, a.date.description, a.kind)
        }
        if let p = st.prev { return (p.y, p.m ?? 0, p.iso, "previousDate") }
        return nil
    }

    func remember(_ st: State, _ y: Int, _ m: Int?, _ d: Int?) {
        if st.titleDepth > 0 { return }
        st.prev = Prev(y: y, m: m, d: d, line: st.line)
        if let a = st.anchor, y < a.date.year { st.pastPrev = st.prev }
    }

    // MARK: - Forms

    /// Template placeholders: `20xx 年 xx 月 xx 日至 xx 月 xx 日`, `XX年XX月`.
    func placeholder(_ t: Scan, at i: Int, _ result: inout ExtractionResult) -> Int? {
        func token(_ k: Int) -> Int? { // end of a [0-9xX]{1,4} token with an x, followed by 年/月/日
            var j = k, hasX = false
            while j - k < 4 && (t.isDigit(j) || t[j] == "x" || t[j] == "X") { if !t.isDigit(j) { hasX = true }; j += 1 }
            guard j > k, hasX, !t.isASCIILetter(j), !t.isDigit(j) else { return nil }
            let u = t.skipSpaces(j, limit: 2)
            guard t[u] == "年" || t[u] == "月" || t[u] == "日" || t[u] == "号" else { return nil }
            return u + 1
        }
        guard var end = token(i) else { return nil }
        while true {
            let k = t.skipSpaces(end, limit: 2)
            if let e = token(k) { end = e; continue }
            if isConnector(t[k]), let e = token(t.skipSpaces(k + 1, limit: 2)) { end = e; continue }
            break
        }
        result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.datePlaceholder, message: "template placeholder instead of a date", range: i..<end))
        return end
    }

    /// Day-first datelines `19.05.2016  11:24` and ISO/slash/dot forms `2016-05-11`, `2016/5/11`.
    func numericDate(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult) -> Int? {
        guard let (a, ae) = Numerals.digits(t, at: i, min: 1, max: 4) else { return nil }
        let sep = t[ae]
        guard sep == "." || sep == "-" || sep == "/" else { return nil }
        guard let (b, be) = Numerals.digits(t, at: ae + 1, min: 1, max: 2), t[be] == sep,
              let (c, ce) = Numerals.digits(t, at: be + 1, min: 1, max: 4) else { return nil }
        if t[ce] == sep && t.isDigit(ce + 1) { return nil }
        if t[ce] == "." && t.isDigit(ce + 1) { return nil }
        var y: Int, m: Int, d: Int
        if ae - i == 4 && ce - (be + 1) <= 2 { y = a; m = b; d = c }
        else if sep == "." && ae - i <= 2 && ce - (be + 1) == 4 { d = a; m = b; y = c }
        else { return nil }
        guard y >= 1800 && y <= 2199 else { return nil }
        if t.isASCIILetter(ce) { return nil }
        guard valid(y, m, d) else {
            result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateInvalid, message: "no such day", range: i..<ce))
            return ce
        }
        var end = ce
        var time: String?
        let k = t.skipSpaces(ce, limit: 4)
        if let (tm, te) = clock(t, at: k, partOfDay: nil) { time = tm; end = te }
        result.entities.append(FoundEntity(range: i..<end, value: .date(DateValue(date: iso_(y, m, d), precision: .day, time: time))))
        remember(st, y, m, d)
        return end
    }

    /// `11:24`, `15时30分`, `3点`: "HH:mm" and end.
    func clock(_ t: Scan, at i: Int, partOfDay: String?) -> (String, Int)? {
        guard let (h, he) = Numerals.smallInt(t, at: i, maxValue: 24) else { return nil }
        var hour = h, minute = 0, end: Int
        if t[he] == ":" {
            guard t.isDigit(i), let (mi, me) = Numerals.digits(t, at: he + 1, min: 2, max: 2) else { return nil }
            if t[me] == ":" && t.isDigit(me + 1) { return nil }
            minute = mi; end = me
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

    /// Part of day and clock after a day-precision date.
    func timeOfDay(_ t: Scan, at i: Int) -> (String?, String?, Int) {
        var k = t.skipSpaces(i, limit: 2)
        var pod: String?
        for (w, name) in DateExtractor.partsOfDay where t.has(w, at: k) {
            if w.count == 1 && t[k + 1] == "于" { continue }
            pod = name; k += w.count; break
        }
        let end0 = pod == nil ? i : k
        let k2 = t.skipSpaces(k, limit: 1)
        if let (tm, te) = clock(t, at: k2, partOfDay: pod) { return (pod, tm, te) }
        return (pod, nil, end0)
    }

    /// A period suffix after a year (`上半年`, `第二季度`, `初`, `底`) or a month (`底`, `初`, `上旬`).
    func periodAfterYear(_ t: Scan, at k: Int) -> (String, Int, Int, Int)? { // (period, startMonth, endMonth, end)
        if t.has(DateExtractor.shangbannian, at: k) { return ("firstHalf", 1, 6, k + 3) }
        if t.has(DateExtractor.xiabannian, at: k) { return ("secondHalf", 7, 12, k + 3) }
        var q = k
        if t[q] == "第" { q += 1 }
        if let (n, ne) = Numerals.smallInt(t, at: q, maxValue: 4), n >= 1, t.has(DateExtractor.jidu, at: ne) {
            return ("Q\(n)", 3 * n - 2, 3 * n, ne + 2)
        }
        return nil
    }

    func periodAfterMonth(_ t: Scan, at k: Int) -> (String, Int, Int?, Int)? { // (period, firstDay, lastDay(nil = month end), end)
        switch t[k] {
        case "底", "末": return ("monthEnd", 21, nil, k + 1)
        case "初": return ("monthStart", 1, 10, k + 1)
        case "上" where t[k + 1] == "旬": return ("earlyMonth", 1, 10, k + 2)
        case "中" where t[k + 1] == "旬": return ("midMonth", 11, 20, k + 2)
        case "下" where t[k + 1] == "旬": return ("lateMonth", 21, nil, k + 2)
        default: return nil
        }
    }

    func inference(_ fields: [String], _ b: (Int, Int, String, String)) -> DateInference {
        DateInference(fields: fields, from: b.2, anchor: b.3)
    }

    /// Explicit or partial `[Y年][M月[D日]]`, with ranges, periods and time of day.
    /// `relYear`: the year already fixed by a relative word (`今年`) and its inference.
    func partDate(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult,
                  relYear: (Int, DateInference?)? = nil, spanStart: Int? = nil) -> Int? {
        let from = spanStart ?? i
        // Bare number ranges: 2016-2019年, 3-5月.
        if let e = bareRange(t, at: i, st, &result, relYear: relYear, spanStart: from) { return e }
        guard var p = part(t, at: i) else { return nil }
        // Chinese month alone (no year, no day) after an ideograph: `统一月报` is not January.
        if p.y == nil && p.d == nil && relYear == nil && !t.isDigit(i) && Scan.isIdeograph(t[i - 1]) {
            switch t[i - 1] { case "于", "在", "至", "到", "从", "自", "年": break; default: return nil }
        }
        if p.y == nil, let (ry, _) = relYear { p.y = ry }
        guard valid(p.y, p.m, p.d) else {
            result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateInvalid, message: "no such date", range: from..<p.end))
            return p.end
        }
        var inferred: DateInference? = relYear?.1
        var resolvedBase: (Int, Int, String, String)?
        if p.y == nil {
            guard let b = base(st, relative: false, month: p.m, day: p.d) else {
                // Try to find a range end with a year before giving up (5月至2020年8月 is rare; skip).
                result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateUnresolved, message: "no year to resolve this date against", range: from..<p.end))
                return p.end
            }
            resolvedBase = b
            p.y = b.0
            inferred = inference(["year"], b)
            if !valid(p.y, p.m, p.d) { // 2月29日 in a non-leap year
                result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateInvalid, message: "no such date in the inferred year", range: from..<p.end))
                return p.end
            }
        }
        let y = p.y!
        _ = resolvedBase
        // Year periods: 2016年上半年, 2016年第二季度, 2016年底/初.
        if p.m == nil {
            let k = p.end
            if let (name, m1, m2, e) = periodAfterYear(t, at: k) {
                emitRange(from..<e, iso_(y, m1), iso_(y, m2), .month, inferred, name, &result)
                if inferred == nil { remember(st, y, nil, nil) }
                return e
            }
            if t[k] == "初" || ((t[k] == "年") && t[k + 1] == "初") {
                let e = t[k] == "初" ? k + 1 : k + 2
                emitRange(from..<e, iso_(y, 1), iso_(y, 1), .month, inferred, "yearStart", &result)
                if inferred == nil { remember(st, y, nil, nil) }
                return e
            }
            if t[k] == "底" || t[k] == "末" || (t[k] == "年" && (t[k + 1] == "底" || t[k + 1] == "末")) {
                let e = t[k] == "年" ? k + 2 : k + 1
                emitRange(from..<e, iso_(y, 12), iso_(y, 12), .month, inferred, "yearEnd", &result)
                if inferred == nil { remember(st, y, nil, nil) }
                return e
            }
        }
        // Month periods: 4月底, 5月上旬.
        if let m = p.m, p.d == nil, let (name, d1, d2, e) = periodAfterMonth(t, at: p.end) {
            let last = d2 ?? CalendarDate.daysIn(month: m, year: y)
            emitRange(from..<e, iso_(y, m, d1), iso_(y, m, last), .day, inferred, name, &result)
            if inferred == nil { remember(st, y, m, nil) }
            return e
        }
        // Ranges.
        let c = t.skipSpaces(p.end, limit: 1)
        if isConnector(t[c]) && !(t[c] == "至" && t[c + 1] == "今") {
            let k = t.skipSpaces(c + 1, limit: 1)
            if let q = part(t, at: k) ?? dayOnly(t, at: k) {
                var ey = q.y, em = q.m, ed = q.d
                var rolled = false
                if ey == nil {
                    if em == nil && ed != nil { em = p.m; if p.m == nil { ey = nil } }
                    ey = y
                    rolled = true
                }
                let okShape = (p.d != nil) == (ed != nil) && (p.m != nil) == (em != nil)
                if okShape, valid(ey, em, ed), var eyy = ey {
                    var s = (y, p.m ?? 0, p.d ?? 0), e = (eyy, em ?? 0, ed ?? 0)
                    if e < s && rolled && q.m != nil { eyy += 1; e.0 = eyy }
                    if e >= s && valid(eyy, em, ed) {
                        s = (0, 0, 0)
                        emitRange(from..<q.end, iso_(y, p.m, p.d), iso_(eyy, em, ed), p.precision, inferred, nil, &result)
                        if inferred == nil { remember(st, eyy, em, ed) }
                        return q.end
                    }
                }
            }
        }
        if p.dayBare { return p.end } // 9月23-x: not a date after all
        var end = p.end
        var pod: String?, time: String?
        if p.d != nil { (pod, time, end) = timeOfDay(t, at: p.end) }
        result.entities.append(FoundEntity(range: from..<end, value: .date(DateValue(date: iso_(y, p.m, p.d), precision: p.precision, time: time, partOfDay: pod, inferred: inferred))))
        if inferred == nil { remember(st, y, p.m, p.d) }
        return end
    }

    /// The end of a range written as a day alone: `18日` in `5月14日-18日`.
    func dayOnly(_ t: Scan, at k: Int) -> Part? {
        guard let (d, e) = day(t, at: k) else { return nil }
        return Part(y: nil, m: nil, d: d, start: k, end: e)
    }

    /// `2016-2019年`, `2016至2019年`, `3-5月`.
    func bareRange(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult, relYear: (Int, DateInference?)?, spanStart: Int) -> Int? {
        guard let (a, ae) = Numerals.smallIntOrYear(t, at: i) else { return nil }
        let c = t.skipSpaces(ae, limit: 1)
        guard isConnector(t[c]) else { return nil }
        let k = t.skipSpaces(c + 1, limit: 1)
        if ae - i == 4, let (b, be) = year(t, at: k), a >= 1800, a <= b, b - a <= 100 {
            emitRange(spanStart..<be, iso_(a), iso_(b), .year, nil, nil, &result)
            remember(st, b, nil, nil)
            return be
        }
        if ae - i <= 2, let (b, be) = month(t, at: k), (1...12).contains(a), a <= b {
            var y: Int
            var inf: DateInference?
            if let (ry, ri) = relYear { y = ry; inf = ri }
            else if let bb = base(st, relative: false, month: a) { y = bb.0; inf = inference(["year"], bb) }
            else {
                result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateUnresolved, message: "no year to resolve this month range against", range: spanStart..<be))
                return be
            }
            emitRange(spanStart..<be, iso_(y, a), iso_(y, b), .month, inf, nil, &result)
            return be
        }
        return nil
    }

    /// `今年`, `去年3月`, `今年上半年`, `今年第二季度`, `今年初`, `去年底`, `今年以来`.
    func relative(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult) -> Int? {
        var len = 0, delta = 0
        for (w, dlt) in DateExtractor.relativeYears where w.count > len && t.has(w, at: i) { len = w.count; delta = dlt }
        guard len > 0 else { return nil }
        // 前年 only as a word of its own (not 三年前年底…); 上年 not inside 以上年龄 etc.
        if t[i] == "前" && (Numerals.isNumeral(t[i - 1]) || t[i - 1] == "年") { return nil }
        if t[i] == "上" && (t[i - 1] == "以" || t[i + 2] == "龄" || t[i + 2] == "级") { return nil }
        guard let b = base(st, relative: true) else {
            result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateUnresolved, message: "relative year without an anchor", range: i..<(i + len)))
            return i + len
        }
        let y = b.0 + delta
        let inf = inference(["year"], b)
        var k = i + len
        if t[k] == "度" { k += 1 }
        // 今年3月…, 今年5月11日
        if Numerals.canStart(t[k]), let e = partDate(t, at: k, st, &result, relYear: (y, inf), spanStart: i) { return e }
        if let (name, m1, m2, e) = periodAfterYear(t, at: k) {
            emitRange(i..<e, iso_(y, m1), iso_(y, m2), .month, inf, name, &result)
            return e
        }
        let kk = t[k] == "年" ? k + 1 : k
        if t[kk] == "初" { emitRange(i..<(kk + 1), iso_(y, 1), iso_(y, 1), .month, inf, "yearStart", &result); return kk + 1 }
        if t[kk] == "底" || t[kk] == "末" { emitRange(i..<(kk + 1), iso_(y, 12), iso_(y, 12), .month, inf, "yearEnd", &result); return kk + 1 }
        result.entities.append(FoundEntity(range: i..<k, value: .date(DateValue(date: iso_(y), precision: .year, inferred: inf))))
        return k
    }

    /// Standalone `年初`, `年底`, `上半年`, `月底`, `月初` (year, or year and month, from context).
    func standalonePeriod(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult) -> Int? {
        let p = t[i - 1]
        if Numerals.isNumeral(p) || t.isDigit(i - 1) { return nil }
        switch p {
        case "每", "当", "近", "多", "全", "去", "今", "明", "前", "本", "上", "下", "同", "新", "历", "元", "往", "逐", "半",
             "几", "数", "周", "学", "财", "年", "来", "该", "此", "这", "那", "次", "后", "个", "整", "隔", "跨", "月":
            return nil
        default: break
        }
        let c = t[i]
        if c == "上" || c == "下" {
            guard let b = base(st, relative: true) else { return nil }
            let (name, m1, m2) = c == "上" ? ("firstHalf", 1, 6) : ("secondHalf", 7, 12)
            emitRange(i..<(i + 3), iso_(b.0, m1), iso_(b.0, m2), .month, inference(["year"], b), name, &result)
            return i + 3
        }
        let n = t[i + 1]
        if c == "年" && (n == "初" || n == "底" || n == "末") {
            guard let b = base(st, relative: true) else { return nil }
            let m = n == "初" ? 1 : 12
            emitRange(i..<(i + 2), iso_(b.0, m), iso_(b.0, m), .month, inference(["year"], b), n == "初" ? "yearStart" : "yearEnd", &result)
            return i + 2
        }
        if c == "月", let (name, d1, d2, e) = periodAfterMonth(t, at: i + 1) {
            guard let b = base(st, relative: true), b.1 >= 1 else { return nil }
            let last = d2 ?? CalendarDate.daysIn(month: b.1, year: b.0)
            emitRange(i..<e, iso_(b.0, b.1, d1), iso_(b.0, b.1, last), .day, inference(["year", "month"], b), name, &result)
            return e
        }
        return nil
    }

    /// `第二季度`, `二季度`, `2季度` (not `下一季度`, `每一季度`, `一个季度`).
    func quarter(_ t: Scan, numberAt k: Int, from: Int, _ st: State, _ result: inout ExtractionResult) -> Int? {
        guard let (n, ne) = Numerals.smallInt(t, at: k, maxValue: 4), n >= 1, n <= 4, t.has(DateExtractor.jidu, at: ne) else { return nil }
        if from == k {
            switch t[k - 1] { case "下", "上", "每", "本", "这", "该", "个", "一", "度", "同": return nil; default: break }
        }
        guard let b = base(st, relative: true) else { return nil }
        emitRange(from..<(ne + 2), iso_(b.0, 3 * n - 2), iso_(b.0, 3 * n), .month, inference(["year"], b), "Q\(n)", &result)
        return ne + 2
    }

    /// `“十二五”期间` → 2011–2015; quotes required for `一五`…`十五`-style names without 十X.
    func fiveYearPlan(_ t: Scan, at i: Int, _ st: State, _ result: inout ExtractionResult) -> Int? {
        var k = i
        let quoted = t[k] == "“" || t[k] == "\""
        if quoted { k += 1 }
        var n: Int
        if t[k] == "十", let d = Numerals.chineseDigit(t[k + 1]), d >= 1, t[k + 2] == "五" { n = 10 + d; k += 3 }
        else if quoted, t[k] == "十", t[k + 1] == "五" { n = 10; k += 2 }
        else if quoted, let d = Numerals.chineseDigit(t[k]), d >= 1, t[k + 1] == "五" { n = d; k += 2 }
        else { return nil }
        if quoted {
            guard t[k] == "”" || t[k] == "\"" else { return nil }
            k += 1
        } else {
            // Unquoted: only with 期间/时期/规划/计划/以来/末/初 after it.
            guard t.longest(DateExtractor.qijian, at: k) > 0 || t[k] == "规" || t[k] == "计" || t[k] == "以" || t[k] == "末" || t[k] == "初" || t[k] == "时" else { return nil }
        }
        let l = t.longest(DateExtractor.qijian, at: k)
        let end = k + l
        let start: Int = n == 1 ? 1953 : (n == 2 ? 1958 : 1966 + 5 * (n - 3))
        emitRange(i..<end, iso_(start), iso_(start + 4), .year, nil, "fiveYearPlan", &result)
        return end
    }

    func emitRange(_ r: Range<Int>, _ s: String, _ e: String, _ p: DatePrecision, _ inf: DateInference?, _ period: String?, _ result: inout ExtractionResult) {
        result.entities.append(FoundEntity(range: r, value: .dateRange(DateRangeValue(start: s, end: e, precision: p, inferred: inf, period: period))))
    }
}

func iso_(_ y: Int, _ m: Int? = nil, _ d: Int? = nil) -> String {
    iso(y, m == 0 ? nil : m, d == 0 ? nil : d)
}

extension Numerals {
    /// Up to four ASCII digits at `i` (a year or a month), value and end.
    static func smallIntOrYear(_ t: Scan, at i: Int) -> (Int, Int)? {
        if t.isDigit(i) { return digits(t, at: i, min: 1, max: 4) }
        return smallInt(t, at: i, maxValue: 12)
    }
}
