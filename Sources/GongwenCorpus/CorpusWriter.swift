import Foundation
import GRDB
import Gongwen
import GongwenFormats

/// `gongwen convert … -o corpus.sqlite`: the records of a batch as one SQLite database
/// (Sources/Gongwen/Gongwen.docc/Analytics.md). Records arrive in input order on one thread; they are written in a
/// transaction per batch (every `batchSize` records, or at the first pause after a second), so an
/// interrupted run leaves a valid database holding every batch committed so far.
public final class CorpusWriter: BatchRecordWriter {
    public enum Mode: Sendable, Equatable {
        /// A new database, written as `<path>.partial` and renamed when complete.
        case create
        /// Continue an interrupted `create` (`--resume`): keep what `<path>.partial` (or `<path>`) holds.
        case resume
        /// Add to a finished database in place (`--append`); an input whose sha256 is already there is skipped.
        case append
    }

    public let path: String
    /// The file being written (`<path>.partial` unless appending).
    public let workingPath: String
    public let mode: Mode
    public var batchSize = 256
    /// Records skipped by `--append` because their sha256 was already in the database.
    public private(set) var skippedBySHA = 0

    private let queue: DatabaseQueue
    private var pending: [[UInt8]] = []
    private var lastCommit = Date()
    private var bySHA: [String: Int64] = [:]
    private var byTextHash: [String: Int64] = [:]
    private var knownSHA: Set<String> = []

    public static func partialPath(for path: String) -> String { path + ".partial" }

