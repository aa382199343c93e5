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
        let html = DocumentPage.render(try readViewDocument(inputOptions))
        try writePage(html, to: output)
    }
}

/// The one place `view` reads its input: today the single-document path `parse` uses (bytes,
/// decoded and parsed as text); re-point it at the format layer's `read(contentsOf:)` when it lands.
func readViewDocument(_ options: InputOptions) throws -> Document {
    let (bytes, parseOptions) = try options.read()
    return GongwenParser(options: parseOptions).parse(bytes: bytes)
}

/// Writes a page to a file (creating its folder) or to standard output.
func writePage(_ html: String, to output: String?) throws {
    guard let output, output != "-" else {
        CLIIO.writeStdout(Array(html.utf8))
        return
    }
    let url = URL(fileURLWithPath: output)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(html.utf8).write(to: url)
    } catch {
        CLIIO.fail("cannot write \(output): \(error.localizedDescription)")
        throw ExitCode(1)
    }
}
