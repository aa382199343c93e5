import Gongwen

/// One entity value field as an `entities` column: named after the `gongwen/1` field, typed by
/// what the field holds. The columns come from the one field list (`EntityKind.valueFieldNames`
/// and the full samples' field values), so a new value field becomes a column by that one change.
public struct ValueColumn: Sendable, Hashable {
    /// The `gongwen/1` field name (`amountMax`).
    public var field: String
    /// The column (`amount_max`).
    public var column: String
    /// `INTEGER` (integers, booleans as 0/1) or `TEXT` (strings, decimal strings, ISO dates;
    /// objects and arrays as compact JSON).
    public var type: String
    /// Exact decimals in yuan also get an `INTEGER` column of fen (`amount_fen`), so that `SUM` is exact.
    public var fenColumn: String?
}

/// The database layout: tables, indexes, full-text index and views (Sources/Gongwen/Gongwen.docc/Analytics.md).
public enum CorpusSchema {
    /// Bumped when a table or view changes meaning; added columns keep it.
    public static let version = 1

    /// Columns whose names would clash with an entity's own columns or read badly in SQL.
    static let renamed: [String: String] = ["key": "title_key", "start": "start_date", "end": "end_date"]
    /// Decimal amounts of money: stored as the decimal string and as an integer of fen.
    static let fenFields: Set<String> = ["amount", "amountMax"]

    public static let valueColumns: [ValueColumn] = {
        var types: [String: String] = [:]
        for sample in EntityValue.fullSamples {
            for (name, value) in sample.fields where types[name] == nil {
                switch value {
                case .int, .bool: types[name] = "INTEGER"
                default: types[name] = "TEXT"
                }
            }
        }
        return EntityKind.valueFieldNames.map { name in
            let column = renamed[name] ?? snakeCase(name)
            return ValueColumn(field: name, column: column, type: types[name] ?? "TEXT",
                               fenColumn: fenFields.contains(name) ? column + "_fen" : nil)
        }
    }()

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    /// Every value column definition, fen columns right after their decimal column.
    static var valueColumnDefinitions: [(String, String)] {
        valueColumns.flatMap { c -> [(String, String)] in
            [(c.column, c.type)] + (c.fenColumn.map { [($0, "INTEGER")] } ?? [])
        }
    }

