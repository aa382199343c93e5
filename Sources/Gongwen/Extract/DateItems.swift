/// The forms of dates built from `DatePieces`, as the date extractor's first pass reads them:
/// points (a date, a period, a relative expression, with the year as written or missing) and the
/// items made of them (a single point, a range of two points, or a value fixed by its form).
/// Nothing here resolves a year; `DateExtractor` does that with a `YearResolver`.

/// A year as the text wrote it.
enum YearRef: Equatable {
    case explicit(Int, era: String?)
    /// `今年` 0, `去年` -1, `明年` +1 …
    case relative(Int)
    case missing
}

/// A named part of a year (`上半年`: months 1–6) or of a month (`上旬`: days 1–10).
struct PeriodSpan: Equatable {
    var name: String
    var months: ClosedRange<Int>?
    var firstDay = 1
    /// nil: the month's last day.
    var lastDay: Int?
}

struct DatePoint: Equatable {
    var range: Range<Int>
    var year: YearRef
    var month: Int?
    /// A standalone `月底`: month (and year) from context.
    var monthFromContext = false
    /// `上月` -1, `本月` 0, `下个月` +1: months from the document's month (with `monthFromContext`);
    /// nil for a month taken as it stands in the context (`月底` of `5月1日至月底`).
    var monthDelta: Int?
    var day: Int?
    /// `9月23-24日`: the day before the dash has no 日.
    var dayBare = false
    var period: PeriodSpan?
    /// False for a year that is part of a cited document number (`一九八五年112号`).
    var citesDocument = false

    var precision: DatePrecision {
        if let p = period { return p.months != nil ? .month : .day }
        return day != nil ? .day : (month != nil || monthFromContext ? .month : .year)
    }

    /// First and last (year, month, day) of the point in year `y` (month `cm` from context).
    func bounds(year y: Int, contextMonth cm: Int?) -> ((Int, Int?, Int?), (Int, Int?, Int?))? {
        let m = monthFromContext ? cm : month
        if let p = period {
            if let ms = p.months { return ((y, ms.lowerBound, nil), (y, ms.upperBound, nil)) }
            guard let m else { return nil }
            return ((y, m, p.firstDay), (y, m, p.lastDay ?? CalendarDate.daysIn(month: m, year: y)))
        }
        guard DatePieces.valid(y, m, day) else { return nil }
        return ((y, m, day), (y, m, day))
    }
}

/// One date entity to be: a point, a range of two, or a value the form fixes alone.
struct DateItem {
    var range: Range<Int>
    var start: DatePoint
    var end: DatePoint?
    var time: String?
    var partOfDay: String?
    var weekday: Int?
    var weekdayRange: Range<Int>?
    var fixed: EntityValue?
    /// Read, but no entity (`9月23-` whose range did not close): scanning skips it.
    var skipOnly = false
}

/// The first pass: every form at every position, with the evidence of explicit years.
struct DateScanner {
    let t: Scan
    /// The document writes 民國 years somewhere: a bare `九十五年七月一日` is one too.
    let usesMinguo: Bool

    static let relativeYears: [([Unicode.Scalar], Int)] = [
        (W("今年"), 0), (W("本年度"), 0), (W("本年"), 0), (W("去年"), -1), (W("上年度"), -1), (W("上年"), -1),
        (W("明年"), 1), (W("前年"), -2),
    ]
    static let relativeMonths: [([Unicode.Scalar], Int)] = [
        (W("本月"), 0), (W("上月"), -1), (W("上个月"), -1), (W("下月"), 1), (W("下个月"), 1),
    ]
    static let jidu = W("季度"), shangbannian = W("上半年"), xiabannian = W("下半年")
    static let qijian: [[Unicode.Scalar]] = ["期间", "时期"].map(W)
    /// Festival and holiday names a bare year may stand before (`2017春节`).
    static let festivals: [[Unicode.Scalar]] = ["春节", "元旦", "国庆", "清明", "端午", "中秋", "劳动节", "五一", "寒假", "暑假", "春節", "國慶"].map(W)
    /// Words that make the year after them a target, not the time the text narrates.
    static let forecastWords: [[Unicode.Scalar]] = ["预计", "力争", "争取", "确保", "预期", "有望", "计划", "预测", "到"].map(W)

    init(_ t: Scan) {
        self.t = t
        var found = false
        var i = 0
        while i < t.n && !found {
            if t[i] == "民" && (t[i + 1] == "國" || t[i + 1] == "国") { found = true }
            i += 1
        }
        usesMinguo = found
    }