    /// Does this output path name a database (`.sqlite`, `.sqlite3`, `.db`)?
    public static func isDatabasePath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".sqlite", ".sqlite3", ".db"].contains { lower.hasSuffix($0) }
    }

    public init(path: String, mode: Mode = .create) throws {
        self.path = path
        self.mode = mode
        let fm = FileManager.default
        let partial = Self.partialPath(for: path)
        switch mode {
        case .create:
            for p in [partial, partial + "-wal", partial + "-shm", partial + "-journal"] where fm.fileExists(atPath: p) { try fm.removeItem(atPath: p) }
            workingPath = partial
        case .resume:
            if !fm.fileExists(atPath: partial), fm.fileExists(atPath: path) { try fm.moveItem(atPath: path, toPath: partial) }
            workingPath = partial
        case .append:
            workingPath = path
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        }
        do { queue = try DatabaseQueue(path: workingPath, configuration: config) } catch {
            throw BatchUsageError("cannot open \(workingPath): \(error)")
        }
        try queue.write { db in try Self.create(db) }
        try loadIndex()
    }

    /// Creates (or completes, for a database written by an earlier version) the tables, indexes and views.
    static func create(_ db: Database) throws {
        let existed = try db.tableExists("documents")
        for statement in CorpusSchema.tables { try db.execute(sql: statement) }
        if existed {
            // A value field added since: its column is added, nothing else changes.
            let have = Set(try db.columns(in: "entities").map(\.name))
            for (column, type) in CorpusSchema.valueColumnDefinitions where !have.contains(column) {
                try db.execute(sql: "ALTER TABLE entities ADD COLUMN \(column) \(type)")
            }
        }
        for statement in CorpusSchema.indexes + CorpusSchema.views { try db.execute(sql: statement) }
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM schema_version") == 0 {
            try db.execute(sql: "INSERT INTO schema_version VALUES (?, ?, ?, ?)",
                           arguments: [CorpusSchema.version, Document.schema, GongwenVersion.current, ISO8601DateFormatter().string(from: Date())])
        }
    }

    private func loadIndex() throws {
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT doc, sha256, text_hash FROM documents WHERE duplicate_of IS NULL")
            while let row = try rows.next() {
                let doc: Int64 = row[0]
                bySHA[row[1]] = doc
                if let h: String = row[2] { byTextHash[h] = doc }
            }
            if mode == .append {
                knownSHA = Set(try String.fetchAll(db, sql: "SELECT sha256 FROM documents UNION SELECT sha256 FROM errors WHERE sha256 <> ''"))
            }
        }
    }

    /// What the database already holds: for `--resume` and `--append`, inputs not to convert again.
    public func priorRecords() throws -> [BatchPriorRecord] {
        guard mode != .create else { return [] }
        return try queue.read { db in
            var out: [BatchPriorRecord] = []
            for row in try Row.fetchAll(db, sql: "SELECT path, source_id, sha256 FROM documents") {
                out.append(BatchPriorRecord(path: row[0], id: row[1], sha256: row[2], errorCode: nil))
            }
            for row in try Row.fetchAll(db, sql: "SELECT path, source_id, sha256, code FROM errors") {
                out.append(BatchPriorRecord(path: row[0], id: row[1], sha256: row[2], errorCode: row[3]))
            }
            return out
        }
    }

    // MARK: BatchRecordWriter

    public func write(line: [UInt8], errorCode: String?) throws {
        pending.append(line)
        if pending.count >= batchSize { try commit() }
    }

    public func flush() throws {
        if !pending.isEmpty && Date().timeIntervalSince(lastCommit) > 1 { try commit() }
    }

    public func finish() throws {
        try commit()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO paragraph_search(paragraph_search) VALUES ('optimize')")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
        if workingPath != path {
            let fm = FileManager.default
            if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            try fm.moveItem(atPath: workingPath, toPath: path)
        }
    }

    /// Writes the pending records in one transaction. Decoding and the rows' text work (folding,
    /// bigrams, value fields) run on all cores; the inserts run in order on this thread.
    public func commit() throws {
        guard !pending.isEmpty else { return }
        let lines = pending
        pending.removeAll(keepingCapacity: true)
        let prepared = Self.prepareAll(lines)
        try queue.write { db in
            let inserter = try RowInserter(db)
            for p in prepared {
                guard let record = p.record else {
                    throw BatchUsageError("a record could not be read back for the database: \(p.failure.map { "\($0)" } ?? "?")")
                }
                if mode == .append {
                    let sha: String
                    switch record {
                    case .document(let d): sha = d.source.sha256
                    case .error(let e): sha = e.source.sha256
                    }
                    if !sha.isEmpty && knownSHA.contains(sha) { skippedBySHA += 1; continue }
                    if !sha.isEmpty { knownSHA.insert(sha) }
                }
                switch record {
                case .document(let d): try insert(d, p, inserter)
                case .error(let e): try inserter.error(e)
                }
            }
        }
        lastCommit = Date()
    }

    static func prepareAll(_ lines: [[UInt8]]) -> [PreparedRecord] {
        let out = UnsafeMutableBufferPointer<PreparedRecord>.allocate(capacity: lines.count)
        nonisolated(unsafe) let buffer = out
        DispatchQueue.concurrentPerform(iterations: lines.count) { i in
            (buffer.baseAddress! + i).initialize(to: PreparedRecord(line: lines[i]))
        }
        let result = Array(out)
        out.deinitialize()
        out.deallocate()
        return result
    }

    private func insert(_ d: Document, _ p: PreparedRecord, _ ins: RowInserter) throws {
        let textHash = p.textHash
        let duplicate = bySHA[d.source.sha256] ?? textHash.flatMap { byTextHash[$0] }
        let doc = try ins.document(d, textHash: textHash, duplicateOf: duplicate)
        if duplicate == nil {
            bySHA[d.source.sha256] = doc
            if let textHash { byTextHash[textHash] = doc }
        }
        try ins.nodes(d, doc: doc, columns: p.columns)
        try ins.entities(doc: doc, rows: p.entityRows)
        try ins.diagnostics(d, doc: doc)
    }

    /// SHA-256 of the document's own text (boilerplate and page chrome left out), folded to one
    /// script and width, with white space and punctuation removed: the same notice scraped from two
    /// sites has the same hash. Nil when nothing is left.
    static func textHash(_ d: Document) -> String? {
        var parts: [String] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .section(let s): parts.append(s.marker.text + s.heading); walk(s.children)
                case .paragraph(let p): parts.append(p.text)
                case .field(let f): parts.append(f.text)
                case .boilerplate: break
                }
            }
        }
        walk(d.children)
        let folded = SearchGrams.fold(parts.joined()).scalars.filter(SearchGrams.isWord)
        guard !folded.isEmpty else { return nil }
        return SHA256.hex(of: Array(String(String.UnicodeScalarView(folded)).utf8))
    }
}

