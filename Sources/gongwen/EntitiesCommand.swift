import ArgumentParser
import Foundation
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

    mutating func run() throws {
        let out = BufferedStdout()
        defer { out.flush() }
        let lower = input.lowercased()
        if jsonl || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            do {
                try EntityExport.exportJSONL(path: input, csv: csv) { out.write($0) }
            } catch let error as BatchUsageError {
                FileHandle.standardError.write(Data("gongwen entities: error: \(error.message)\n".utf8))
                throw ExitCode(2)
            }
            return
        }
        var parse = ParseOptions()
        parse.encoding = encoding
        let converter = BatchConverter(options: BatchOptions(jobs: 1, parse: parse))
        let result: ConversionResult
        if input == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            result = converter.convert(bytes: bytes, path: nil)
        } else {
            guard FileManager.default.fileExists(atPath: input) else {
                FileHandle.standardError.write(Data("gongwen entities: error: no such file: \(input)\n".utf8))
                throw ExitCode(2)
            }
            result = converter.convert(file: input)
        }
        switch result {
        case .document(let document):
            if csv { out.write(EntityExport.csvRecord(EntityExport.csvHeader)) }
            for row in EntityExport.rows(document: document) {
                out.write(csv ? EntityExport.csvRecord(row) : EntityExport.textLine(row) + "\n")
            }
        case .failure(_, let code, let message):
            out.flush()
            FileHandle.standardError.write(Data("gongwen entities: \(input): \(code): \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Stdout through one buffer: entity lists can be long.
private final class BufferedStdout {
    private var buffer = Data()

    func write(_ s: String) {
        buffer.append(contentsOf: Array(s.utf8))
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