    static var tables: [String] {
        [
            """
            CREATE TABLE IF NOT EXISTS schema_version (
              version INTEGER NOT NULL, schema TEXT NOT NULL, gongwen_version TEXT NOT NULL, created TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS documents (
              doc INTEGER PRIMARY KEY,
              id TEXT NOT NULL,
              path TEXT, source_id TEXT,
              title TEXT, encoding TEXT, format TEXT, bytes INTEGER, sha256 TEXT NOT NULL,
              date TEXT, date_from TEXT, year INTEGER,
              issuer TEXT,
              gongwen_version TEXT NOT NULL,
              text_hash TEXT,
              duplicate_of INTEGER REFERENCES documents(doc),
              sections INTEGER NOT NULL, entities INTEGER NOT NULL, diagnostics INTEGER NOT NULL,
              text TEXT)
            """,
            """
            CREATE TABLE IF NOT EXISTS sections (
              doc INTEGER NOT NULL REFERENCES documents(doc),
              id TEXT NOT NULL,
              parent TEXT,
              level INTEGER NOT NULL, marker TEXT NOT NULL, style TEXT NOT NULL, ordinal INTEGER NOT NULL,
              heading TEXT NOT NULL,
              heading_path TEXT NOT NULL,
              span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
              heading_start INTEGER NOT NULL, heading_end INTEGER NOT NULL,
              PRIMARY KEY (doc, id),
              FOREIGN KEY (doc, parent) REFERENCES sections(doc, id)) WITHOUT ROWID
            """,
            """
            CREATE TABLE IF NOT EXISTS paragraphs (
              paragraph INTEGER PRIMARY KEY,
              doc INTEGER NOT NULL REFERENCES documents(doc),
              section TEXT,
              kind TEXT NOT NULL,
              role TEXT,
              span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
              text TEXT NOT NULL,
              FOREIGN KEY (doc, section) REFERENCES sections(doc, id))
            """,
            """
            CREATE TABLE IF NOT EXISTS entities (
              doc INTEGER NOT NULL REFERENCES documents(doc),
              entity INTEGER NOT NULL,
              section TEXT,
              section_path TEXT NOT NULL,
              kind TEXT NOT NULL, text TEXT NOT NULL,
              span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
            \(valueColumnDefinitions.map { "  \($0.0) \($0.1)" }.joined(separator: ",\n")),
              PRIMARY KEY (doc, entity),
              FOREIGN KEY (doc, section) REFERENCES sections(doc, id))
            """,
            """
            CREATE TABLE IF NOT EXISTS diagnostics (
              doc INTEGER NOT NULL REFERENCES documents(doc),
              seq INTEGER NOT NULL,
              code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
              span_start INTEGER, span_end INTEGER,
              PRIMARY KEY (doc, seq))
            """,
            """
            CREATE TABLE IF NOT EXISTS errors (
              error INTEGER PRIMARY KEY,
              path TEXT, source_id TEXT, encoding TEXT, format TEXT, bytes INTEGER, sha256 TEXT NOT NULL,
              code TEXT NOT NULL, message TEXT NOT NULL, gongwen_version TEXT NOT NULL)
            """,
            // The shadow column of overlapping CJK bigrams (`grams`) and single characters (`chars`),
            // folded to Simplified and half width, under the standard `unicode61` tokenizer so that any
            // SQLite reads it. Contentless: rowid = paragraphs.paragraph, the text is in `paragraphs`.
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_search USING fts5(
              grams, chars, content = '', tokenize = 'unicode61 remove_diacritics 0')
            """,
        ]
    }

    static let indexes = [
        "CREATE INDEX IF NOT EXISTS documents_id ON documents(id)",
        "CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256)",
        "CREATE INDEX IF NOT EXISTS documents_text_hash ON documents(text_hash)",
        "CREATE INDEX IF NOT EXISTS documents_path ON documents(path)",
        "CREATE INDEX IF NOT EXISTS documents_issuer_year ON documents(issuer, year)",
        "CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of)",
        "CREATE INDEX IF NOT EXISTS sections_style ON sections(style, doc)",
        "CREATE INDEX IF NOT EXISTS paragraphs_doc ON paragraphs(doc, section)",
        "CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind, doc)",
        "CREATE INDEX IF NOT EXISTS entities_section ON entities(doc, section)",
        "CREATE INDEX IF NOT EXISTS entities_title_key ON entities(title_key) WHERE title_key IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics(code)",
        "CREATE INDEX IF NOT EXISTS errors_sha256 ON errors(sha256)",
        "CREATE INDEX IF NOT EXISTS errors_code ON errors(code)",
    ]

    /// `yuan(fen)`: an exact decimal string of yuan from an integer of fen, in plain SQL.
    static func yuan(_ fen: String) -> String {
        "(CASE WHEN \(fen) IS NULL THEN NULL WHEN \(fen) % 100 = 0 THEN printf('%d', \(fen) / 100) "
            + "ELSE rtrim(printf('%d.%02d', \(fen) / 100, \(fen) % 100), '0') END)"
    }

    /// The views answer the brief's questions; duplicates (`duplicate_of`) are left out of every count.
    static var views: [String] {
        [
            """
            CREATE VIEW IF NOT EXISTS unique_documents AS
              SELECT * FROM documents WHERE duplicate_of IS NULL
            """,
            """
            CREATE VIEW IF NOT EXISTS inputs AS
              SELECT path, source_id, sha256, bytes, format, NULL AS error_code FROM documents
              UNION ALL SELECT path, source_id, sha256, bytes, format, code FROM errors
            """,
            """
            CREATE VIEW IF NOT EXISTS title_citations AS
              SELECT e.title_key, e.title, e.category, d.doc, d.id AS document_id, d.path, d.title AS document_title,
                     e.section_path, e.span_start, e.span_end
              FROM entities e JOIN unique_documents d ON d.doc = e.doc
              WHERE e.kind = 'title'
            """,
            """
            CREATE VIEW IF NOT EXISTS cited_titles AS
              SELECT title_key, min(title) AS title, min(category) AS category,
                     count(*) AS citations, count(DISTINCT doc) AS documents,
                     group_concat(DISTINCT document_id) AS citing_documents
              FROM title_citations GROUP BY title_key
            """,
            """
            CREATE VIEW IF NOT EXISTS money AS
              SELECT e.doc, d.id AS document_id, d.path, d.title AS document_title, d.issuer, d.year,
                     e.entity, e.text, e.amount, e.amount_fen, e.amount_max, e.currency, e.approximate, e.per, e.section_path
              FROM entities e JOIN unique_documents d ON d.doc = e.doc
              WHERE e.kind = 'money'
            """,
            """
            CREATE VIEW IF NOT EXISTS money_by_document AS
              SELECT doc, document_id, path, document_title, issuer, year, currency,
                     count(*) AS amounts, sum(amount_fen) AS total_fen, \(yuan("sum(amount_fen)")) AS total
              FROM money WHERE per IS NULL GROUP BY doc, currency
            """,
            """
            CREATE VIEW IF NOT EXISTS money_by_issuer_year AS
              SELECT issuer, year, currency, count(DISTINCT doc) AS documents, count(*) AS amounts,
                     sum(amount_fen) AS total_fen, \(yuan("sum(amount_fen)")) AS total
              FROM money WHERE per IS NULL GROUP BY issuer, year, currency
            """,
            """
            CREATE VIEW IF NOT EXISTS money_rates AS
              SELECT doc, document_id, path, document_title, issuer, year, text, amount, amount_fen, currency, per, section_path
              FROM money WHERE per IS NOT NULL
            """,
            """
            CREATE VIEW IF NOT EXISTS attendance AS
              SELECT e.doc, d.id AS document_id, d.path, d.title AS document_title, d.date, d.issuer,
                     count(*) AS counts, max(e.count) AS largest, sum(e.count) AS total,
                     max(e.approximate) AS approximate, group_concat(e.text, '; ') AS texts
              FROM entities e JOIN unique_documents d ON d.doc = e.doc
              WHERE e.kind = 'personCount' AND e.role = 'attendance'
              GROUP BY e.doc
            """,
            """
            CREATE VIEW IF NOT EXISTS inspection_measures AS
              SELECT p.doc, p.id AS problem_id, p.ordinal AS problem, p.heading AS problem_heading,
                     m.id AS measure_id, m.marker, m.ordinal AS measure, m.heading AS measure_heading, m.span_start, m.span_end
              FROM sections p JOIN unique_documents d ON d.doc = p.doc
              JOIN sections m ON m.doc = p.doc AND m.id LIKE p.id || '.%' AND m.style = 'parenthesizedArabicNumeral'
              WHERE p.style = 'problem'
            """,
            """
            CREATE VIEW IF NOT EXISTS inspection_problems AS
              SELECT p.doc, d.id AS document_id, d.path, d.title AS document_title, p.id AS problem_id, p.marker,
                     p.ordinal AS problem, p.heading, p.heading_path,
                     (SELECT count(*) FROM inspection_measures m WHERE m.doc = p.doc AND m.problem_id = p.id) AS measures
              FROM sections p JOIN unique_documents d ON d.doc = p.doc
              WHERE p.style = 'problem'
            """,
        ]
    }

    /// Every statement that creates the database, in order.
    static var statements: [String] { tables + indexes + views }
}
