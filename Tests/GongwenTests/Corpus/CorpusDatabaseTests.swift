import Foundation
import GRDB
import Testing
@testable import Gongwen
@testable import GongwenCorpus
@testable import GongwenFormats

/// The seeds plus inputs that exercise the database: a byte-for-byte copy, the same notice in
/// another encoding, a Traditional-script notice, and two inputs that become error records.
struct CorpusFixture {
    let fx: BatchFixture
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init(_ name: String = #function) throws {
        fx = try BatchFixture(name)
        for seed in SeedCorpus.names {
            try fx.write("corpus/seeds/\(seed).txt", [UInt8](try Data(contentsOf: Self.root.appendingPathComponent("Corpus/seeds/\(seed).txt"))))
        }
        try fx.write("corpus/copy/001.txt", try fx.read("corpus/seeds/\(SeedCorpus.names[1]).txt"))
        try fx.write("corpus/notice-utf8.txt", Array(BatchFixture.notice.utf8))
        try fx.write("corpus/notice-gbk.txt", BatchFixture.gb18030(BatchFixture.notice))
        try fx.write("corpus/traditional.txt", BatchFixture.big5(BatchFixture.traditional))
        try fx.write("corpus/empty.txt", [])
        try fx.write("corpus/scan.pdf", Array("%PDF-1.4 binary".utf8))
    }

    static let inputs = 5 + 6
    static let errors = 2

    var input: String { fx.path("corpus") }
    var database: String { fx.path("corpus.sqlite") }

    func convert(mode: CorpusWriter.Mode = .create, inputs: [String]? = nil) throws -> (BatchSummary, CorpusWriter) {
        let writer = try CorpusWriter(path: database, mode: mode)
        let summary = try BatchConverter(options: BatchOptions(jobs: 2)).run(inputs: inputs ?? [input], writer: writer,
                                                                            excluding: [database], prior: try writer.priorRecords())
        return (summary, writer)
    }

    func open() throws -> DatabaseQueue { try DatabaseQueue(path: database) }
}

