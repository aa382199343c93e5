import Foundation
import GRDB
import Gongwen

/// Reads a `corpus.sqlite` back into typed values: each document's identity, date, issuer,
/// entities and diagnostics, and each error record. Entity values are rebuilt from their typed
/// columns through the same field list that wrote them (the value types' `Codable` conformance),
/// so what the report or a Swift program reads is what `convert` wrote.
public struct CorpusReader {
    /// A document as the database holds it (no node tree: that lives in JSON Lines).
    public struct StoredDocument: Sendable {
        public var id: String
        public var path: String?
        public var title: String?
        public var date: DocumentDate?
        public var issuer: String?
        /// The decoded source, when it was stored (`convert` without `--no-text`).
        public var text: String?
        public var entities: [Entity]
        public var diagnostics: [Diagnostic]
    }

    public enum Stored: Sendable {
        case document(StoredDocument)
        case error(ErrorRecord)
    }

    let queue: DatabaseQueue

    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CorpusError("no such database: \(path)") }
        var config = Configuration()
        config.readonly = true
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    /// Every document not marked a duplicate, in input order, then every error record.
    public func forEach(_ body: (Stored) throws -> Void) throws {
        try queue.read { db in
            let docs = try Row.fetchCursor(db, sql: """
                SELECT doc, id, path, title, date, date_from, issuer, text FROM documents
                WHERE duplicate_of IS NULL ORDER BY doc
                """)
            while let row = try docs.next() {
                let doc: Int64 = row["doc"]
                var date: DocumentDate?
                if let day = (row["date"] as String?).flatMap(CalendarDate.init(iso:)),
                   let from = (row["date_from"] as String?).flatMap(DocumentDate.Source.init(rawValue:)) {
                    date = DocumentDate(date: day, from: from)
                }
                try body(.document(StoredDocument(id: row["id"], path: row["path"], title: row["title"], date: date, issuer: row["issuer"],
                                                  text: row["text"], entities: try Self.entities(db, doc: doc),
                                                  diagnostics: try Self.diagnostics(db, doc: doc))))
            }
            let errors = try Row.fetchCursor(db, sql: "SELECT path, source_id, encoding, format, bytes, sha256, code, message, gongwen_version FROM errors ORDER BY error")
            while let row = try errors.next() {
                let source = SourceInfo(path: row["path"], id: row["source_id"], encoding: row["encoding"] ?? "", bytes: row["bytes"] ?? 0,
                                        sha256: row["sha256"], format: InputFormat(rawValue: row["format"] ?? "text"))
                try body(.error(ErrorRecord(source: source, code: ErrorCode(rawValue: row["code"]), message: row["message"],
                                            gongwenVersion: row["gongwen_version"])))
            }
        }
    }

    /// The shape of each kind's value fields (which hold booleans, arrays or objects), from the
    /// full samples of the one field list.
    private static let shapes: [EntityKind: [(String, FieldValue)]] = Dictionary(
        uniqueKeysWithValues: EntityValue.fullSamples.map { ($0.kind, $0.fields) })

    private static func entities(_ db: Database, doc: Int64) throws -> [Entity] {
        let columns = CorpusSchema.valueColumns
        let byField = Dictionary(uniqueKeysWithValues: columns.map { ($0.field, $0.column) })
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM entities WHERE doc = ? ORDER BY entity", arguments: [doc])
        return try rows.map { row in
            let kindName: String = row["kind"]
            guard let kind = EntityKind(rawValue: kindName) else { throw CorpusError("unknown entity kind \(kindName)") }
            var value: [String: Any] = [:]
            for (field, shape) in shapes[kind] ?? [] {
                guard let column = byField[field] else { continue }
                let stored = row[column] as DatabaseValue
                switch (shape, stored.storage) {
                case (.array, .null): value[field] = [Any]()
                case (_, .null): continue
                case (.bool, .int64(let i)): value[field] = i != 0
                case (.int, .int64(let i)): value[field] = i
                case (.array, .string(let s)), (.object, .string(let s)):
                    value[field] = try JSONSerialization.jsonObject(with: Data(s.utf8))
                case (_, .string(let s)): value[field] = s
                case (_, .int64(let i)): value[field] = i
                default: continue
                }
            }
            let sectionPath: String = row["section_path"]
            let entity: [String: Any] = [
                "id": row["entity"] as Int, "kind": kindName, "text": row["text"] as String,
                "span": ["start": row["span_start"] as Int, "end": row["span_end"] as Int],
                "section": sectionPath.isEmpty ? [] : sectionPath.components(separatedBy: " > "),
                "value": value,
            ].merging((row["section"] as String?).map { ["sectionId": $0] } ?? [:]) { a, _ in a }
            return try JSONDecoder().decode(Entity.self, from: JSONSerialization.data(withJSONObject: entity))
        }
    }

    private static func diagnostics(_ db: Database, doc: Int64) throws -> [Diagnostic] {
        try Row.fetchAll(db, sql: "SELECT code, severity, message, span_start, span_end FROM diagnostics WHERE doc = ? ORDER BY seq", arguments: [doc]).map { row in
            let start: Int? = row["span_start"], end: Int? = row["span_end"]
            return Diagnostic(code: DiagnosticCode(rawValue: row["code"]), message: row["message"],
                              severity: Diagnostic.Severity(rawValue: row["severity"]) ?? .warning,
                              span: start.flatMap { s in end.map { TextSpan(start: s, end: max(s, $0)) } })
        }
    }
}
