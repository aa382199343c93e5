/// Dates and date ranges, in two passes over one grammar (`Text/Dates`: pieces and complete forms;
/// `DateItems`: points, periods, ranges):
/// 1. read every form, with the year as written (explicit, relative, or missing), and collect the
///    explicit years that are narrative evidence (not inside `《…》`, not a cited document number,
///    not a forecast such as `预计2021年`);
/// 2. resolve each missing or relative year with a `YearResolver` (a value built from that
///    evidence and the document's anchor) and make the entities.
///
/// Forms: `2016年5月11日`, `2016年5月`, `2016年(度)`, `二〇二一年一月二十五日`, `二零零四年八月十五`,
/// `5月11日下午3时`, weekdays `2月7日(星期日)`, numeric `19.05.2016 11:24`, `2016-05-11`,
/// `2016/5/11`, `2016.5.11`, `2010 01 29`, `2016-05-11T10:00:00`; 民國 `中華民國六十年五月一日`,
/// `民國93年` (a bare `九十五年七月一日` when the document uses 民國 years); ranges
/// `2020年5月12日至2020年7月31日`, `9月23-24日`, `5月14日-18日`, `2016-2019年`, `3-5月`,
/// `2003年4-6月`, `2003年10月--2004年2月`, `12月28日至1月3日` (the year rolls over),
/// `2019年初至2020年6月底`, `从3月开始到8月`, `今年3月至年底`; periods `上半年`, `第二季度`,
/// `2016年底`, `年初`, `4月底`, `5月上旬`, `“十二五”期间`; relative years `今年`, `去年`, `明年`,
/// `前年`, `本年度`, `上年`.
///
/// Periods are `dateRange`s with `period`: `firstHalf`, `secondHalf`, `Q1`…`Q4`, `yearStart`,
/// `yearEnd`, `monthStart` (days 1–10), `monthEnd` (days 21–last), `earlyMonth`/`midMonth`/
/// `lateMonth`, `fiveYearPlan`. A range whose ends have different precisions takes the coarser.
///
/// Diagnostics: `date.placeholder` (`20xx 年 xx 月 xx 日`), `date.invalid` (`2020年13月45日`),
/// `date.unresolved` (nothing to resolve a partial date against), `date.weekdayMismatch` (a
/// written weekday that no year near the resolved one has).
struct DateExtractor: EntityExtractor {
    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        let scanner = DateScanner(t)
        var items: [DateItem] = []
        var evidence: [YearEvidence] = []
        var titleDepth = 0
        var i = 0
        while i < t.n {
            // Most scalars start no date form: one table byte skips them.
            guard t.concernsDates(i) else { i += 1; continue }
            let c = t[i]
            if c == "\n" { titleDepth = 0; i += 1; continue }
            if c == "《" { titleDepth += 1; i += 1; continue }
            if c == "》" { titleDepth = max(0, titleDepth - 1); i += 1; continue }
            guard let next = step(scanner, at: i, &items, &result) else { i += 1; continue }
            if titleDepth == 0, let item = items.last, item.range.lowerBound == i, !(context.anchor?.block?.contains(i) ?? false) {
                collectEvidence(item, scanner, into: &evidence)
            }
            i = max(next, i + 1)
        }
        let anchor = context.anchor.map { ResolverAnchor(date: $0.date, kind: $0.kind, closingStart: $0.closingStart) }
        resolve(items, YearResolver(evidence: evidence, anchor: anchor), &result)
    }

    /// Tries every form that can start at `i`; appends what it read and returns where scanning
    /// continues, or nil. The scalars it handles are marked in `Numerals.numeralClass` (bit 2):
    /// keep the two in step.
    func step(_ sc: DateScanner, at i: Int, _ items: inout [DateItem], _ result: inout ExtractionResult) -> Int? {
        let t = sc.t
        let c = t[i]
        if t.startsNumber(i) || c == "x" || c == "X" {
            let prevC = t[i - 1]
            if t.inNumber(i - 1) || t.isASCIILetter(i - 1) || (prevC == "." && t.isDigit(i - 2)) || prevC == "x" || prevC == "X" { return nil }
            if prevC == "第" && !t.isDigit(i) { return nil }
            if let e = placeholder(t, at: i, &result) { return e }
            if c == "x" || c == "X" { return nil }
            if t.isDigit(i), let n = DateForms.numeric(t, at: i) {
                if n.invalid {
                    result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateInvalid, message: "no such day", range: i..<n.end))
                    return n.end
                }
                let d = n.date
                let point = DatePoint(range: i..<n.end, year: .explicit(d.year, era: nil), month: d.month, day: d.day)
                items.append(DateItem(range: i..<n.end, start: point,
                                      fixed: .date(DateValue(date: d.description, precision: .day, time: n.time))))
                return n.end
            }
            if let item = fiveYearPlan(t, at: i) { items.append(item); return item.range.upperBound }
        } else if c == "“" || c == "\"" {
            if let item = fiveYearPlan(t, at: i) { items.append(item); return item.range.upperBound }
            return nil
        }
        guard let item = sc.item(at: i) else { return nil }
        items.append(item)
        return item.range.upperBound
    }

    /// The explicit years of an item that are narrative evidence.
    func collectEvidence(_ item: DateItem, _ sc: DateScanner, into evidence: inout [YearEvidence]) {
        guard case .explicit(let y, _) = item.start.year, !item.start.citesDocument, !sc.isForecast(item.range.lowerBound) else { return }
        if case .dateRange = item.fixed { return } // a five-year plan is no year of the narrative
        func fields(_ p: DatePoint) -> (Int?, Int?) {
            if let period = p.period { return period.months != nil ? (nil, nil) : (p.month, nil) }
            return (p.month, p.day)
        }
        let (m, d) = fields(item.start)
        evidence.append(YearEvidence(position: item.start.range.lowerBound, year: y, month: m, day: d))
        guard let e = item.end else { return }
        var (em, ed) = fields(e)
        var ey = y
        switch e.year {
        case .explicit(let v, _): ey = v
        case .relative: return
        case .missing:
            if em == nil && e.period == nil && !e.monthFromContext { em = item.start.month } // 18日 of 5月14日-18日
            if let a = item.start.month, let b = em, b < a { ey += 1 }
        }
        if e.monthFromContext { em = nil; ed = nil }
        evidence.append(YearEvidence(position: e.range.lowerBound, year: ey, month: em, day: ed))
    }

    // MARK: - Resolution

    func resolve(_ items: [DateItem], _ resolver: YearResolver, _ result: inout ExtractionResult) {
        var narrative: YearChoice?
        for item in items where !item.skipOnly {
            if let v = item.fixed { result.entities.append(FoundEntity(range: item.range, value: v)); continue }
            let p = item.start
            let at = item.range.lowerBound
            var y: Int
            var contextMonth: Int?
            var inferred: DateInference?
            var era: String?
            switch p.year {
            case .explicit(let v, let e):
                y = v; era = e
            case .relative(let delta):
                guard let ch = resolver.resolveRelative(at: at, narrative: narrative) else {
                    unresolved(p.range, "relative year without an anchor", &result); continue
                }
                y = ch.year + delta
                inferred = DateInference(fields: ["year"], from: ch.from, anchor: ch.kind)
            case .missing:
                if let e = item.end, case .explicit(let ey, let eEra) = e.year {
                    // 3月至2020年8月: the year written at the end holds for the start.
                    y = ey; era = eEra
                    if let a = p.month, let b = e.month, a > b { y -= 1 }
                } else {
                    let ch = p.monthFromContext
                        ? resolver.resolveRelative(at: at, narrative: narrative, needMonth: true)
                        : resolver.resolvePartial(at: at)
                    guard let ch, !p.monthFromContext || ch.month != nil else {
                        unresolved(item.end == nil ? p.range : item.range, "no year to resolve this date against", &result); continue
                    }
                    y = ch.year
                    contextMonth = ch.month
                    if let delta = p.monthDelta, let m = ch.month { (y, contextMonth) = Self.shift(y, m, by: delta) }
                    inferred = DateInference(fields: p.monthFromContext ? ["year", "month"] : ["year"], from: ch.from, anchor: ch.kind)
                    if resolver.showsNarrative(ch, month: p.month, day: p.day) { narrative = ch }
                }
            }
            // A weekday beside the date checks (and for an inferred year, may correct) the year.
            if let wd = item.weekday, let m = p.month, let d = p.day, item.end == nil {
                let written: Bool = if case .explicit = p.year { true } else { false }
                let chosen = written ? (DatePieces.valid(y, m, d) && DatePieces.weekdayOf(y, m, d) == wd ? y : nil)
                                     : YearResolver.weekdayYear(resolved: y, month: m, day: d, weekday: wd)
                if let w = chosen {
                    if w != y, let inf = inferred { y = w; inferred = DateInference(fields: inf.fields, from: inf.from, anchor: .weekday) }
                } else {
                    result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateWeekdayMismatch,
                                                              message: "the weekday written beside the date does not match it",
                                                              range: item.weekdayRange ?? item.range))
                }
            }
            guard let (lo, hi) = p.bounds(year: y, contextMonth: contextMonth) else {
                invalid(item.range, inferred != nil, &result); continue
            }
            guard let e = item.end else {
                if let period = p.period {
                    emitRange(item.range, lo, hi, p.precision, inferred, period.name, era, &result)
                } else {
                    result.entities.append(FoundEntity(range: item.range, value: .date(DateValue(
                        date: iso(lo.0, lo.1, lo.2), precision: p.precision, time: item.time, partOfDay: item.partOfDay,
                        inferred: inferred, era: era))))
                }
                continue
            }
            // The end of a range.
            var ey = y
            var rolls = false
            switch e.year {
            case .explicit(let v, let eEra): ey = v; era = era ?? eEra
            case .relative(let delta):
                guard let ch = resolver.resolveRelative(at: e.range.lowerBound, narrative: narrative) else {
                    unresolved(item.range, "relative year without an anchor", &result); continue
                }
                ey = ch.year + delta
            case .missing: rolls = e.month != nil
            }
            var endMonth = hi.1
            if let delta = e.monthDelta {
                // 上月底至本月初: the end counts from the document's month too, not from the start.
                guard let ch = resolver.resolveRelative(at: e.range.lowerBound, narrative: narrative, needMonth: true), let m = ch.month else {
                    unresolved(item.range, "no month to resolve this date against", &result); continue
                }
                (ey, endMonth) = Self.shift(ch.year, m, by: delta)
            }
            var end = e
            if end.month == nil && end.period == nil && !end.monthFromContext { end.month = hi.1 } // 18日 of 5月14日-18日
            // The last day of the range; a range written without its end year rolls over (12月28日至1月3日).
            guard var hi2 = end.bounds(year: ey, contextMonth: endMonth)?.1 else { invalid(item.range, inferred != nil, &result); continue }
            if rolls && (hi2.0, hi2.1 ?? 0, hi2.2 ?? 0) < (lo.0, lo.1 ?? 0, lo.2 ?? 0), let b = end.bounds(year: ey + 1, contextMonth: hi.1) {
                hi2 = b.1
            }
            let precision = coarser(p.precision, end.precision)
            let s = truncate(lo, precision), f = truncate(hi2, precision)
            guard (f.0, f.1 ?? 0, f.2 ?? 0) >= (s.0, s.1 ?? 0, s.2 ?? 0) else {
                // Not a range after all: the start alone.
                result.entities.append(FoundEntity(range: p.range, value: .date(DateValue(date: iso(lo.0, lo.1, lo.2), precision: p.precision, inferred: inferred, era: era))))
                continue
            }
            emitRange(item.range, s, f, precision, inferred, nil, era, &result)
        }
    }

    /// Year and month `delta` months from `y`-`m` (`上月` in January is last December).
    static func shift(_ y: Int, _ m: Int, by delta: Int) -> (Int, Int?) {
        let k = y * 12 + (m - 1) + delta
        return (k / 12, k % 12 + 1)
    }

    func unresolved(_ r: Range<Int>, _ message: String, _ result: inout ExtractionResult) {
        result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateUnresolved, message: message, range: r))
    }

    func invalid(_ r: Range<Int>, _ inferred: Bool, _ result: inout ExtractionResult) {
        result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.dateInvalid,
                                                  message: inferred ? "no such date in the inferred year" : "no such date", range: r))
    }

    func coarser(_ a: DatePrecision, _ b: DatePrecision) -> DatePrecision {
        func rank(_ p: DatePrecision) -> Int { p == .year ? 0 : (p == .month ? 1 : 2) }
        return rank(a) <= rank(b) ? a : b
    }

    func truncate(_ d: (Int, Int?, Int?), _ p: DatePrecision) -> (Int, Int?, Int?) {
        switch p {
        case .year: (d.0, nil, nil)
        case .month: (d.0, d.1, nil)
        case .day: d
        }
    }

    func emitRange(_ r: Range<Int>, _ s: (Int, Int?, Int?), _ e: (Int, Int?, Int?), _ p: DatePrecision, _ inf: DateInference?,
                   _ period: String?, _ era: String?, _ result: inout ExtractionResult) {
        result.entities.append(FoundEntity(range: r, value: .dateRange(DateRangeValue(
            start: iso(s.0, s.1, s.2), end: iso(e.0, e.1, e.2), precision: p, inferred: inf, period: period, era: era))))
    }

    // MARK: - Forms with a fixed value

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
            if t[k] == "至" || t[k] == "到" || t[k] == "-" || t[k] == "~", let e = token(t.skipSpaces(k + 1, limit: 2)) { end = e; continue }
            break
        }
        result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.datePlaceholder, message: "template placeholder instead of a date", range: i..<end))
        return end
    }

    /// `“十二五”期间` → 2011–2015; quotes required for `一五`…`十五`-style names without 十X.
    func fiveYearPlan(_ t: Scan, at i: Int) -> DateItem? {
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
            guard t.longest(DateScanner.qijian, at: k) > 0 || t[k] == "规" || t[k] == "计" || t[k] == "以" || t[k] == "末" || t[k] == "初" || t[k] == "时" else { return nil }
        }
        let end = k + t.longest(DateScanner.qijian, at: k)
        let start: Int = n == 1 ? 1953 : (n == 2 ? 1958 : 1966 + 5 * (n - 3))
        let value = EntityValue.dateRange(DateRangeValue(start: iso(start), end: iso(start + 4), precision: .year, period: "fiveYearPlan"))
        return DateItem(range: i..<end, start: DatePoint(range: i..<end, year: .explicit(start, era: nil)), fixed: value)
    }
}
