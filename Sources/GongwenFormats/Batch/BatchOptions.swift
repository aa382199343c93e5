import Foundation
import Gongwen

/// Batch conversion of many inputs to JSON Lines (see Sources/Gongwen/Gongwen.docc/Batch.md).
///
/// ```swift
/// let converter = BatchConverter(options: BatchOptions(jobs: 4))
/// let summary = try converter.run(inputs: ["Corpus"], output: .jsonl("corpus.jsonl"))
/// print(summary)          // inputs = documents + errors, always
/// ```
public enum BatchConversion {}

/// The error-record codes as the batch code passes them around (strings), each the raw value of
/// the one list in the core, `ErrorCode`, which documents them.
public enum BatchErrorCode {
    public static let unsupportedFormat = ErrorCode.unsupportedFormat.rawValue
    public static let empty = ErrorCode.empty.rawValue
    public static let tooLarge = ErrorCode.tooLarge.rawValue
    public static let archiveBomb = ErrorCode.archiveBomb.rawValue
    public static let unreadable = ErrorCode.unreadable.rawValue
    public static let truncatedArchive = ErrorCode.truncatedArchive.rawValue
    public static let symlinkLoop = ErrorCode.symlinkLoop.rawValue
    public static let badInput = ErrorCode.badInput.rawValue
    public static let noTextLayer = ErrorCode.noTextLayer.rawValue
    public static let crashed = ErrorCode.crashed.rawValue
    public static let timeout = ErrorCode.timeout.rawValue
    public static let outOfMemory = ErrorCode.outOfMemory.rawValue
}

/// Crash isolation: inputs are read and parsed in worker processes (the same binary, run as a
/// worker), so a crash, a hang or runaway memory costs one input, never the batch.
public struct WorkerIsolation: Sendable, Equatable {
    /// How to start a worker: the executable and its arguments (`gongwen worker`).
    public var command: [String]
    /// Seconds one input (or archive member) may take before its worker is killed.
    public var timeout: Double
    /// Resident memory (`VmRSS`) a worker may reach before it is killed; a backstop, not a budget.
    public var maxMemory: Int

    public static let defaultTimeout: Double = 60
    public static let defaultMaxMemory = 4 << 30

    public init(command: [String], timeout: Double = WorkerIsolation.defaultTimeout, maxMemory: Int = WorkerIsolation.defaultMaxMemory) {
        self.command = command
        self.timeout = timeout
        self.maxMemory = maxMemory
    }
}

/// How a batch runs.
public struct BatchOptions: Sendable {
    /// Worker threads (or processes, with `isolation`); all cores by default, at most `maxJobs`.
    public var jobs: Int
    /// The largest `jobs` accepted (`--jobs`).
    public static let maxJobs = 256
    /// Worker processes instead of threads (`gongwen convert` without `--in-process`); nil converts in this process.
    public var isolation: WorkerIsolation?
    /// `--resume` into a file written by another gongwen version.
    public var resumeAnyVersion = false
    /// Inputs larger than this (bytes, after decompression) become `too-large` records.
    public var maxBytes: Int
    /// Uncompressed : compressed size above which an archive member over 1 MiB is an `archive-bomb`.
    public var maxCompressionRatio: Int
    /// How deep archives may nest (`a.zip!/b.tar.gz!/c.txt` is depth 2).
    public var maxArchiveDepth: Int
    /// Documents in flight per worker: bounds memory (in flight ≤ jobs × this).
    public var inFlightPerJob: Int
    /// Keep the complete lines of an existing output and convert only the inputs not in it.
    public var resume: Bool
    public var progress: ProgressMode
    /// Parse settings applied to every input (`encoding` forces a text encoding, `anchorDate` …).
    /// `path`, `id` and `format` are set per input.
    public var parse: ParseOptions
    /// Include each document's decoded `text` in the output (`--no-text` leaves it out).
    public var includeText: Bool = true
    /// Tests only: writes to the output past this many bytes fail as a full disk would (ENOSPC).
    var injectedWriteLimit: Int?
    /// How records become JSON. Internal so tests can check batch logic with any encoder.
    var encoder: RecordEncoder = .gongwenJSON

    /// The encoder for these options.
    var recordEncoder: RecordEncoder { includeText ? encoder : .gongwenJSONWithoutText }