/// The prepared statements of one transaction.
struct RowInserter {
    let db: Database
    let documentStatement, sectionStatement, paragraphStatement, searchStatement, entityStatement, diagnosticStatement, errorStatement: Statement

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    static let entityColumns = ["doc", "entity", "section", "section_path", "kind", "text", "span_start", "span_end"]
        + CorpusSchema.valueColumnDefinitions.map(\.0)

    init(_ db: Database) throws {
        self.db = db
        documentStatement = try db.cachedStatement(sql: """
            INSERT INTO documents (id, path, source_id, title, encoding, format, bytes, sha256, date, date_from, year, issuer,
              gongwen_version, text_hash, duplicate_of, sections, entities, diagnostics, text)
            VALUES (\(Self.placeholders(19)))
            """)
        sectionStatement = try db.cachedStatement(sql: "INSERT INTO sections VALUES (\(Self.placeholders(13)))")
        paragraphStatement = try db.cachedStatement(sql: "INSERT INTO paragraphs (doc, section, kind, role, span_start, span_end, text) VALUES (\(Self.placeholders(7)))")
        searchStatement = try db.cachedStatement(sql: "INSERT INTO paragraph_search (rowid, grams, chars) VALUES (?, ?, ?)")
        entityStatement = try db.cachedStatement(sql: "INSERT INTO entities (\(Self.entityColumns.joined(separator: ", "))) VALUES (\(Self.placeholders(Self.entityColumns.count)))")
        diagnosticStatement = try db.cachedStatement(sql: "INSERT INTO diagnostics VALUES (\(Self.placeholders(7)))")
        errorStatement = try db.cachedStatement(sql: """
            INSERT INTO errors (path, source_id, encoding, format, bytes, sha256, code, message, gongwen_version) VALUES (\(Self.placeholders(9)))
            """)
    }

