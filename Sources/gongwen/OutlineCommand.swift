import ArgumentParser
import Gongwen

/// `gongwen outline <file|->`: the section tree for a person.
struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print a document's outline for a person: fields, numbered sections, items, diagnostics.",
        discussion: """
        One line per node, indented by depth: '= role: text' for layout fields (title, dateline, \
        signature…), '~ kind: text' for boilerplate kept from web pages, 'marker heading' for sections, \
        '· 一是' for inline enumeration items. After '--', numbering diagnostics ('! code @ marker').
        """
    )

    @OptionGroup var inputOptions: InputOptions

    @Flag(help: "List every diagnostic, not only numbering and outline ones.")
    var allDiagnostics = false

    func run() throws {
        try CLIIO.run {
            let document = try inputOptions.document("outline")
            let out = StdoutWriter(command: "outline")
            out.write(OutlineRenderer.render(document, allDiagnostics: allDiagnostics))
            out.flush()
        }
    }
}
