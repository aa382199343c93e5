import Foundation
import Gongwen
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Drives one worker process from one pipeline thread: hands it a top-level input, collects its
/// records, and when it crashes, overruns `--timeout` or its memory ceiling, kills it, writes an
/// error record for the input or member in flight, and has a fresh worker go on after it.
final class WorkerSupervisor {
    private let isolation: WorkerIsolation
    private let options: BatchOptions
    private let pretty: Bool
    private let config: [UInt8]
    private var process: WorkerProcess?
    /// When the worker's memory was last read: every ~100 ms, across tasks (not once per task).
    private var lastMemoryCheck = Date.distantPast

    init(isolation: WorkerIsolation, options: BatchOptions, pretty: Bool) {
        self.isolation = isolation
        self.options = options
        self.pretty = pretty
        config = WorkerConfig.encoded(options, pretty: pretty)
    }

    /// Takes work until there is none; items known to be errors are written without a worker.
    func run(_ pipeline: Pipeline, resume: ResumeIndex?) {
        let converter = ItemConverter(options: options)
        while let (seq, work) = pipeline.nextWork() {
            switch work {
            case .item(let item): pipeline.complete(seq, converter.outcome(item, pretty: pretty, resume: resume))
            case .task(let task): run(task, seq: seq, pipeline: pipeline, resume: resume)
            }
        }
        process?.kill()
        process = nil
    }

    /// Error codes that say the worker, not the input's content, decided the record.
    static let workerFailures: Set<String> = [BatchErrorCode.crashed, BatchErrorCode.timeout, BatchErrorCode.outOfMemory]

    private struct InFlight {
        var path: String
        var occurrence: Int
        var mirror: String
    }

    private enum Ending {
        case done
        case failed(code: String, message: String, inFlight: InFlight?)
        case cancelled
    }

    private func run(_ original: WorkerTask, seq: Int, pipeline: Pipeline, resume: ResumeIndex?) {
        var task = original
        var reserved = resume?.reserve(topLevel: task.path) ?? [:]
        var gotAny = false
        while true {
            task.done = reserved.keys.sorted().flatMap { key in Array(repeating: key, count: reserved[key]!.count) }
            task.failed = reserved.keys.sorted().flatMap { key -> [String] in
                guard key.hasSuffix("\u{0}") else { return [] }
                let path = String(key.dropLast())
                return reserved[key]!.filter { Self.workerFailures.contains($0 ?? "") }.map { _ in path }
            }
            let ending: Ending
            do {
                let worker = try ensureWorker()
                ending = worker.send(task.encoded())
                    ? pump(worker, seq: seq, pipeline: pipeline, reserved: &reserved, gotAny: &gotAny)
                    : .failed(code: BatchErrorCode.crashed, message: "the worker \(worker.reap())", inFlight: nil)
            } catch {
                pipeline.fail(error)
                ending = .cancelled
            }
            switch ending {
            case .done:
                pipeline.finish(seq)
                return
            case .cancelled:
                process?.kill()
                process = nil
                pipeline.finish(seq)
                return
            case .failed(let code, let message, let inFlight):
                process = nil
                if let inFlight {
                    pipeline.deliver(seq, .outcome(.record(errorRecord(path: inFlight.path, mirror: inFlight.mirror, code: code, message: message))))
                    if case .file = task.kind { break }
                    // The rest of the archive: a fresh worker skips up to and including this member.
                    task.after = inFlight.path
                    task.afterOccurrence = inFlight.occurrence
                    continue
                }
                let what = gotAny ? "\(message) while reading the archive after its last member" : message
                pipeline.deliver(seq, .outcome(.record(errorRecord(path: task.path, mirror: task.mirror, code: code, message: what))))
            }
            pipeline.finish(seq)
            return
        }
    }

    /// The running worker, or a new one that has said `ready`. A worker that cannot start is no
    /// input's fault: the run stops (`BatchOutputError`, exit 1) instead of failing every input.
    private func ensureWorker() throws -> WorkerProcess {
        if let process { return process }
        let worker = try WorkerProcess(command: isolation.command)
        func failed(_ why: String) -> BatchOutputError {
            BatchOutputError(path: isolation.command[0], "cannot start a worker process (it \(why)); use --in-process")
        }
        guard worker.send(config) else { throw failed(worker.reap()) }
        var parser = MessageParser()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(30)
        while true {
            if case .ready? = parser.next() { break }
            if parser.broken { throw failed("answered something else than a worker \(worker.kill())") }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { throw failed("did not answer within 30 s and \(worker.kill())") }
            var fds = pollfd(fd: worker.output, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, Int32(min(left, 1) * 1000) + 1) > 0 else { continue }
            let got = chunk.withUnsafeMutableBytes { read(worker.output, $0.baseAddress!, $0.count) }
            if got > 0 { parser.append(chunk[0..<got]) } else if got == 0 { throw failed(worker.reap()) }
        }
        process = worker
        return worker
    }