    func document(_ d: Document, textHash: String?, duplicateOf: Int64?) throws -> Int64 {
        let s = d.source
        var sections = 0
        d.walk { node, _ in if case .section = node { sections += 1 }; return true }
        let values: [(any DatabaseValueConvertible)?] = [
            d.id, s.path, s.id, d.title, s.encoding, s.format.rawValue, s.bytes, s.sha256,
            d.date.map { $0.date.description }, d.date?.from.rawValue, d.date?.date.year, d.issuer,
            d.gongwenVersion, textHash, duplicateOf, sections, d.entities.count, d.diagnostics.count,
            d.text.isEmpty ? nil : d.text,
        ]
        try documentStatement.execute(arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }

    func nodes(_ d: Document, doc: Int64, columns: [(String, String)]) throws {
        var next = 0
        func paragraph(_ section: String?, _ kind: String, _ role: String?, _ span: TextSpan, _ text: String) throws {
            try paragraphStatement.execute(arguments: [doc, section, kind, role, span.start, span.end, text])
            let (grams, chars) = columns[next]
            next += 1
            try searchStatement.execute(arguments: [db.lastInsertedRowID, grams, chars])
        }
        func walk(_ nodes: [Node], parent: Section?, path: [String]) throws {
            for node in nodes {
                switch node {
                case .section(let s):
                    let here = path + [s.marker.text + s.heading]
                    let m = s.marker
                    try sectionStatement.execute(arguments: [
                        doc, s.id, parent?.id, s.level, m.text, m.style.rawValue, m.ordinal, s.heading, here.joined(separator: " > "),
                        s.span.start, s.span.end, s.headingSpan.start, s.headingSpan.end,
                    ])
                    try paragraph(s.id, "heading", nil, s.headingSpan, m.text + s.heading)
                    try walk(s.children, parent: s, path: here)
                case .paragraph(let p):
                    try paragraph(parent?.id, "paragraph", nil, p.textSpan, p.text)
                case .field(let f):
                    try paragraph(parent?.id, "field", f.role.rawValue, f.textSpan, f.text)
                case .boilerplate:
                    break
                }
            }
        }
        try walk(d.children, parent: nil, path: [])
    }

    func entities(doc: Int64, rows: [[(any DatabaseValueConvertible)?]]) throws {
        for row in rows {
            try entityStatement.execute(arguments: StatementArguments([doc] + row))
        }
    }

    func diagnostics(_ d: Document, doc: Int64) throws {
        for (i, g) in d.diagnostics.enumerated() {
            try diagnosticStatement.execute(arguments: [doc, i, g.code.rawValue, g.severity.rawValue, g.message, g.span?.start, g.span?.end])
        }
    }

    func error(_ e: ErrorRecord) throws {
        let s = e.source
        try errorStatement.execute(arguments: [s.path, s.id, s.encoding, s.format.rawValue, s.bytes, s.sha256, e.code.rawValue, e.message, e.gongwenVersion])
    }

    /// The generic mapping from a value field to a column value.
    static func databaseValue(_ v: FieldValue) -> (any DatabaseValueConvertible)? {
        switch v {
        case .string(let s): return s
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .null: return nil
        case .array(let a) where a.isEmpty: return nil
        default: return v.cellText
        }
    }

    /// A decimal string of yuan as an integer of fen, when it is a whole number of fen that fits.
    static func fen(_ v: FieldValue) -> Int64? {
        guard case .string(let s) = v, let d = ExactDecimal(s) else { return nil }
        var significand = d.significand, scale = d.scale
        while scale > 2 {
            guard significand % 10 == 0 else { return nil }
            significand /= 10
            scale -= 1
        }
        while scale < 2 {
            let (m, overflow) = significand.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            significand = m
            scale += 1
        }
        return significand <= UInt128(Int64.max) ? Int64(significand) : nil
    }
}

/// One record decoded and its text work done, off the writer thread: the search columns of every
/// indexed row in tree order, the entity rows (without `doc`), the text hash.
struct PreparedRecord: @unchecked Sendable {
    var record: GongwenRecord?
    var failure: Error?
    var textHash: String?
    var columns: [(String, String)] = []
    var entityRows: [[(any DatabaseValueConvertible)?]] = []

    init(line: [UInt8]) {
        do { record = try GongwenJSON.decode(line) } catch {
            failure = error
            return
        }
        guard case .document(let d) = record else { return }
        textHash = CorpusWriter.textHash(d)
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .section(let s):
                    columns.append(SearchGrams.columns(s.marker.text + s.heading))
                    walk(s.children)
                case .paragraph(let p): columns.append(SearchGrams.columns(p.text))
                case .field(let f): columns.append(SearchGrams.columns(f.text))
                case .boilerplate: break
                }
            }
        }
        walk(d.children)
        var sectionIds = Set<String>()
        d.walk { node, _ in if case .section(let s) = node { sectionIds.insert(s.id) }; return true }
        for e in d.entities {
            let byName = Dictionary(e.value.fields, uniquingKeysWith: { a, _ in a })
            var values: [(any DatabaseValueConvertible)?] = [
                e.id, e.sectionId.flatMap { sectionIds.contains($0) ? $0 : nil }, e.sectionPath.joined(separator: EntityExport.sectionSeparator),
                e.kind.rawValue, e.text, e.span.start, e.span.end,
            ]
            for c in CorpusSchema.valueColumns {
                let v = byName[c.field]
                values.append(v.flatMap(RowInserter.databaseValue))
                if c.fenColumn != nil { values.append(v.flatMap(RowInserter.fen)) }
            }
            entityRows.append(values)
        }
    }
}