@Suite("Corpus database") struct CorpusDatabaseTests {
    @Test func rowsAccountForEveryInput() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        let (summary, _) = try c.convert()
        #expect(summary.inputs == CorpusFixture.inputs)
        #expect(!FileManager.default.fileExists(atPath: CorpusWriter.partialPath(for: c.database)))
        try c.open().read { (db: Database) throws in
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents")!
            let errors = try Int.fetchOne(db, sql: "SELECT count(*) FROM errors")!
            #expect(documents + errors == summary.inputs)
            #expect(errors == CorpusFixture.errors)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM inputs") == summary.inputs)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int.fetchOne(db, sql: "SELECT version FROM schema_version") == CorpusSchema.version)
            // Every section, paragraph and entity of every document is a row.
            #expect(try Int.fetchOne(db, sql: "SELECT sum(entities) FROM documents") == Int.fetchOne(db, sql: "SELECT count(*) FROM entities"))
            #expect(try Int.fetchOne(db, sql: "SELECT sum(sections) FROM documents") == Int.fetchOne(db, sql: "SELECT count(*) FROM sections"))
            #expect(try Int.fetchOne(db, sql: "SELECT sum(diagnostics) FROM documents") == Int.fetchOne(db, sql: "SELECT count(*) FROM diagnostics"))
            // Entity text is the source text at the span (offsets in Unicode scalars).
            let mismatched = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM entities e JOIN documents d ON d.doc = e.doc
                WHERE substr(d.text, e.span_start + 1, e.span_end - e.span_start) <> e.text
                """)
            #expect(mismatched == 0)
        }
    }

    @Test func amountsSumExactly() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        _ = try c.convert()
        let converter = BatchConverter(options: BatchOptions(jobs: 1))
        try c.open().read { (db: Database) throws in
            for row in try Row.fetchAll(db, sql: "SELECT path, total FROM money_by_document WHERE currency = 'CNY'") {
                let path: String = row[0]
                guard case .document(let d) = converter.convert(file: path) else { Issue.record("\(path) did not parse"); continue }
                var want = Decimal(0)
                for e in d.entities {
                    if case .money(let m) = e.value, m.per == nil { want += Decimal(string: m.amount.description)! }
                }
                let got: String = row[1]
                #expect(Decimal(string: got) == want, "\(path): \(got)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM money_by_document") ?? 0 > 0)
            // Rates stay out of totals.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM money_rates") ?? 0 > 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM entities WHERE kind = 'money' AND amount_fen IS NULL") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT amount_fen FROM entities WHERE text = '548.74万元' LIMIT 1") == 548_740_000)
            // Every date kind has first and last day.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM entities WHERE kind IN ('date', 'dateRange') AND (first_day IS NULL OR last_day IS NULL)") == 0)
        }
    }

    @Test func duplicatesAreMarked() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        _ = try c.convert()
        try c.open().read { (db: Database) throws in
            let marked = try String.fetchAll(db, sql: "SELECT path FROM documents WHERE duplicate_of IS NOT NULL ORDER BY path")
            #expect(marked.map { ($0 as NSString).lastPathComponent }.sorted() == ["001.txt", "notice-utf8.txt"].sorted() || marked.count == 2, "\(marked)")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents d JOIN documents o ON o.doc = d.duplicate_of WHERE o.duplicate_of IS NOT NULL") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM unique_documents") == CorpusFixture.inputs - CorpusFixture.errors - 2)
        }
    }

    @Test func viewsAnswerTheQuestions() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        _ = try c.convert()
        try c.open().read { (db: Database) throws in
            for view in ["cited_titles", "title_citations", "money_by_document", "money_by_issuer_year", "money_rates", "attendance",
                         "inspection_problems", "inspection_measures"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(view)") ?? 0 > 0, "\(view) is empty")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM inspection_problems WHERE measures > 0") ?? 0 > 0)
        }
    }

    @Test func fullTextSearchFindsTwoAndOneCharacterQueries() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        _ = try c.convert()
        let search = try CorpusSearch(path: c.database)
        for query in ["整改", "巡", "整改 落实", "专利权质押", "2020年"] {
            let hits = try search.search(query, limit: 50)
            #expect(!hits.isEmpty, "\(query)")
            let e = try search.evaluate(query)
            #expect(e.recall == 1 && e.precision == 1, "\(query): \(e)")
        }
        // A match's span is the source text of the match.
        try c.open().read { (db: Database) throws in
            for hit in try search.search("整改", limit: 10) {
                for span in hit.matches {
                    let text = try String.fetchOne(db, sql: "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                                   arguments: [span.start + 1, span.end - span.start, hit.documentId])
                    #expect(text == "整改")
                }
                #expect(hit.snippet.contains("【整改】"))
            }
            // The plain SQL form: a two-character word is one token of the shadow column.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM paragraph_search WHERE paragraph_search MATCH '整改'") ?? 0 > 0)
        }
    }

    @Test func eitherScriptFindsBoth() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        _ = try c.convert()
        let search = try CorpusSearch(path: c.database)
        let simplifiedQuery = try search.search("申报范围")
        #expect(simplifiedQuery.contains { $0.path?.hasSuffix("traditional.txt") == true })
        #expect(simplifiedQuery.contains { $0.path?.hasSuffix("notice-gbk.txt") == true })
        let traditionalQuery = try search.search("申報範圍")
        #expect(Set(traditionalQuery.map(\.path)) == Set(simplifiedQuery.map(\.path)))
        // Full-width and half-width letters and digits fold too.
        #expect(try search.search("２０２０").count == search.search("2020").count)
    }

    @Test func resumeAfterInterruptionAndAppend() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        // An interrupted run: two batches committed, then the process is gone (no finish).
        do {
            let writer = try CorpusWriter(path: c.database, mode: .create)
            writer.batchSize = 2
            let lines = try BatchConverter(options: BatchOptions(jobs: 1)).run(inputs: [c.fx.path("corpus/seeds")], output: .jsonl(c.fx.path("part.jsonl")))
            #expect(lines.inputs == 5)
            let jsonl = try c.fx.read("part.jsonl").split(separator: 10).prefix(5)
            for line in jsonl { try writer.write(line: Array(line), errorCode: nil) }
            // 4 committed, 1 pending when "killed".
        }
        #expect(FileManager.default.fileExists(atPath: CorpusWriter.partialPath(for: c.database)))
        try DatabaseQueue(path: CorpusWriter.partialPath(for: c.database)).read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 4)
        }
        let (resumed, _) = try c.convert(mode: .resume)
        #expect(resumed.inputs == CorpusFixture.inputs)
        #expect(resumed.resumed == 4)
        try c.open().read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM inputs") == CorpusFixture.inputs)
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT path) FROM inputs") == CorpusFixture.inputs)
        }
        // --append: a new input is added; the same bytes under a new name, and what is there, are skipped.
        try c.fx.write("more/new.txt", Array("关于召开整改工作会议的通知\n一、会议时间\n2021年3月1日上午，共20人参加。\n".utf8))
        try c.fx.write("more/same-bytes.txt", try c.fx.read("corpus/seeds/\(SeedCorpus.names[0]).txt"))
        let (appended, writer) = try c.convert(mode: .append, inputs: [c.input, c.fx.path("more")])
        #expect(writer.skippedBySHA == 1)
        #expect(appended.resumed == CorpusFixture.inputs)
        try c.open().read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM inputs") == CorpusFixture.inputs + 1)
        }
    }

    @Test func valueColumnsComeFromTheFieldList() {
        let columns = CorpusSchema.valueColumns.map(\.field)
        #expect(columns == EntityKind.valueFieldNames)
        let names = Set(CorpusSchema.valueColumnDefinitions.map(\.0))
        for want in ["amount", "amount_fen", "currency", "per", "count", "role", "first_day", "last_day", "precision", "title_key", "category", "issuer", "year", "serial"] {
            #expect(names.contains(want), "\(want)")
        }
    }

    @Test func bigramColumns() {
        let (grams, chars) = SearchGrams.columns("巡察整改，2020年")
        #expect(grams == "巡察 察整 整改 2020 年")
        #expect(chars == "巡 察 整 改 年")
        #expect(SearchGrams.matchExpression("整改 巡") == #"grams : "整改" AND chars : "巡""#)
        #expect(SearchGrams.matchExpression("申報") == #"grams : "申报""#)
        #expect(SearchGrams.matchExpression("2020年度") == #"grams : "2020" AND grams : "年度""#)
        // GB 2312 characters stay: ICU would fold 察 to 查.
        #expect(SearchGrams.columns("巡察").grams == "巡察")
    }
}
