import Foundation
import GRDB
import Gongwen

/// One paragraph (or heading, or layout field) that matches a query.
public struct SearchHit: Sendable, Hashable {
    public var paragraph: Int64
    public var documentId: String
    public var path: String?
    public var title: String?
    /// The enclosing sections' markers and headings, outermost first, joined with ` > `.
    public var headingPath: String
    /// `paragraph`, `heading` or `field`.
    public var kind: String
    public var text: String
    /// Where each match is in the document's decoded source (Unicode scalars, end exclusive).
    public var matches: [TextSpan]
    /// A piece of `text` around the first match with every match in 【】.
    public var snippet: String
}

/// Full-text search over a corpus database: the query becomes its bigram phrase
/// (`SearchGrams.matchExpression`), hits are mapped back to spans of the source text.
public struct CorpusSearch {
    let queue: DatabaseQueue

    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CorpusError("no such database: \(path)") }
        var config = Configuration()
        config.readonly = true
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    /// The plain SQL a person can run in any SQLite client for the same query.
    public static func sql(for query: String) -> String {
        let match = SearchGrams.matchExpression(query) ?? ""
        return """
            SELECT d.path, s.heading_path, p.text
            FROM paragraph_search f
            JOIN paragraphs p ON p.paragraph = f.rowid
            JOIN documents d ON d.doc = p.doc
            LEFT JOIN sections s ON s.doc = p.doc AND s.id = p.section
            WHERE paragraph_search MATCH '\(match.replacingOccurrences(of: "'", with: "''"))' AND d.duplicate_of IS NULL
            ORDER BY f.rank;
            """
    }

    /// Hits for `query` (space-separated terms, all required), best first.
    public func search(_ query: String, limit: Int = 20, includeDuplicates: Bool = false) throws -> [SearchHit] {
        guard let match = SearchGrams.matchExpression(query) else { return [] }
        let terms = SearchGrams.foldedTerms(query)
        return try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT p.paragraph, d.id, d.path, d.title, coalesce(s.heading_path, ''), p.kind, p.span_start, p.span_end, p.text,
                       substr(d.text, p.span_start + 1, p.span_end - p.span_start)
                FROM paragraph_search f
                JOIN paragraphs p ON p.paragraph = f.rowid
                JOIN documents d ON d.doc = p.doc
                LEFT JOIN sections s ON s.doc = p.doc AND s.id = p.section
                WHERE paragraph_search MATCH ? \(includeDuplicates ? "" : "AND d.duplicate_of IS NULL")
                ORDER BY f.rank
                """, arguments: [match])
            var hits: [SearchHit] = []
            while hits.count < limit, let row = try rows.next() {
                let text: String = row[8]
                let start: Int = row[6]
                let source: String? = row[9]
                let ranges = Self.matchRanges(of: terms, in: text)
                // The index ANDs the runs of a term; the term itself must occur.
                guard terms.allSatisfy({ t in Self.contains(SearchGrams.fold(text).scalars, t) }) else { continue }
                let align = Self.alignment(paragraph: text, source: source ?? "")
                let spans = ranges.map { r in TextSpan(start: start + align[r.lowerBound], end: start + align[r.upperBound - 1] + 1) }
                hits.append(SearchHit(paragraph: row[0], documentId: row[1], path: row[2], title: row[3], headingPath: row[4], kind: row[5],
                                      text: text, matches: spans, snippet: Self.snippet(text, ranges)))
            }
            return hits
        }
    }

    /// Where the folded terms occur in `text` (scalar offsets of `text`), in order.
    static func matchRanges(of terms: [[Unicode.Scalar]], in text: String) -> [Range<Int>] {
        let (folded, toText) = SearchGrams.fold(text)
        var out: [Range<Int>] = []
        for term in terms where !term.isEmpty && term.count <= folded.count {
            for i in 0...(folded.count - term.count) where folded[i] == term[0] && folded[i..<(i + term.count)].elementsEqual(term) {
                out.append(toText[i]..<toText[i + term.count])
            }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// For each scalar of a paragraph's text (line breaks removed), its offset in the source slice
    /// it came from; identity where they cannot be lined up (no source text stored).
    static func alignment(paragraph: String, source: String) -> [Int] {
        let p = Array(paragraph.unicodeScalars), s = Array(source.unicodeScalars)
        var out = [Int](), j = 0
        out.reserveCapacity(p.count + 1)
        for (i, c) in p.enumerated() {
            var k = j
            while k < s.count && s[k] != c { k += 1 }
            if k < s.count { out.append(k); j = k + 1 } else { out.append(i) }
        }
        out.append(out.last.map { $0 + 1 } ?? 0)
        return out
    }

    /// About 30 characters either side of the first match, matches in 【】.
    static func snippet(_ text: String, _ ranges: [Range<Int>]) -> String {
        let s = Array(text.unicodeScalars)
        guard let first = ranges.first else { return String(String.UnicodeScalarView(s.prefix(60))) }
        let from = max(0, first.lowerBound - 30), to = min(s.count, first.upperBound + 30)
        var out = String.UnicodeScalarView()
        if from > 0 { out.append("…") }
        var i = from
        for r in ranges where r.lowerBound >= i && r.upperBound <= to {
            out.append(contentsOf: s[i..<r.lowerBound])
            out.append("【"); out.append(contentsOf: s[r]); out.append("】")
            i = r.upperBound
        }
        out.append(contentsOf: s[i..<to])
        if to < s.count { out.append("…") }
        return String(out).replacingOccurrences(of: "\n", with: " ")
    }

    /// Recall and precision of the index for `query` against a scan of every paragraph for the
    /// folded terms as substrings (`folded`) and for the terms as typed (`raw`, no folding).
    public struct Evaluation: Sendable, Hashable {
        public var query: String
        public var index: Int
        public var scan: Int
        public var rawScan: Int
        public var both: Int
        public var recall: Double { scan == 0 ? 1 : Double(both) / Double(scan) }
        public var precision: Double { index == 0 ? 1 : Double(both) / Double(index) }
    }

    public func evaluate(_ query: String) throws -> Evaluation {
        let terms = SearchGrams.foldedTerms(query)
        let rawTerms = query.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        return try queue.read { db in
            let found = try Set(Int64.fetchAll(db, sql: "SELECT rowid FROM paragraph_search WHERE paragraph_search MATCH ?",
                                               arguments: [SearchGrams.matchExpression(query) ?? "\"\""]))
            var scan = Set<Int64>(), raw = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT paragraph, text FROM paragraphs")
            while let row = try rows.next() {
                let text: String = row[1]
                if rawTerms.allSatisfy({ text.contains($0) }) { raw += 1 }
                let folded = SearchGrams.fold(text).scalars
                if terms.allSatisfy({ Self.contains(folded, $0) }) { scan.insert(row[0]) }
            }
            return Evaluation(query: query, index: found.count, scan: scan.count, rawScan: raw, both: found.intersection(scan).count)
        }
    }

    static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if (1..<needle.count).allSatisfy({ haystack[i + $0] == needle[$0] }) { return true }
        }
        return false
    }
}

public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
