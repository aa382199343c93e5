import ArgumentParser
import Foundation
import Gongwen
import GongwenCorpus
import GongwenView

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML overview of a converted corpus (gongwen convert's JSON Lines).",
        discussion: """
        Documents and error records by code, entities by kind, the most cited titles with the \
        documents citing them, money per document and per year (rates such as 元/人 apart from \
        totals), a timeline of dated events, attendance per meeting document and numbering \
        diagnostics per document: each chart drawn as inline SVG with its numbers in a table.

        Examples:
          gongwen convert Corpus/seeds -o corpus.jsonl
          gongwen report corpus.jsonl -o report/index.html --views report/views
        """
    )

    @Argument(help: "A JSON Lines file or a corpus.sqlite written by 'gongwen convert'.")
    var corpus: String

    @Option(name: [.short, .customLong("output")], help: "Write the report here (default: standard output).")
    var output: String?

    @Option(help: ArgumentHelp("Also write each document's view page into this folder and link them from the report.", valueName: "dir"))
    var views: String?

    @Option(help: "How many rows the ranked tables and charts show.")
    var top = 20

    func run() throws {
        try CLIIO.run { try report() }
    }

    private func report() throws {
        let isDatabase = corpus.hasSuffix(".sqlite") || corpus.hasSuffix(".db")
        let outputDir = URL(fileURLWithPath: output ?? ".").deletingLastPathComponent()
        var summary = CorpusSummary()
        do {
            let source: any CorpusSource = isDatabase ? try SQLiteCorpusSource(path: corpus) : JSONLinesCorpus(path: corpus)
            try source.forEach { record, document in
                var link: String?
                if let views, let doc = document, !doc.text.isEmpty {
                    let page = URL(fileURLWithPath: views).appendingPathComponent(ReportLinks.viewFileName(doc))
                    try writePage(DocumentPage.render(doc), to: page.path, command: "report")
                    link = ReportLinks.relative(from: outputDir, to: page)
                }
                summary.add(record, viewLink: link)
            }
        } catch let e as CorpusReadError {
            throw CommandFailure("report", path: corpus, e.description)
        } catch let e as CorpusError {
            throw CommandFailure("report", path: corpus, e.description)
        }
        try writePage(ReportPage.render(summary, top: top, title: "Corpus report: " + corpus), to: output, command: "report")
    }
}

/// `corpus.sqlite` as a report source: documents (duplicates left out, as in the database's
/// views), their entities and diagnostics, and error records. The database keeps the text but not
/// the node tree, so a view page (`--views`) is the stored text parsed again.
struct SQLiteCorpusSource: CorpusSource {
    let reader: CorpusReader

    init(path: String) throws { reader = try CorpusReader(path: path) }

    func forEach(_ body: (ReportRecord, Document?) throws -> Void) throws {
        try reader.forEach { stored in
            switch stored {
            case .error(let e):
                try body(ReportRecord(.error(e)), nil)
            case .document(let d):
                let record = ReportDocument(id: d.id, path: d.path, title: d.title, date: d.date, issuer: d.issuer,
                                            entities: d.entities, diagnostics: d.diagnostics)
                let reparsed = d.text.map { GongwenParser(options: ParseOptions(path: d.path, id: d.id)).parse($0) }
                try body(.document(record), reparsed)
            }
        }
    }
}
