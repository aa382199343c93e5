extension EntityValue {
    /// One line per value for golden files and `gongwen entities`: space-separated `key=value`
    /// for the non-nil fields in a fixed order (see the golden-file format).
    package var goldenSummary: String {
        func inf(_ i: DateInference?) -> String? {
            guard let i else { return nil }
            return "inferred=\(i.fields.joined(separator: "+"))@\(i.from)/\(i.anchor)"
        }
        var parts: [String] = []
        switch self {
        case .date(let v):
            parts = ["date=\(v.date)", "precision=\(v.precision.rawValue)"]
            if let x = v.time { parts.append("time=\(x)") }
            if let x = v.partOfDay { parts.append("partOfDay=\(x)") }
            if let x = inf(v.inferred) { parts.append(x) }
            if let x = v.era { parts.append("era=\(x)") }
        case .dateRange(let v):
            parts = ["start=\(v.start)", "end=\(v.end)", "precision=\(v.precision.rawValue)"]
            if let x = inf(v.inferred) { parts.append(x) }
            if let x = v.period { parts.append("period=\(x)") }
            if let x = v.era { parts.append("era=\(x)") }
        case .money(let v):
            parts = ["amount=\(v.amount)"]
            if let x = v.amountMax { parts.append("amountMax=\(x)") }
            parts.append("currency=\(v.currency)")
            if v.approximate { parts.append("approximate") }
            if let x = v.qualifier { parts.append("qualifier=\(x)") }
            if let x = v.per { parts.append("per=\(x)") }
        case .personCount(let v):
            parts = ["count=\(v.count)"]
            if let x = v.countMax { parts.append("countMax=\(x)") }
            parts.append("unit=\(v.unit)")
            if v.approximate { parts.append("approximate") }
            if let x = v.qualifier { parts.append("qualifier=\(x)") }
            if let x = v.role { parts.append("role=\(x)") }
        case .title(let v):
            parts = ["category=\(v.category.rawValue)"]
            if !v.nested.isEmpty { parts.append("nested=\(v.nested.joined(separator: "|"))") }
        case .documentNumber(let v):
            parts = ["issuer=\(v.issuer)"]
            if let y = v.year { parts.append("year=\(y)") }
            parts.append("serial=\(v.serial)")
        case .percentage(let v):
            parts = ["value=\(v.value)", "unit=\(v.unit)"]
        case .phone(let v):
            parts = ["number=\(v.number)"]
        case .email(let v):
            parts = ["address=\(v.address)"]
        }
        return parts.joined(separator: " ")
    }
}
