import ArgumentParser
import Gongwen

/// `gongwen parse <file|->`: one document as gongwen/1 JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one document and print it as JSON (schema gongwen/1).",
        discussion: """
        The input is text, an HTML page or a .docx, judged from its bytes. The output has the source \
        (path, encoding, format, bytes, sha256), the title, the decoded text, the section outline, \
        the lossless node tree (spans tile the text), entities and diagnostics. Spans count Unicode \
        code points of the decoded text, end exclusive: text[start:end] in Python.
        """
    )

    @OptionGroup var inputOptions: InputOptions

    @Flag(help: "Indent the JSON for reading.")
    var pretty = false

    @Flag(name: .customLong("no-text"), help: "Leave the decoded source text out of the output.")
    var noText = false

    func run() throws {
        try CLIIO.run {
            let document = try inputOptions.document("parse")
            let out = StdoutWriter(command: "parse")
            GongwenJSON.write(document, pretty: pretty, includeText: !noText) { out.write($0) }
            out.write([0x0A])
            out.flush()
        }
    }
}