    /// Reads the worker's messages for one task until `done`, or until it dies, hangs or grows too large.
    private func pump(_ worker: WorkerProcess, seq: Int, pipeline: Pipeline, reserved: inout [String: [String?]], gotAny: inout Bool) -> Ending {
        var parser = MessageParser()
        var inFlight: InFlight?
        var deadline = Date().addingTimeInterval(isolation.timeout)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        // True when the task is done.
        func handle(_ message: WorkerMessage) -> Bool {
            switch message {
            case .begin(let path, let occurrence, let mirror):
                inFlight = InFlight(path: path, occurrence: occurrence, mirror: mirror)
                deadline = Date().addingTimeInterval(isolation.timeout)
            case .record(let record):
                pipeline.deliver(seq, .outcome(.record(record)))
                inFlight = nil
                gotAny = true
            case .skipped(let key, let bytes):
                var codes = reserved[key] ?? []
                let code = codes.isEmpty ? nil : codes.removeFirst()
                reserved[key] = codes.isEmpty ? nil : codes
                pipeline.deliver(seq, .resumed(code: code, bytes: bytes))
                inFlight = nil
                gotAny = true
            case .done:
                return true
            case .ready:
                break
            }
            return false
        }
        while true {
            while let message = parser.next() {
                if handle(message) { return .done }
            }
            if parser.broken {
                return .failed(code: BatchErrorCode.crashed, message: "the worker sent a message that could not be read (it \(worker.kill()))", inFlight: inFlight)
            }
            let now = Date()
            if now >= deadline {
                worker.kill()
                return .failed(code: BatchErrorCode.timeout, message: "not converted within \(Self.seconds(isolation.timeout)) (--timeout); the worker was stopped", inFlight: inFlight)
            }
            if now.timeIntervalSince(lastMemoryCheck) >= 0.09 {
                lastMemoryCheck = now
                if let rss = worker.residentBytes(), rss > isolation.maxMemory {
                    worker.kill()
                    return .failed(code: BatchErrorCode.outOfMemory,
                                   message: "the worker grew to \(rss >> 20) MiB, over the ceiling of \(isolation.maxMemory >> 20) MiB (--max-memory); it was stopped",
                                   inFlight: inFlight)
                }
            }
            if pipeline.isCancelled { return .cancelled }
            var fds = pollfd(fd: worker.output, events: Int16(POLLIN), revents: 0)
            let wait = max(1, min(100, Int32(deadline.timeIntervalSince(now) * 1000)))
            let n = poll(&fds, 1, wait)
            if n < 0 && errno != EINTR { return .failed(code: BatchErrorCode.crashed, message: "poll failed: \(String(cString: strerror(errno)))", inFlight: inFlight) }
            guard n > 0 else { continue }
            while true {
                let got = chunk.withUnsafeMutableBytes { read(worker.output, $0.baseAddress!, $0.count) }
                if got > 0 {
                    parser.append(chunk[0..<got])
                    continue
                }
                if got == 0 {
                    // End of the worker's output: it has died. Take what it sent before.
                    while let message = parser.next() {
                        if handle(message) { return .done }
                    }
                    return .failed(code: BatchErrorCode.crashed, message: "the worker \(worker.reap()) while converting this input", inFlight: inFlight)
                }
                if errno == EINTR { continue }
                break   // EAGAIN: all read for now.
            }
        }
    }

    private func errorRecord(path: String, mirror: String, code: String, message: String) -> Record {
        let source = SourceInfo(path: path, encoding: "", bytes: 0, sha256: "", format: InputFormat(rawValue: Formats.label(forName: path)))
        return Record(json: options.recordEncoder.error(source, code, message, pretty), errorCode: code, bytes: 0,
                      resumeKey: ResumeIndex.key(path: path, id: nil, sha256: ""), mirror: mirror)
    }

    /// A dead worker's pipe must give EPIPE, not kill the supervisor; stdout's reader going away
    /// is then seen as EPIPE too (`BatchOutputClosed`).
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func seconds(_ t: Double) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }
}

/// Splits the worker's output into messages: JSON header lines, each record header followed by
/// `length` bytes of record JSON and a newline.
struct MessageParser {
    private var buffer: [UInt8] = []
    private var start = 0
    private(set) var broken = false

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        if start > 0 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        buffer += bytes
    }

    mutating func next() -> WorkerMessage? {
        guard !broken, let nl = buffer[start...].firstIndex(of: 10) else { return nil }
        guard let o = WireJSON.object(buffer[start..<nl]) else {
            broken = true
            return nil
        }
        if let path = o["begin"] as? String {
            start = nl + 1
            return .begin(path: path, occurrence: (o["n"] as? Int) ?? 0, mirror: (o["mirror"] as? String) ?? "")
        }
        if let key = o["skipped"] as? String {
            start = nl + 1
            return .skipped(key: key, bytes: (o["bytes"] as? Int) ?? 0)
        }
        if o["done"] != nil {
            start = nl + 1
            return .done
        }
        if o["ready"] != nil {
            start = nl + 1
            return .ready
        }
        guard let length = o["length"] as? Int, length >= 0, let key = o["key"] as? String, let mirror = o["mirror"] as? String else {
            broken = true
            return nil
        }
        let body = nl + 1
        guard buffer.count >= body + length + 1 else { return nil }
        start = body + length + 1
        let json = Array(buffer[body..<(body + length)])
        if start == buffer.count && buffer.capacity > 1 << 22 {
            // A large record was all there was: let its buffer go rather than keep its size.
            buffer = []
            start = 0
        }
        return .record(Record(json: json, errorCode: o["code"] as? String, bytes: (o["bytes"] as? Int) ?? 0,
                              resumeKey: key, mirror: mirror))
    }
}
