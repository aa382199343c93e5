/// An explicit year the text states as narrative context: a date written with its year, outside a
/// cited title (`《…2016年…》`), a cited document number (`一九八五年112号文件`, `〔2018〕`) and a
/// forecast (`预计2021年投产`).
struct YearEvidence: Sendable, Equatable {
    var position: Int
    var year: Int
    var month: Int?
    var day: Int?
    var iso: String { Gongwen.iso(year, month, day) }
}

/// The document's own date as the resolver sees it: the date, what it is (`signatureDate`,
/// `dateline`, `option`), and where the closing part of the document starts (the signature), if
/// it has a place in the text.
struct ResolverAnchor: Sendable, Equatable {
    var date: CalendarDate
    var kind: String
    var closingStart: Int?
}

/// Where a year came from: the year (and month, when the form needs one), the evidence's ISO date,
/// and its kind (`previousDate`, `nextDate`, `signatureDate`, `dateline`, `option`).
struct YearChoice: Sendable, Equatable {
    var year: Int
    var month: Int?
    var from: String
    var kind: String
}

/// Resolves the year of a date written without one. A value: built once from the evidence of a
/// document (in source order) and its anchor; every question is a pure function of those.
///
/// The rule (Sources/Gongwen/Gongwen.docc/EntityValues.md):
/// 1. The nearest explicit year before the date, in the same part of the document (the title and
///    body before the signature, or the closing part after it), wins: `previousDate`.
/// 2. Else the document's own date (signature date, dateline, caller's option).
/// 3. Else the nearest explicit year after the date: `nextDate`.
/// 4. Else nothing (`date.unresolved`).
/// Relative words (`今年`, `去年`) count from the document's own date first; once the text has
/// shown that it narrates an earlier year (`showsNarrative`: a report signed in January on the
/// previous year's work), they count from the evidence that showed it.
struct YearResolver: Sendable {
    let evidence: [YearEvidence]
    let anchor: ResolverAnchor?

    init(evidence: [YearEvidence], anchor: ResolverAnchor?) {
        self.evidence = evidence.sorted { $0.position < $1.position }
        self.anchor = anchor
    }

    /// The part of the document a position is in: 0 before the signature, 1 from it on.
    func part(_ position: Int) -> Int {
        guard let c = anchor?.closingStart else { return 0 }
        return position >= c ? 1 : 0
    }

    /// Index of the first evidence at or after `position`.
    private func firstIndex(atOrAfter position: Int) -> Int {
        var lo = 0, hi = evidence.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if evidence[mid].position < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The nearest evidence before `position` in the same part.
    func earlier(_ position: Int, needMonth: Bool = false) -> YearEvidence? {
        let p = part(position)
        var k = firstIndex(atOrAfter: position) - 1
        while k >= 0 {
            let e = evidence[k]
            if part(e.position) != p { return nil }
            if !needMonth || e.month != nil { return e }
            k -= 1
        }
        return nil
    }

    /// The nearest evidence after `position` in the same part.
    func later(_ position: Int, needMonth: Bool = false) -> YearEvidence? {
        let p = part(position)
        var k = firstIndex(atOrAfter: position)
        while k < evidence.count {
            let e = evidence[k]
            if part(e.position) != p { return nil }
            if !needMonth || e.month != nil { return e }
            k += 1
        }
        return nil
    }

    private func choice(_ e: YearEvidence, _ kind: String) -> YearChoice {
        YearChoice(year: e.year, month: e.month, from: e.iso, kind: kind)
    }

    private func choice(_ a: ResolverAnchor) -> YearChoice {
        YearChoice(year: a.date.year, month: a.date.month, from: a.date.description, kind: a.kind)
    }

    /// The year for a partial date (`5月11日`, `第二季度`, `年底`) at `position`.
    func resolvePartial(at position: Int, needMonth: Bool = false) -> YearChoice? {
        if let e = earlier(position, needMonth: needMonth) { return choice(e, "previousDate") }
        if let a = anchor { return choice(a) }
        if let e = later(position, needMonth: needMonth) { return choice(e, "nextDate") }
        return nil
    }

    /// The reference year for a relative word (`今年`, `去年`, a standalone `月底`) at `position`.
    func resolveRelative(at position: Int, narrative: YearChoice?, needMonth: Bool = false) -> YearChoice? {
        if let a = anchor {
            if let n = narrative, !needMonth || n.month != nil { return n }
            return choice(a)
        }
        return resolvePartial(at: position, needMonth: needMonth)
    }

    /// Whether resolving a partial date of `month`/`day` to `choice` shows that the text narrates a
    /// year before its own date: the evidence is from an earlier year than the anchor's, and the
    /// anchor's year would have put the date after the document's own date.
    func showsNarrative(_ choice: YearChoice, month: Int?, day: Int?) -> Bool {
        guard let a = anchor, choice.kind == "previousDate", choice.year < a.date.year, let m = month else { return false }
        return (m, day ?? 1) > (a.date.month, a.date.day)
    }

    /// The year a written weekday selects: the resolved year when it matches; else the one year
    /// within one of it that matches, when exactly one does; else nil (a mismatch).
    static func weekdayYear(resolved y: Int, month m: Int, day d: Int, weekday: Int) -> Int? {
        if DatePieces.valid(y, m, d) && DatePieces.weekdayOf(y, m, d) == weekday { return y }
        let matches = [y - 1, y + 1].filter { DatePieces.valid($0, m, d) && DatePieces.weekdayOf($0, m, d) == weekday }
        return matches.count == 1 ? matches[0] : nil
    }
}
