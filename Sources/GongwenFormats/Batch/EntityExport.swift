import Foundation
import Gongwen

/// One entity as a flat row: where it is, what it is, and its value fields in their `Codable` order.
public struct EntityRow: Sendable, Equatable {
    public var path: String
    /// The document's id.
    public var documentId: String
    public var entityId: Int
    public var kind: EntityKind
    public var text: String
    public var start: Int
    public var end: Int
    /// Markers of the enclosing sections, outermost first.
    public var section: [String]
    public var sectionId: String?
    /// The value's fields, from the value type's one field list (its `Codable` conformance).
    public var values: [(String, FieldValue)]

    public init(document: Document, entity e: Entity) {
        path = document.source.path ?? ""
        documentId = document.id
        entityId = e.id
        kind = e.kind
        text = e.text
        start = e.span.start
        end = e.span.end
        section = e.sectionPath
        sectionId = e.sectionId
        values = e.value.fields
    }

    public static func == (a: EntityRow, b: EntityRow) -> Bool {
        (a.path, a.documentId, a.entityId, a.kind, a.text) == (b.path, b.documentId, b.entityId, b.kind, b.text)
            && (a.start, a.end, a.section, a.sectionId) == (b.start, b.end, b.section, b.sectionId)
            && a.values.count == b.values.count && zip(a.values, b.values).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// `gongwen entities`: entities as text lines or as CSV (RFC 4180) for analysts. Rows come from
/// typed documents only — parsed here, or decoded from `convert` output — so both give the same
/// bytes.
public enum EntityExport {
    /// The value columns: every value field of every kind, in first-appearance order.
    public static let valueFields = EntityKind.valueFieldNames

    public static var csvHeader: [String] {
        ["path", "document_id", "entity_id", "kind", "text", "start", "end", "section", "section_id"] + valueFields.map { "value_" + $0 }
    }

    /// Joins section markers in the `section` column and text output.
    public static let sectionSeparator = " > "

    public static func rows(document: Document) -> [EntityRow] {
        document.entities.map { EntityRow(document: document, entity: $0) }
    }

    /// The rows of one line of `convert` output (none for an error record).
    public static func rows<Bytes: Collection>(jsonLine: Bytes) throws -> [EntityRow] where Bytes.Element == UInt8 {
        guard case .document(let d) = try GongwenJSON.decode(jsonLine) else { return [] }
        return rows(document: d)
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
        let byName = Dictionary(row.values, uniquingKeysWith: { a, _ in a })
        var fields = [row.path, row.documentId, String(row.entityId), row.kind.rawValue, row.text, String(row.start), String(row.end),
                      row.section.joined(separator: sectionSeparator), row.sectionId ?? ""]
        fields += valueFields.map { byName[$0]?.cellText ?? "" }
        return csvRecord(fields)
    }

    /// `kind <TAB> text <TAB> value fields <TAB> section path`, with the document path first when asked.
    public static func textLine(_ row: EntityRow, withPath: Bool = false) -> String {
        let value = row.values.compactMap { name, v -> String? in
            if case .null = v { return nil }
            let text = v.cellText
            return text.isEmpty ? nil : "\(name)=\(text)"
        }.joined(separator: " ")
        let line = [row.kind.rawValue, row.text, value, row.section.joined(separator: sectionSeparator)].map { $0.replacingOccurrences(of: "\n", with: " ") }
        return ((withPath ? [row.path.isEmpty ? row.documentId : row.path] : []) + line).joined(separator: "\t")
    }

    /// Streams a `convert` output file line by line through the typed decoder. Returns
    /// (documents, entities, error records); a line that is not `gongwen/1` stops the export with
    /// its line number.
    @discardableResult
    public static func exportJSONL(path: String, csv: Bool, write: (String) -> Void) throws -> (documents: Int, entities: Int, errors: Int) {
        let source: ByteSource
        if path == "-" {
            source = StdinSource()
        } else {
            do { source = try FileSource(path: path) } catch let f as BatchFailure { throw BatchUsageError("cannot read \(path): \(f.message)") }
        }
        if csv { write(csvRecord(csvHeader)) }
        var documents = 0, entities = 0, errors = 0, lineNumber = 0
        func line(_ bytes: ArraySlice<UInt8>) throws {
            lineNumber += 1
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { return }
            let record: GongwenRecord
            do { record = try GongwenJSON.decode(bytes) } catch {
                throw BatchUsageError("\(path): line \(lineNumber) is not gongwen/1: \(error)")
            }
            guard case .document(let d) = record else { errors += 1; return }
            documents += 1
            for row in rows(document: d) {
                entities += 1
                write(csv ? csvRecord(row) : textLine(row, withPath: true) + "\n")
            }
        }
        let last = try source.forEachLine(line)
        try line(last[...])
        return (documents, entities, errors)
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
