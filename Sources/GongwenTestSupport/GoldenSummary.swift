import Gongwen

extension EntityValue {
    /// One line per value for golden files: space-separated `key=value` for the fields present, in
    /// the value's field order (the `Codable` one). The golden format's own rules: a `true` flag is
    /// its bare name and `false` is left out; `inferred` is `fields@from/anchor`; arrays join with
    /// `|`; derived fields (`firstDay`, `lastDay`, a title's `title` and `key`, which its text
    /// shows) are left out.
    public var goldenSummary: String {
        let skipped: Set<String> = kind == .title ? ["firstDay", "lastDay", "title", "key"] : ["firstDay", "lastDay"]
        var parts: [String] = []
        for (name, value) in fields where !skipped.contains(name) {
            switch value {
            case .bool(true): parts.append(name)
            case .bool(false), .null: continue
            case .array(let items):
                if items.isEmpty { continue }
                parts.append("\(name)=\(items.map(\.cellText).joined(separator: "|"))")
            case .object(let members) where name == "inferred":
                let m = Dictionary(members, uniquingKeysWith: { a, _ in a })
                let fields: String
                if case .array(let f)? = m["fields"] { fields = f.map(\.cellText).joined(separator: "+") } else { fields = "" }
                parts.append("inferred=\(fields)@\(m["from"]?.cellText ?? "")/\(m["anchor"]?.cellText ?? "")")
            default: parts.append("\(name)=\(value.cellText)")
            }
        }
        return parts.joined(separator: " ")
    }
}
