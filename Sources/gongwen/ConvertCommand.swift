import ArgumentParser
import Foundation
import Gongwen
import GongwenFormats

/// `gongwen convert <input>... -o <out.jsonl>`: folders, archives and files to JSON Lines.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert files, folders, .zip, .tar and .tar.gz archives to JSON Lines (one document or error record per input).",
        discussion: """
        Inputs: text in any encoding (UTF-8, GB18030/GBK, Big5, UTF-16), HTML pages, .docx, and archives
        (.zip, .tar, .tar.gz/.tgz, also inside folders and inside each other). Formats that cannot be read
        (.pdf, .doc, images, binary data) become error records; nothing is skipped silently.

        Output: -o out.jsonl (written as out.jsonl.partial, renamed when complete), -o - for stdout,
        -o dir/ for one pretty JSON file per input. A summary goes to stderr at the end.

        Exit status: 0 when every input became a document, 1 when some became error records, 2 for a
        usage error. See docs/BATCH.md.
        """
    )

    @Argument(help: "Files, folders and archives to convert.")
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "out.jsonl, - for stdout, or dir/ for one JSON file per input.")
    var output: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("max-bytes"), help: "Largest input in bytes, after decompression; suffixes K, M, G (default 64M).")
    var maxBytes: String = "64M"

    @Option(name: .customLong("max-ratio"), help: "Largest compression ratio of an archive member over 1 MiB before it counts as a bomb.")
    var maxRatio: Int = 1000

    @Flag(help: "Keep the complete lines of an existing output and convert only the inputs not in it.")
    var resume = false

    @Option(help: "Output format: jsonl, or sqlite for a corpus database (the default for -o *.sqlite, *.db).")
    var format: String?

    @Flag(help: "Add to an existing output (.sqlite or .jsonl), skipping inputs already in it.")
    var append = false

    @Flag(name: .customLong("stdin-jsonl"), help: "Read {\"id\": ..., \"text\": ...} lines from stdin; write one record per line to stdout.")
    var stdinJSONL = false

    @Option(help: "Decode every text input with this encoding instead of detecting it (GB18030, Big5, UTF-16LE …).")
    var encoding: String?

    @Flag(name: .customLong("no-text"), help: "Leave each document's decoded source text out of the output.")
    var noText = false

    @Flag(name: .shortAndLong, help: "No progress output (the summary is still printed).")
    var quiet = false

    mutating func run() throws {
        do {
            let summary = try convert()
            FileHandle.standardError.write(Data("gongwen convert: \(summary)\n".utf8))
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        } catch let error as BatchUsageError {
            FileHandle.standardError.write(Data("gongwen convert: error: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func convert() throws -> BatchSummary {
        guard let limit = Self.byteCount(maxBytes), limit > 0 else { throw BatchUsageError("--max-bytes: not a size: \(maxBytes)") }
        if let jobs, jobs < 1 { throw BatchUsageError("--jobs must be at least 1") }
        guard maxRatio >= 1 else { throw BatchUsageError("--max-ratio must be at least 1") }
        var parse = ParseOptions()
        parse.encoding = encoding
        var options = BatchOptions(jobs: jobs, maxBytes: limit, maxCompressionRatio: maxRatio, resume: resume || append,
                                   progress: quiet ? .none : .auto, parse: parse)
        options.includeText = !noText
        let converter = BatchConverter(options: options)
        if stdinJSONL {
            guard inputs.isEmpty else { throw BatchUsageError("--stdin-jsonl reads stdin; give no input paths") }
            if resume { throw BatchUsageError("--resume cannot be used with --stdin-jsonl") }
            if try ConvertToCorpus.wanted(output: output, format: format) { throw BatchUsageError("--stdin-jsonl writes JSON Lines, not a database") }
            let target = output.map(BatchOutput.parse) ?? .stdout
            var quietOptions = options
            quietOptions.progress = .none
            return try BatchConverter(options: quietOptions).runJSONLines(readLine: { Swift.readLine(strippingNewline: true) }, output: target)
        }
        guard !inputs.isEmpty else { throw BatchUsageError("no inputs; usage: gongwen convert <input>... -o <out.jsonl>") }
        if try ConvertToCorpus.wanted(output: output, format: format) {
            return try ConvertToCorpus.run(converter, inputs: inputs, output: output, resume: resume, append: append)
        }
        guard let output else { throw BatchUsageError("missing -o <out.jsonl> (use -o - for stdout)") }
        return try converter.run(inputs: inputs, output: BatchOutput.parse(output))
    }

    /// `64M`, `1G`, `500K`, `1048576`.
    static func byteCount(_ s: String) -> Int? {
        let t = s.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(of: "B", with: "")
        guard let last = t.last else { return nil }
        let multiplier: Int
        switch last {
        case "K": multiplier = 1 << 10
        case "M": multiplier = 1 << 20
        case "G": multiplier = 1 << 30
        default: multiplier = 1
        }
        let digits = multiplier == 1 ? t : String(t.dropLast())
        guard let n = Int(digits), n >= 0 else { return nil }
        let (r, overflow) = n.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : r
    }
}
