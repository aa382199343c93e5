import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

        Inputs are read and parsed in worker processes (--jobs of them): an input that crashes a
        worker, runs over --timeout or over --max-memory becomes an error record (crashed, timeout,
        out-of-memory) and the batch goes on. --in-process converts in threads of this process.

        Exit status: 0 when every input became a document, 1 when some became error records or the
        output could not be written, 2 for a usage error (nothing is written). See Sources/Gongwen/Gongwen.docc/Batch.md.
        """
    )

    @Argument(help: "Files, folders and archives to convert.")
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "out.jsonl, - for stdout, or dir/ for one JSON file per input.")
    var output: String?

    @Option(help: "Worker processes (threads with --in-process), 1 to 256 (default: all cores).")
    var jobs: Int?

    @Option(help: "Seconds one input or archive member may take before it becomes a 'timeout' record (default 60).")
    var timeout: Double = WorkerIsolation.defaultTimeout

    @Option(name: .customLong("max-memory"), help: "Memory a worker may reach before its input becomes an 'out-of-memory' record; K, M, G (default 4G).")
    var maxMemory: String = "4G"

    @Flag(name: .customLong("in-process"), help: "Convert in threads of this process, without worker processes (no crash isolation).")
    var inProcess = false

    @Flag(name: .customLong("resume-any-version"), help: "With --resume, keep lines written by another gongwen version.")
    var resumeAnyVersion = false

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
            Self.say("\(summary)")
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        } catch let error as BatchUsageError {
            Self.say(error.message)
            throw ExitCode(2)
        } catch let error as BatchOutputError {
            Self.say(error.description)
            throw ExitCode(1)
        } catch is BatchOutputClosed {
            // The reader of stdout is gone (`| head`): end as SIGPIPE ends any command, silently.
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            throw ExitCode(1)
        }
    }

    /// `gongwen convert: <message>` on stderr (`<path>: <reason>` for a path), one line.
    /// A plain write(2), so that a closed stderr cannot trap (SIGPIPE is ignored while workers run).
    static func say(_ message: String) {
        let bytes = Array("gongwen convert: \(message)\n".utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
    }

    private func convert() throws -> BatchSummary {
        guard let limit = Self.byteCount(maxBytes), limit > 0 else { throw BatchUsageError("--max-bytes: not a size: \(maxBytes)") }
        if let jobs, !(1...BatchOptions.maxJobs).contains(jobs) { throw BatchUsageError("--jobs must be between 1 and \(BatchOptions.maxJobs), got \(jobs)") }
        guard maxRatio >= 1 else { throw BatchUsageError("--max-ratio must be at least 1") }
        guard timeout > 0, timeout.isFinite else { throw BatchUsageError("--timeout must be a positive number of seconds") }
        guard let memoryCeiling = Self.byteCount(maxMemory), memoryCeiling >= 16 << 20 else {
            throw BatchUsageError("--max-memory: not a size of at least 16M: \(maxMemory)")
        }
        if resumeAnyVersion && !resume { throw BatchUsageError("--resume-any-version goes with --resume") }
        var parse = ParseOptions()
        parse.encoding = encoding
        var options = BatchOptions(jobs: jobs, maxBytes: limit, maxCompressionRatio: maxRatio, resume: resume || append,
                                   progress: quiet ? .none : .auto, parse: parse)
        options.includeText = !noText
        options.resumeAnyVersion = resumeAnyVersion
        if !inProcess && !stdinJSONL {
            options.isolation = WorkerIsolation(command: try WorkerCommand.command(), timeout: timeout, maxMemory: memoryCeiling)
        }
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
