import ArgumentParser
import Gongwen
import GongwenFormats

/// `gongwen entities <file|-|out.jsonl> [--csv]`: the facts found in a document, or in every
/// document of a `convert` output, one per line.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the entities (dates, money, people counts, titles, document numbers …) of a document or of a convert output.",
        discussion: """
        A text, HTML or .docx file (or - for stdin): one line per entity, tab-separated:
        kind, text, value fields, section path.
        A .jsonl file from `gongwen convert`: the same, with the document path first; with --csv, one
        CSV row per entity (path, id, kind, text, start, end, section, value_* columns), RFC 4180 quoting.
        """
    )

    @Argument(help: "A document, - for stdin, or a .jsonl file written by `gongwen convert`.")
    var input: String

    @Flag(help: "CSV (RFC 4180) with a header row instead of tab-separated lines.")
    var csv = false

    @Flag(name: .customLong("jsonl"), help: "Read the input as convert output even if it is not named .jsonl (e.g. with -).")
    var jsonl = false

    @Option(help: "Decode the input with this encoding instead of detecting it.")
    var encoding: String?

    func validate() throws {
        try DocumentInput.validate(encoding: encoding)
    }

    func run() throws {
        try CLIIO.run {
            let out = StdoutWriter(command: "entities")
            defer { out.flush() }
            let lower = input.lowercased()
            if jsonl || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                do {
                    try EntityExport.exportJSONL(path: input, csv: csv) { out.write($0) }
                } catch let error as BatchUsageError {
                    throw CommandFailure.usage("entities", path: input, error.message)
                } catch {
                    throw CommandFailure("entities", path: input, "unreadable: \(error)")
                }
                return
            }
            let document = try DocumentInput.read(input, options: ParseOptions(encoding: encoding), command: "entities")
            if csv { out.write(EntityExport.csvRecord(EntityExport.csvHeader)) }
            for row in EntityExport.rows(document: document) {
                out.write(csv ? EntityExport.csvRecord(row) : EntityExport.textLine(row) + "\n")
            }
        }
    }
}
