import ArgumentParser
import Foundation
import Gongwen
import GongwenCorpus

/// `gongwen search corpus.sqlite 整改 落实`: paragraphs and headings where every term occurs.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search in a corpus database written by 'gongwen convert -o corpus.sqlite'.",
        discussion: """
        Every term must occur; Traditional and Simplified characters, and full and half width, find each
        other. Each hit prints the document, the heading path and a snippet with the matches in 【】 and
        their spans in the document's source text. --sql prints the same query as plain SQL for any
        SQLite client. See Sources/Gongwen/Gongwen.docc/Analytics.md.
        """
    )

    @Argument(help: "The corpus database.")
    var database: String

    @Argument(help: "Search terms (all must occur).")
    var terms: [String] = []

    @Option(help: "Most hits to print.")
    var limit = 20

    @Flag(name: .customLong("include-duplicates"), help: "Also search documents marked as duplicates of another.")
    var includeDuplicates = false

    @Flag(help: "Print the plain SQL form of the query instead of running it.")
    var sql = false

    @Flag(help: "Also scan every paragraph for the terms as substrings and print the index's recall and precision.")
    var compare = false

    mutating func run() throws {
        try CLIIO.run { try search() }
    }

    private func search() throws {
        let query = terms.joined(separator: " ")
        guard SearchGrams.matchExpression(query) != nil else {
            throw CommandFailure.usage("search", "give at least one term to search for")
        }
        if sql { print(CorpusSearch.sql(for: query)); return }
        let search: CorpusSearch
        do { search = try CorpusSearch(path: database) } catch {
            throw CommandFailure.usage("search", path: database, "\(error)")
        }
        let start = Date()
        let hits = try search.search(query, limit: limit, includeDuplicates: includeDuplicates)
        let seconds = Date().timeIntervalSince(start)
        for hit in hits {
            print("\(hit.path ?? hit.documentId)  \(hit.title ?? "")")
            if !hit.headingPath.isEmpty { print("  \(hit.headingPath)") }
            print("  \(hit.snippet)")
            print("  " + hit.matches.map { "[\($0.start), \($0.end))" }.joined(separator: " "))
        }
        FileHandle.standardError.write(Data(String(format: "gongwen search: %d hit%@ in %.1f ms\n", hits.count, hits.count == 1 ? "" : "s", seconds * 1000).utf8))
        if compare {
            let e = try search.evaluate(query)
            print(String(format: "index %d, substring scan %d (unfolded %d), both %d: recall %.3f, precision %.3f",
                         e.index, e.scan, e.rawScan, e.both, e.recall, e.precision))
        }
        if hits.isEmpty { throw ExitCode(1) }
    }
}
