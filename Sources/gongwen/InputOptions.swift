import ArgumentParser
import Foundation
import Gongwen
import GongwenFormats

/// Options shared by the commands that read one document.
struct InputOptions: ParsableArguments {
    @Argument(help: "A text, HTML or .docx file, or - for standard input.")
    var input: String

    @Option(help: "Decode with this encoding instead of detecting it (UTF-8, GB18030, GBK, Big5, UTF-16LE, …).")
    var encoding: String?

    @Flag(help: "Fold Traditional characters to Simplified for matching (spans still point at the source).")
    var traditional = false

    @Option(help: ArgumentHelp("Resolve partial dates (5月11日, 今年3月) against this date when the document has none of its own.", valueName: "yyyy-mm-dd"))
    var anchor: String?

    func validate() throws {
        try DocumentInput.validate(encoding: encoding)
        if let a = anchor, Self.date(a) == nil {
            throw ValidationError("--anchor must be a date as yyyy-mm-dd, got '\(a)'")
        }
    }

    static func date(_ s: String) -> CalendarDate? {
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let date = CalendarDate(year: parts[0], month: parts[1], day: parts[2])
        return date.isValid ? date : nil
    }

    var parseOptions: ParseOptions {
        ParseOptions(encoding: encoding, traditionalToSimplified: traditional, anchorDate: anchor.flatMap(Self.date))
    }

    func document(_ command: String) throws -> Document {
        try DocumentInput.read(input, options: parseOptions, command: command)
    }
}

/// One document from a path or stdin, through the format layer's one input path.
enum DocumentInput {
    static let limits = ReadLimits()

    /// An `--encoding` the decoder does not know is a usage error, not a silent fallback.
    static func validate(encoding: String?) throws {
        if let encoding, !DocumentReader.isKnownEncoding(encoding) {
            throw ValidationError("--encoding: unknown encoding '\(encoding)'")
        }
    }

    /// A path that does not exist is a usage error (as in `convert`); anything the reader refuses
    /// is an error of that input (exit 1), reported with its error-record code.
    static func read(_ input: String, options: ParseOptions, command: String) throws -> Document {
        var options = options
        let stdin = input == "-" ? try CLIIO.readStdin(command: command, limit: limits.maxBytes) : nil
        if stdin == nil {
            guard FileManager.default.fileExists(atPath: input) else { throw CommandFailure.usage(command, path: input, "no such file") }
            options.path = input
        }
        do throws(FormatError) {
            if let stdin { return try DocumentReader.read(bytes: stdin, name: nil, options: options, limits: limits) }
            return try DocumentReader.read(contentsOf: URL(fileURLWithPath: input), options: options, limits: limits)
        } catch {
            throw CommandFailure(command, path: input, "\(error.code): \(error.message)")
        }
    }
}
