import ArgumentParser
import Foundation
import Gongwen

@main
struct GongwenCommand: ParsableCommand {
    /// Usage errors exit with 2 (not ArgumentParser's 64), as `convert` documents; help exits 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.stderr(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Parse Chinese government documents (公文) into a lossless tree with resolved facts.",
        discussion: """
        Reads plain text in UTF-8, UTF-16, GB18030/GBK or Big5 (detected), finds the GB/T 9704 layout \
        (title, 发文字号, sections 一、（一）1.（1）…, signature) and the facts in it (dates, money, \
        people counts, cited titles 《…》, document numbers), and writes JSON in schema gongwen/1.

        Examples:
          gongwen parse notice.txt --pretty
          gongwen outline notice.txt
          gongwen entities notice.txt
          gongwen convert Corpus/seeds archive.zip -o corpus.jsonl
        """,
        subcommands: [ParseCommand.self, OutlineCommand.self, EntitiesCommand.self, ConvertCommand.self, SearchCommand.self]
    )
}

/// Options shared by the commands that read one document.
struct InputOptions: ParsableArguments {
    @Argument(help: "A text file, or - for standard input.")
    var input: String

    @Option(help: "Decode with this encoding instead of detecting it (UTF-8, GB18030, GBK, Big5, UTF-16LE, …).")
    var encoding: String?

    @Flag(help: "Fold Traditional characters to Simplified for matching (spans still point at the source).")
    var traditional = false

    @Option(help: ArgumentHelp("Resolve partial dates (5月11日, 今年3月) against this date when the document has none of its own.", valueName: "yyyy-mm-dd"))
    var anchor: String?

    func read() throws -> (bytes: [UInt8], options: ParseOptions) {
        var options = ParseOptions(encoding: encoding, traditionalToSimplified: traditional,
                                   path: input == "-" ? nil : input)
        if let a = anchor {
            let parts = a.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, CalendarDate(year: parts[0], month: parts[1], day: parts[2]).isValid else {
                throw ValidationError("--anchor must be a date as yyyy-mm-dd, got '\(a)'")
            }
            options.anchorDate = CalendarDate(year: parts[0], month: parts[1], day: parts[2])
        }
        do {
            return (try CLIIO.readInput(input), options)
        } catch {
            CLIIO.fail("\(error)")
            throw ExitCode(1)
        }
    }
}

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one document and print it as JSON (schema gongwen/1).",
        discussion: """
        The output has the source (path, encoding, bytes, sha256), the title, the decoded text, the \
        section outline, the lossless node tree (spans tile the text), entities and diagnostics. \
        Spans count Unicode code points of the decoded text, end exclusive: text[start:end] in Python.
        """
    )

    @OptionGroup var inputOptions: InputOptions

    @Flag(help: "Indent the JSON for reading.")
    var pretty = false

    @Flag(name: .customLong("no-text"), help: "Leave the decoded source text out of the output.")
    var noText = false

    func run() throws {
        let (bytes, options) = try inputOptions.read()
        let document = GongwenParser(options: options).parse(bytes: bytes)
        var out = GongwenJSON.encode(document, pretty: pretty, includeText: !noText)
        out.append(0x0A)
        CLIIO.writeStdout(out)
    }
}

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
        let (bytes, options) = try inputOptions.read()
        let document = GongwenParser(options: options).parse(bytes: bytes)
        CLIIO.writeStdout(Array(OutlineRenderer.render(document, allDiagnostics: allDiagnostics).utf8))
    }
}
