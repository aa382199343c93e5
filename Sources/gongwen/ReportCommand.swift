import ArgumentParser
import Foundation
import Gongwen
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

    @Argument(help: "A JSON Lines file written by 'gongwen convert' (corpus.sqlite once the analytics reader lands).")
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
        if corpus.hasSuffix(".sqlite") || corpus.hasSuffix(".db") {
            throw CommandFailure.usage("report", path: corpus, "reading corpus.sqlite is not supported yet; give the JSON Lines file 'gongwen convert' wrote")
        }
        let outputDir = URL(fileURLWithPath: output ?? ".").deletingLastPathComponent()
        var summary = CorpusSummary()
        do {
            let source: any CorpusSource = JSONLinesCorpus(path: corpus)
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
        }
        try writePage(ReportPage.render(summary, top: top, title: "Corpus report: " + corpus), to: output, command: "report")
    }
}
