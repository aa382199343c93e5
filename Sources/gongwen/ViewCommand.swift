import ArgumentParser
import Foundation
import Gongwen
import GongwenView

struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Write one document as a self-contained HTML page: outline, highlighted entities, diagnostics.",
        discussion: """
        The page needs no network and works from file://: the text with its outline as a sidebar, \
        every entity highlighted (a colour per kind, a legend that toggles kinds, the resolved value \
        on hover and keyboard focus), diagnostics in the margin, boilerplate dimmed, and a table of \
        the entities. Open it with '#selftest' after the file name to run the page's own checks.

        Example:
          gongwen view notice.txt -o notice.html
        """
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: [.short, .customLong("output")], help: "Write the page here (default: standard output).")
    var output: String?

    func run() throws {
        try CLIIO.run {
            let html = DocumentPage.render(try readViewDocument(inputOptions))
            try writePage(html, to: output, command: "view")
        }
    }
}

/// The one place `view` reads its input: the same format layer as every other command (text in
/// any encoding, HTML, .docx), so the page shows the document `parse` gives.
func readViewDocument(_ options: InputOptions) throws -> Document {
    try options.document("view")
}

/// Writes a page to a file (creating its folder) or to standard output.
func writePage(_ html: String, to output: String?, command: String) throws {
    guard let output, output != "-" else {
        let out = StdoutWriter(command: command)
        out.write(Array(html.utf8))
        out.flush()
        return
    }
    let url = URL(fileURLWithPath: output)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(html.utf8).write(to: url)
    } catch {
        throw CommandFailure(command, path: output, "cannot write: \(error.localizedDescription)")
    }
}
