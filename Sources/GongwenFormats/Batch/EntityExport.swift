import Foundation
import Gongwen

/// One entity as a flat row: where it is, what it is, and its value fields as strings.
public struct EntityRow: Sendable, Equatable {
    public var path: String
    public var id: String
    public var kind: String
    public var text: String
    public var start: Int
    public var end: Int
    /// Markers of the enclosing sections, outermost first.
    public var section: [String]
    /// Value fields by name (`amount`, `currency`, `date` …); objects and arrays as compact JSON.
    public var values: [String: String]

    public init(path: String, id: String, kind: String, text: String, start: Int, end: Int, section: [String], values: [String: String]) {
        self.path = path
        self.id = id
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.section = section
        self.values = values
    }
}

/// `gongwen entities`: entities as text lines or as CSV (RFC 4180) for analysts.
public enum EntityExport {
    /// Every value field of schema `gongwen/1`, in column order. Fields added later land in `value_other`.
    public static let valueFields = [
        "date", "start", "end", "precision", "time", "partOfDay", "inferred", "period",
        "amount", "amountMax", "currency", "approximate", "qualifier", "per",
        "count", "countMax", "unit", "role", "title", "category", "key", "nested",
        "issuer", "year", "serial", "value", "number", "address",
    ]

    public static var csvHeader: [String] {
        ["path", "id", "kind", "text", "start", "end", "section"] + valueFields.map { "value_" + $0 } + ["value_other"]
    }

    /// Joins section markers in the `section` column and text output.
    public static let sectionSeparator = " > "

    public static func rows(document: Document) -> [EntityRow] {
        document.entities.map { e in
            EntityRow(path: document.source.path ?? "", id: document.source.id ?? "", kind: e.kind.rawValue, text: e.text,
                      start: e.span.start, end: e.span.end, section: e.sectionPath, values: values(e.value))
        }
    }

    /// The rows of one line of `convert` output (none for an error record or a line that is not JSON).
    public static func rows<Bytes: Collection>(jsonLine: Bytes) -> [EntityRow] where Bytes.Element == UInt8 {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonLine)) as? [String: Any],
              let entities = object["entities"] as? [[String: Any]] else { return [] }
        let source = object["source"] as? [String: Any] ?? [:]
        let path = source["path"] as? String ?? ""
        let id = source["id"] as? String ?? ""
        return entities.map { e in
            let span = e["span"] as? [String: Any] ?? [:]
            let section = (e["section"] ?? e["sectionPath"]) as? [String] ?? []
            var values: [String: String] = [:]
            for (k, v) in e["value"] as? [String: Any] ?? [:] { values[k] = render(v) }
            return EntityRow(path: path, id: id, kind: e["kind"] as? String ?? "", text: e["text"] as? String ?? "",
                             start: (span["start"] as? NSNumber)?.intValue ?? 0, end: (span["end"] as? NSNumber)?.intValue ?? 0,
                             section: section, values: values)
        }
    }

    /// One CSV record (RFC 4180: fields with `,` `"` CR or LF quoted, quotes doubled, CRLF ending).
    public static func csvRecord(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\r\n"
    }

    public static func csvRecord(_ row: EntityRow) -> String {
        var fields = [row.path, row.id, row.kind, row.text, String(row.start), String(row.end), row.section.joined(separator: sectionSeparator)]
        fields += valueFields.map { row.values[$0] ?? "" }
        let known = Set(valueFields)
        let other = row.values.filter { !known.contains($0.key) }
        fields.append(other.isEmpty ? "" : other.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        return csvRecord(fields)
    }

    /// `kind <TAB> text <TAB> value fields <TAB> section path`, with the document path first when asked.
    public static func textLine(_ row: EntityRow, withPath: Bool = false) -> String {
        let order = valueFields + row.values.keys.filter { !valueFields.contains($0) }.sorted()
        let value = order.compactMap { k in row.values[k].map { "\(k)=\($0)" } }.joined(separator: " ")
        let line = [row.kind, row.text, value, row.section.joined(separator: sectionSeparator)].map { $0.replacingOccurrences(of: "\n", with: " ") }
        return ((withPath ? [row.path.isEmpty ? row.id : row.path] : []) + line).joined(separator: "\t")
    }

    /// Streams a `convert` output file line by line. Returns (documents, entities, error records).
    @discardableResult
    public static func exportJSONL(path: String, csv: Bool, write: (String) -> Void) throws -> (documents: Int, entities: Int, errors: Int) {
        let source: ByteSource
        if path == "-" {
            source = StdinSource()
        } else {
            do { source = try FileSource(path: path) } catch let f as BatchFailure { throw BatchUsageError("cannot read \(path): \(f.message)") }
        }
        if csv { write(csvRecord(csvHeader)) }
        var documents = 0, entities = 0, errors = 0
        func line(_ bytes: ArraySlice<UInt8>) {
            guard !bytes.isEmpty else { return }
            if let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], object["error"] != nil {
                errors += 1
                return
            }
            documents += 1
            for row in rows(jsonLine: bytes) {
                entities += 1
                write(csv ? csvRecord(row) : textLine(row, withPath: true) + "\n")
            }
        }
        let last = try source.forEachLine(line)
        line(last[...])
        return (documents, entities, errors)
    }

    static func values(_ value: EntityValue) -> [String: String] {
        var out: [String: String] = [:]
        func set(_ k: String, _ v: String?) { if let v { out[k] = v } }
        func inferred(_ i: DateInference?) {
            guard let i else { return }
            out["inferred"] = render(["fields": i.fields, "from": i.from, "anchor": i.anchor] as [String: Any])
        }
        switch value {
        case .date(let v):
            set("date", v.date); set("precision", v.precision.rawValue); set("time", v.time); set("partOfDay", v.partOfDay); inferred(v.inferred)
        case .dateRange(let v):
            set("start", v.start); set("end", v.end); set("precision", v.precision.rawValue); inferred(v.inferred); set("period", v.period)
        case .money(let v):
            set("amount", v.amount); set("amountMax", v.amountMax); set("currency", v.currency)
            set("approximate", String(v.approximate)); set("qualifier", v.qualifier); set("per", v.per)
        case .personCount(let v):
            set("count", String(v.count)); set("approximate", String(v.approximate)); set("qualifier", v.qualifier)
            set("unit", v.unit); set("role", v.role)
        case .title(let v):
            set("title", v.title); set("category", v.category.rawValue); set("key", v.key)
            out["nested"] = render(v.nested)
        case .documentNumber(let v):
            set("issuer", v.issuer); set("year", v.year.map(String.init)); set("serial", String(v.serial))
        case .percentage(let v):
            set("value", v.value); set("unit", v.unit)
        case .phone(let v):
            set("number", v.number)
        case .email(let v):
            set("address", v.address)
        }
        return out
    }

    /// Scalars as plain strings, objects and arrays as compact JSON with sorted keys.
    static func render(_ value: Any) -> String {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return n.boolValue ? "true" : "false" }
            return n.stringValue
        case is NSNull: return ""
        case let a as [Any] where a.isEmpty: return ""
        default:
            guard JSONSerialization.isValidJSONObject(value),
                  let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Standard input as a byte source.
final class StdinSource: ByteSource {
    func read(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        let data = FileHandle.standardInput.readData(ofLength: count)
        return [UInt8](data)
    }
}