    /// Whether a year at `i` is a forecast (`预计2021年`, `到2025年`).
    func isForecast(_ i: Int) -> Bool {
        for w in DateScanner.forecastWords where t.hasBefore(w, at: i) {
            if w.count == 1 && (t[i - 2] == "直" || t[i - 2] == "截") { continue }
            return true
        }
        return false
    }

    // MARK: Points

    /// A year period right after a year: `上半年`, `第二季度`, `二季度`, `初`, `底`, `年初`, `年底`.
    func periodAfterYear(at k: Int) -> (PeriodSpan, Int)? {
        if t.has(DateScanner.shangbannian, at: k) { return (PeriodSpan(name: "firstHalf", months: 1...6), k + 3) }
        if t.has(DateScanner.xiabannian, at: k) { return (PeriodSpan(name: "secondHalf", months: 7...12), k + 3) }
        var q = k
        if t[q] == "第" { q += 1 }
        if let (n, ne) = Numerals.smallInt(t, at: q, maxValue: 4), n >= 1, n <= 4, t.has(DateScanner.jidu, at: ne) {
            return (PeriodSpan(name: "Q\(n)", months: (3 * n - 2)...(3 * n)), ne + 2)
        }
        let j = t[k] == "年" ? k + 1 : k
        switch t[j] {
        case "初": return (PeriodSpan(name: "yearStart", months: 1...1), j + 1)
        case "底", "末": return (PeriodSpan(name: "yearEnd", months: 12...12), j + 1)
        default: return nil
        }
    }

    /// A month period right after a month: `底`, `末`, `初`, `上旬`, `中旬`, `下旬`.
    func periodAfterMonth(at k: Int) -> (PeriodSpan, Int)? {
        switch t[k] {
        case "底", "末": return (PeriodSpan(name: "monthEnd", firstDay: 21, lastDay: nil), k + 1)
        case "初": return (PeriodSpan(name: "monthStart", firstDay: 1, lastDay: 10), k + 1)
        case "上" where t[k + 1] == "旬": return (PeriodSpan(name: "earlyMonth", firstDay: 1, lastDay: 10), k + 2)
        case "中" where t[k + 1] == "旬": return (PeriodSpan(name: "midMonth", firstDay: 11, lastDay: 20), k + 2)
        case "下" where t[k + 1] == "旬": return (PeriodSpan(name: "lateMonth", firstDay: 21, lastDay: nil), k + 2)
        default: return nil
        }
    }

    /// A relative year word at `i`: its delta and end (`今年`, `本年度`; not `三年前年底`, `以上年龄`).
    func relativeYear(at i: Int) -> (Int, Int)? {
        var len = 0, delta = 0
        for (w, d) in DateScanner.relativeYears where w.count > len && t.has(w, at: i) { len = w.count; delta = d }
        guard len > 0 else { return nil }
        if t[i] == "前" && (Numerals.isNumeral(t[i - 1]) || t[i - 1] == "年") { return nil }
        if t[i] == "上" && (t[i - 1] == "以" || t[i + 2] == "龄" || t[i + 2] == "级") { return nil }
        var e = i + len
        if t[e] == "度" { e += 1 }
        return (delta, e)
    }

