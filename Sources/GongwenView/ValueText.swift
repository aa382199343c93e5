import Gongwen

/// An entity's resolved value in one line for a person: what the hover and focus bar and the
/// entity table show (`548.74万元` → `5,487,400 CNY`).
public enum ValueText {
    public static func summary(_ value: EntityValue) -> String {
        switch value {
        case .money(let m):
            var s = NumberText.grouped(m.amount)
            if let max = m.amountMax { s += " – " + NumberText.grouped(max) }
            s += " " + m.currency.rawValue
            if let per = m.per { s += " per " + per + " (a rate, not a total)" }
            if let q = m.qualifier { s += " · approximate (\(q.rawValue))" }
            return s
        case .date(let d):
            var s = d.date.description
            if let t = d.time { s += " " + t }
            if let p = d.partOfDay { s += " " + p.rawValue }
            return s + inferred(d.inferred)
        case .dateRange(let r):
            var s = r.start.description + " … " + r.end.description
            if let p = r.period { s += " (" + p.rawValue + ")" }
            return s + inferred(r.inferred)
        case .personCount(let c):
            var s = NumberText.grouped(c.count)
            if let max = c.countMax { s += " – " + NumberText.grouped(max) }
            s += " " + c.unit.rawValue
            if let q = c.qualifier { s += " · approximate (\(q.rawValue))" }
            if let role = c.role { s += " · " + role.rawValue }
            return s
        case .title(let t):
            var s = "《" + t.title + "》 · " + t.category.rawValue
            if !t.nested.isEmpty { s += " · cites " + t.nested.map { "《\($0)》" }.joined() }
            return s
        case .documentNumber(let n):
            return "issuer " + n.issuer + (n.year.map { " · year \($0)" } ?? " · no year") + " · serial \(n.serial)"
        case .percentage(let p):
            switch p.unit {
            case .percent: return p.value.description + "%"
            case .permille: return p.value.description + "‰"
            case .percentagePoint: return p.value.description + " percentage points"
            }
        case .phone(let p):
            return p.number
        case .email(let e):
            return e.address
        }
    }

    /// ` · year from the dateline (2020-09-25)`.
    static func inferred(_ i: DateInference?) -> String {
        guard let i else { return "" }
        let anchor: String
        switch i.anchor {
        case .dateline: anchor = "the dateline"
        case .signatureDate: anchor = "the signature date"
        case .previousDate: anchor = "an earlier date"
        case .option: anchor = "--anchor"
        case .nextDate: anchor = "a later date"
        case .weekday: anchor = "the weekday written beside it"
        }
        return " · " + i.fields.map(\.rawValue).joined(separator: " and ") + " from " + anchor + " (\(i.from))"
    }

    /// A label for each kind, for the legend and the report.
    public static func label(_ kind: EntityKind) -> String {
        switch kind {
        case .date: "date"
        case .dateRange: "date range"
        case .money: "money"
        case .personCount: "people"
        case .title: "cited title"
        case .documentNumber: "document number"
        case .percentage: "percentage"
        case .phone: "phone"
        case .email: "email"
        }
    }
}