    public init(jobs: Int? = nil, maxBytes: Int = 64 << 20, maxCompressionRatio: Int = 1000, maxArchiveDepth: Int = 4,
                inFlightPerJob: Int = 4, resume: Bool = false, progress: ProgressMode = .none, parse: ParseOptions = .init()) {
        self.jobs = min(Self.maxJobs, max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
        self.maxBytes = maxBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxArchiveDepth = maxArchiveDepth
        self.inFlightPerJob = max(1, inFlightPerJob)
        self.resume = resume
        self.progress = progress
        self.parse = parse
    }
}

/// How `convert` shows progress on stderr.
public enum ProgressMode: Sendable, Equatable {
    /// A bar when stderr is a terminal, else a line every few seconds.
    case auto
    case bar
    case lines
    case none
}

/// Where records go.
public enum BatchOutput: Sendable, Equatable {
    /// One JSON Lines file, written as `<path>.partial` and renamed when complete.
    case jsonl(String)
    case stdout
    /// One pretty JSON file per input under this folder, mirroring the input paths.
    case directory(String)

    /// `-` is stdout, a path ending in `/` or naming an existing folder is a directory, else a file.
    public static func parse(_ argument: String) -> BatchOutput {
        if argument == "-" { return .stdout }
        var isDirectory: ObjCBool = false
        if argument.hasSuffix("/") || (FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return .directory(argument)
        }
        return .jsonl(argument)
    }
}

/// A problem with the command line: exit status 2, nothing converted.
public struct BatchUsageError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    /// `path: reason`, the one-line error format of every command.
    public init(path: String, _ reason: String) { self.message = path + ": " + reason }
    public var description: String { message }
}

/// The output could not be written (full disk, read-only folder): exit status 1. What was
/// written ends with a complete line.
public struct BatchOutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { path + ": " + reason }
}

/// The reader of stdout went away (`convert … -o - | head -1`): end quietly.
public struct BatchOutputClosed: Error, Sendable {
    public init() {}
}

/// What a run did. `inputs == documents + errors` always.
public struct BatchSummary: Sendable, CustomStringConvertible, Equatable {
    public var inputs = 0
    public var documents = 0
    /// Error records by code.
    public var errors: [String: Int] = [:]
    /// Inputs already in the output (`--resume`), counted in `documents`/`errors` as before.
    public var resumed = 0
    /// Input bytes (archive members counted uncompressed).
    public var bytes = 0
    public var seconds: Double = 0

    public init() {}

    public var errorCount: Int { errors.values.reduce(0, +) }

    /// 0 when every input became a document, 1 when some became error records.
    public var exitCode: Int32 { errorCount == 0 ? 0 : 1 }

    mutating func count(code: String?, bytes: Int) {
        inputs += 1
        self.bytes += bytes
        if let code { errors[code, default: 0] += 1 } else { documents += 1 }
    }

    public var description: String {
        let mb = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? mb / seconds : 0
        let perSecond = seconds > 0 ? Double(inputs) / seconds : 0
        var s = "\(inputs) input\(inputs == 1 ? "" : "s"): \(documents) document\(documents == 1 ? "" : "s"), \(errorCount) error\(errorCount == 1 ? "" : "s")"
        if !errors.isEmpty {
            s += " (" + errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if resumed > 0 { s += "; \(resumed) already done (--resume)" }
        s += String(format: "; %.1f MB in %.2f s (%.1f MB/s, %.0f inputs/s)", mb, seconds, rate, perSecond)
        return s
    }
}

/// Turns records into JSON bytes.
struct RecordEncoder: Sendable {
    var document: @Sendable (Document, Bool) -> [UInt8]
    var error: @Sendable (SourceInfo, String, String, Bool) -> [UInt8]

    static let gongwenJSON = RecordEncoder(
        document: { GongwenJSON.encode($0, pretty: $1) },
        error: { GongwenJSON.encodeError(source: $0, code: ErrorCode(rawValue: $1), message: $2, pretty: $3) }
    )

    static let gongwenJSONWithoutText = RecordEncoder(
        document: { GongwenJSON.encode($0, pretty: $1, includeText: false) },
        error: { GongwenJSON.encodeError(source: $0, code: ErrorCode(rawValue: $1), message: $2, pretty: $3) }
    )
}