    /// Prepositions and conjunctions a date may follow where another ideograph would make it part of
    /// a word (`于3月`, `至98年3月`, not `统一月报`, `近20年3月`).
    static func isDatePreposition(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "于", "在", "至", "到", "从", "自", "和", "及": true
        default: false
        }
    }

    /// Ideographs a two-digit year may follow: the date prepositions and a few more (`截至19年6月`).
    static func beforeTwoDigitYear(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "与", "或", "是", "的", "截", "止", "即", "为": true
        default: isDatePreposition(c)
        }
    }

    /// The words a relative month word's first scalar ends (`成本`, `以上`, `线下` …), by that scalar.
    static let wordsEndingIn: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "本": Set("成基根资样文版日剧账课原书标副脚读蓝话范户底".unicodeScalars),
        "上": Set("以马之线网向往北晚早身路会加赶跟追迎台楼山天面表爬登桌墙手史世纸".unicodeScalars),
        "下": Set("以之线地天手眼当乡底上一留剩放落南向往私部足门名树楼山脚膝治属麾写记定签拿打降如".unicodeScalars),
    ]
    /// Scalars that make 月 the start of another word (`月报`, `月刊`, `月台`, `月薪` …).
    static let wordsStartingWith月 = Set("报刊台球亮光饼票薪嫂子色经考结息租供产均活".unicodeScalars)

    /// A relative month word at `i`: its delta and end (`本月`, `上个月`, `下月`). Not the end of a
    /// word (`成本月度`, `以上月份`, `马上月底`, `线下月度`) and not before a word that 月 starts.
    func relativeMonth(at i: Int) -> (Int, Int)? {
        var len = 0, delta = 0
        for (w, d) in DateScanner.relativeMonths where w.count > len && t.has(w, at: i) { len = w.count; delta = d }
        guard len > 0, DateScanner.wordsEndingIn[t[i]]?.contains(t[i - 1]) != true,
              !DateScanner.wordsStartingWith月.contains(t[i + len]) else { return nil }
        return (delta, i + len)
    }

    /// Month, day and month period after a month start at `k`, filling `p`.
    func monthAndDay(_ p: inout DatePoint, at k: Int) -> Bool {
        guard let m = DatePieces.month(t, at: k) else { return false }
        p.month = m.value; p.range = p.range.lowerBound..<m.end
        if m.fen { return true }
        let j = t.skipSpaces(m.end, limit: 1)
        if let d = DatePieces.day(t, at: j) {
            p.day = d.value; p.range = p.range.lowerBound..<d.end
        } else if let (d, de) = Numerals.smallInt(t, at: j, maxValue: 31) {
            if DatePieces.connector(t, at: de).map({ DatePieces.day(t, at: $0) != nil }) == true {
                p.day = d; p.range = p.range.lowerBound..<de; p.dayBare = true   // 9月23-24日
            } else if case .explicit = p.year, !t.isDigit(j), d >= 1, !Scan.isIdeograph(t[de]) || t[de] == "日" {
                p.day = d; p.range = p.range.lowerBound..<de  // 二零零四年八月十五
            }
        } else if let (period, e) = periodAfterMonth(at: m.end) {
            p.period = period; p.range = p.range.lowerBound..<e
        }
        return true
    }

    /// After a year ending at `k`: a period, a month (and day), or nothing more.
    func afterYear(_ p: inout DatePoint, at k: Int, fiscal: Bool) {
        if fiscal { return }
        if let (period, e) = periodAfterYear(at: k) { p.period = period; p.range = p.range.lowerBound..<e; return }
        let j = t.skipSpaces(k, limit: 1)
        if monthAndDay(&p, at: j) { return }
        // 一九八五年112号: the year of a cited document.
        if case .explicit = p.year, let n = Numerals.digits(t, at: j, min: 1, max: 6), t[n.end] == "号" { p.citesDocument = true }
    }

    /// Standalone periods: `年初`, `年底`, `上半年`, `月底`, `第二季度`, whose year comes from context.
    func standalone(at i: Int) -> DatePoint? {
        let prev = t[i - 1]
        let c = t[i]
        if c == "第" || Numerals.canStart(c) {
            if c != "第" {
                // 二季度, not 下一季度, 每一季度, 一个季度
                if Numerals.isNumeral(prev) || t.isDigit(i - 1) { return nil }
                switch prev { case "下", "上", "每", "本", "这", "该", "个", "一", "度", "同", "第": return nil; default: break }
            }
            guard let (period, e) = periodAfterYear(at: i), period.name.hasPrefix("Q") else { return nil }
            return DatePoint(range: i..<e, year: .missing, period: period)
        }
        if Numerals.isNumeral(prev) || t.isDigit(i - 1) { return nil }
        switch prev {
        case "每", "当", "近", "多", "全", "去", "今", "明", "前", "本", "上", "下", "同", "新", "历", "元", "往", "逐", "半",
             "几", "数", "周", "学", "财", "年", "来", "该", "此", "这", "那", "次", "后", "个", "整", "隔", "跨", "月":
            return nil
        default: break
        }
        if c == "上" || c == "下" {
            guard t.has(c == "上" ? DateScanner.shangbannian : DateScanner.xiabannian, at: i), let (period, e) = periodAfterYear(at: i) else { return nil }
            return DatePoint(range: i..<e, year: .missing, period: period)
        }
        if c == "年", t[i + 1] == "初" || t[i + 1] == "底" || t[i + 1] == "末", let (period, e) = periodAfterYear(at: i) {
            return DatePoint(range: i..<e, year: .missing, period: period)
        }
        if c == "月", let (period, e) = periodAfterMonth(at: i + 1) {
            return DatePoint(range: i..<e, year: .missing, monthFromContext: true, period: period)
        }
        return nil
    }

    /// A point at `i`: written, relative, 民國, or (when `standaloneOK`) a standalone period.
    func point(at i: Int, standaloneOK: Bool) -> DatePoint? {
        let era = DatePieces.minguoWord(t, at: i)
        if era > 0 {
            guard let y = DatePieces.minguoYear(t, at: i + era) else { return nil }
            var p = DatePoint(range: i..<y.end, year: .explicit(y.value, era: DatePieces.minguo))
            afterYear(&p, at: y.end, fiscal: y.fiscal)
            return p
        }
        if let (delta, e) = relativeMonth(at: i) {
            // 本月, 上月15日, 下个月底: month and year from the context month.
            var p = DatePoint(range: i..<e, year: .missing, monthFromContext: true, monthDelta: delta)
            if let (period, pe) = periodAfterMonth(at: e) { p.period = period; p.range = i..<pe }
            else if let d = DatePieces.day(t, at: t.skipSpaces(e, limit: 1)) { p.day = d.value; p.range = i..<d.end }
            return p
        }
        if let (delta, e) = relativeYear(at: i) {
            var p = DatePoint(range: i..<e, year: .relative(delta))
            if let (period, pe) = periodAfterYear(at: e) { p.period = period; p.range = i..<pe; return p }
            if Numerals.canStart(t[e]) { _ = monthAndDay(&p, at: e) }
            return p
        }
        if t.startsNumber(i) {
            // 2017春节: a year before a festival name, without 年.
            if let (v, e) = Numerals.digits(t, at: i, min: 4, max: 4), v >= 1800, v <= 2199, t.longest(DateScanner.festivals, at: e) > 0 {
                return DatePoint(range: i..<e, year: .explicit(v, era: nil))
            }
            if let y = DatePieces.gregorianYear(t, at: i) {
                var p = DatePoint(range: i..<y.end, year: .explicit(y.value, era: nil))
                afterYear(&p, at: y.end, fiscal: y.fiscal)
                return p
            }
            if usesMinguo, !t.isDigit(i) || Numerals.digits(t, at: i, min: 2, max: 3) != nil, let y = DatePieces.minguoYear(t, at: i),
               DatePieces.month(t, at: t.skipSpaces(y.end, limit: 1)) != nil {
                var p = DatePoint(range: i..<y.end, year: .explicit(y.value, era: DatePieces.minguo))
                afterYear(&p, at: y.end, fiscal: y.fiscal)
                return p
            }
            // 98年3月, 05年12月20日: a two-digit year before a month, where no 民國 year can be meant,
            // after no word it could end (`近20年3月` is "in twenty years, March").
            if !usesMinguo, let y = DatePieces.twoDigitYear(t, at: i), !Scan.isIdeograph(t[i - 1]) || DateScanner.beforeTwoDigitYear(t[i - 1]) {
                var p = DatePoint(range: i..<y.end, year: .explicit(y.value, era: nil))
                if monthAndDay(&p, at: t.skipSpaces(y.end, limit: 1)), p.month != nil { return p }
            }
            var p = DatePoint(range: i..<i, year: .missing)
            if monthAndDay(&p, at: i) {
                // A Chinese month alone after an ideograph: `统一月报` is not January.
                if p.day == nil && p.period == nil && !t.isDigit(i) && Scan.isIdeograph(t[i - 1]) {
                    if !(DateScanner.isDatePreposition(t[i - 1]) || t[i - 1] == "年" || t[i - 1] == "、") { return nil }
                }
                // `每年3月底前`: a date every year, no date of this one.
                if t[i - 1] == "年" && t[i - 2] == "每" { return nil }
                return p
            }
        }
        return standaloneOK ? standalone(at: i) : nil
    }

    /// The end of a range written as a day alone: `18日` in `5月14日-18日`.
    func dayOnly(at k: Int) -> DatePoint? {
        guard let d = DatePieces.day(t, at: k) else { return nil }
        return DatePoint(range: k..<d.end, year: .missing, day: d.value)
    }

    // MARK: Items

    /// `2016-2019年`, `3-5月`, `2003年4-6月` (the year before the months given by `year`).
    func bareRange(at i: Int, year: DatePoint?) -> DateItem? {
        let from = year?.range.lowerBound ?? i
        if t.isDigit(i), let (a, ae) = Numerals.digits(t, at: i, min: 4, max: 4), year == nil, let k = DatePieces.connector(t, at: ae),
           let b = DatePieces.gregorianYear(t, at: k), a >= 1800, a <= b.value, b.value - a <= 100 {
            return DateItem(range: from..<b.end, start: DatePoint(range: i..<ae, year: .explicit(a, era: nil)),
                            end: DatePoint(range: k..<b.end, year: .explicit(b.value, era: nil)))
        }
        guard let (a, ae) = Numerals.smallInt(t, at: i, maxValue: 12), (1...12).contains(a), t.isDigit(i) || !t.isDigit(ae),
              let k = DatePieces.connector(t, at: ae), let b = DatePieces.month(t, at: k), a < b.value else { return nil }
        let y = year?.year ?? .missing
        return DateItem(range: from..<b.end, start: DatePoint(range: from..<ae, year: y, month: a),
                        end: DatePoint(range: k..<b.end, year: .missing, month: b.value))
    }

    /// Whether two points make a range: the same precision, or a period at either end.
    func rangeShape(_ a: DatePoint, _ b: DatePoint) -> Bool {
        if b.year == .missing && b.month == nil && !b.monthFromContext && b.period == nil { return a.day != nil } // 18日
        if a.period != nil || b.period != nil { return true }
        return a.precision == b.precision
    }

    /// Two points with explicit years whose end comes before their start (no range).
    func reversed(_ a: DatePoint, _ b: DatePoint) -> Bool {
        guard case .explicit(let ya, _) = a.year, case .explicit(let yb, _) = b.year else { return false }
        return (yb, b.month ?? 12) < (ya, a.month ?? 1)
    }

    /// The item that starts at `i`, or nil.
    func item(at i: Int) -> DateItem? {
        if t.startsNumber(i), let r = bareRange(at: i, year: nil) { return r }
        guard let p = point(at: i, standaloneOK: true) else { return nil }
        // 2003年4-6月
        if p.month == nil && p.period == nil, case .explicit = p.year, p.range.upperBound < t.n {
            let k = t.skipSpaces(p.range.upperBound, limit: 1)
            if t.startsNumber(k), var r = bareRange(at: k, year: p) { r.start.range = p.range.lowerBound..<r.start.range.upperBound; return r }
        }
        if case .relative = p.year, p.month == nil, p.period == nil, t.startsNumber(t.skipSpaces(p.range.upperBound, limit: 0)),
           var r = bareRange(at: p.range.upperBound, year: p) {
            r.range = p.range.lowerBound..<r.range.upperBound
            return r
        }
        // 2021年9月19日(星期日)至9月21日: a weekday may stand between the start and the connector.
        var afterStart = p.range.upperBound
        if p.day != nil, let (_, wr) = DatePieces.weekday(t, at: afterStart), DatePieces.connector(t, at: wr.upperBound) != nil { afterStart = wr.upperBound }
        if let k = DatePieces.connector(t, at: afterStart), !p.citesDocument {
            var q = point(at: k, standaloneOK: true) ?? dayOnly(at: k)
            // 民國93年至95年: the end's bare year is in the same era.
            if q == nil, case .explicit(_, let era) = p.year, era != nil, let y = DatePieces.minguoYear(t, at: k) {
                q = DatePoint(range: k..<y.end, year: .explicit(y.value, era: era))
            }
            if let q, rangeShape(p, q), !reversed(p, q) {
                return DateItem(range: p.range.lowerBound..<q.range.upperBound, start: p, end: q)
            }
        }
        if p.dayBare { return DateItem(range: p.range, start: p, skipOnly: true) }
        var item = DateItem(range: p.range, start: p)
        if p.day != nil && p.period == nil {
            var k = p.range.upperBound
            if let (wd, wr) = DatePieces.weekday(t, at: k) { item.weekday = wd; item.weekdayRange = wr; k = wr.upperBound }
            k = t.skipSpaces(k, limit: 2)
            var pod: String?
            if let (name, e) = DatePieces.partOfDay(t, at: k) { pod = name; k = e }
            let k2 = t.skipSpaces(k, limit: 1)
            if let (tm, te) = DatePieces.clock(t, at: k2, partOfDay: pod) {
                item.time = tm; item.partOfDay = pod; item.range = p.range.lowerBound..<te
            } else if pod != nil {
                item.partOfDay = pod; item.range = p.range.lowerBound..<k
            }
        }
        return item
    }
}
