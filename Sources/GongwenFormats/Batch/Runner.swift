import Foundation
import Gongwen

/// The parallel pipeline: a producer thread walks inputs and reads archives, `jobs` worker threads
/// convert, and the calling thread writes records strictly in input order from a reorder buffer.
/// At most `jobs × inFlightPerJob` items are in flight, so memory stays flat.
final class Pipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Int, InputItem)] = []
    private var queueHead = 0
    private var results: [Int: Outcome] = [:]
    private var produced = 0
    private var inFlight = 0
    private var producerDone = false
    private let maxInFlight: Int
    private(set) var diskDone = 0
    private var workersLeft = 0

    init(maxInFlight: Int) { self.maxInFlight = maxInFlight }

    /// Producer: blocks while too many items are in flight.
    func submit(_ item: InputItem) {
        condition.lock()
        while inFlight >= maxInFlight { condition.wait() }
        queue.append((produced, item))
        produced += 1
        inFlight += 1
        condition.broadcast()
        condition.unlock()
    }

    func addDiskProgress(_ bytes: Int) {
        condition.lock()
        diskDone += bytes
        condition.unlock()
    }

    func finishProducing() {
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Worker: the next item, or nil when there will be no more.
    func nextWork() -> (Int, InputItem)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead >= queue.count {
            if producerDone { return nil }
            condition.wait()
        }
        let work = queue[queueHead]
        queueHead += 1
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return work
    }

    func complete(_ seq: Int, _ outcome: Outcome) {
        condition.lock()
        results[seq] = outcome
        condition.broadcast()
        condition.unlock()
    }

    func workerStarted() { condition.lock(); workersLeft += 1; condition.unlock() }

    func workerFinished() {
        condition.lock()
        workersLeft -= 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers() {
        condition.lock()
        while workersLeft > 0 { condition.wait() }
        condition.unlock()
    }

    /// Writer: the outcome of item `seq`, or nil after the last one. Calls `idle` (outside the
    /// lock) before waiting and every half second while waiting.
    func take(_ seq: Int, idle: () -> Void) -> Outcome? {
        condition.lock()
        while true {
            if let outcome = results.removeValue(forKey: seq) {
                inFlight -= 1
                condition.broadcast()
                condition.unlock()
                return outcome
            }
            if producerDone && seq >= produced {
                condition.unlock()
                return nil
            }
            condition.unlock()
            idle()
            condition.lock()
            if results[seq] == nil && !(producerDone && seq >= produced) {
                _ = condition.wait(until: Date().addingTimeInterval(0.5))
            }
        }
    }

    var snapshot: (produced: Int, done: Bool, disk: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (produced, producerDone, diskDone)
    }
}

/// Converts inputs (files, folders, archives) to JSON Lines in parallel.
public struct BatchConverter: Sendable {
    public var options: BatchOptions

    public init(options: BatchOptions = .init()) {
        self.options = options
    }

    /// Converts one input's bytes (text, HTML or `.docx`) to a document or the reason it cannot be.
    public func convert(bytes: [UInt8], path: String? = nil, id: String? = nil, format: String? = nil) -> ConversionResult {
        ItemConverter(options: options).convert(bytes: bytes, path: path, id: id, format: format)
    }

    /// Converts a file on disk (text, HTML, `.docx`).
    public func convert(file path: String) -> ConversionResult {
        do {
            let bytes = try FileIO.read(path, limit: options.maxBytes)
            return convert(bytes: bytes, path: path)
        } catch let f as BatchFailure {
            return .failure(source: SourceInfo(path: path, encoding: "", bytes: f.bytes, sha256: "", format: InputFormat(rawValue: Formats.label(forName: path))), code: f.code, message: f.message)
        } catch {
            return .failure(source: SourceInfo(path: path, encoding: "", bytes: 0, sha256: "", format: "unknown"), code: BatchErrorCode.unreadable, message: "\(error)")
        }
    }

    /// `gongwen convert <inputs> -o <output>`. Throws `BatchUsageError` for bad arguments (nothing
    /// is written then); every input problem is an error record instead.
    public func run(inputs: [String], output: BatchOutput) throws -> BatchSummary {
        let start = Date()
        guard !inputs.isEmpty else { throw BatchUsageError("no inputs given") }
        var excluded: Set<String> = []
        var resume: ResumeIndex?
        let sink: RecordSink
        switch output {
        case .stdout:
            if options.resume { throw BatchUsageError("--resume needs an output file (-o out.jsonl), not stdout") }
            sink = StdoutSink()
        case .jsonl(let path):
            let partial = JSONLFileSink.partialPath(for: path)
            for p in [path, partial] {
                if let r = FileIO.realPath(p) { excluded.insert(r) }
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw BatchUsageError("the output folder does not exist: \(folder)")
            }
            let planned = try InputPlanner(excluded: excluded).plan(inputs)
            if options.resume {
                if !FileManager.default.fileExists(atPath: partial), FileManager.default.fileExists(atPath: path) {
                    guard rename(path, partial) == 0 else { throw BatchUsageError("cannot reopen \(path) for --resume") }
                }
                resume = try ResumeIndex.load(truncating: partial)
            }
            sink = try JSONLFileSink(path: path, append: options.resume)
            return try execute(planned: planned, sink: sink, resume: resume, pretty: false, start: start)
        case .directory(let root):
            if let r = FileIO.realPath(root) { excluded.insert(r) }
            sink = try DirectorySink(root: root)
            let planned = try InputPlanner(excluded: excluded).plan(inputs)
            let index = options.resume ? DirectoryResume(root: root) : nil
            return try execute(planned: planned, sink: sink, resume: nil, directoryResume: index, pretty: true, start: start)
        }
        let planned = try InputPlanner(excluded: excluded).plan(inputs)
        return try execute(planned: planned, sink: sink, resume: resume, pretty: false, start: start)
    }

    func execute(planned: [PlannedInput], sink: RecordSink, resume: ResumeIndex?, directoryResume: DirectoryResume? = nil,
                         pretty: Bool, start: Date) throws -> BatchSummary {
        let options = self.options
        let diskTotal = planned.reduce(0) { $0 + $1.size }
        let pipeline = Pipeline(maxInFlight: options.jobs * options.inFlightPerJob)
        startWorkers(pipeline, pretty: pretty, resume: resume)
        let producer = Thread {
            let expander = ArchiveExpander(options: options)
            for input in planned {
                switch input.kind {
                case .file:
                    pipeline.submit(InputItem(path: input.display, id: nil, mirror: input.mirror, payload: .file(input.fsPath)))
                case .failure(let f, let format):
                    pipeline.submit(InputItem(path: input.display, id: nil, mirror: input.mirror, payload: .failure(f, format: format)))
                case .zip, .tar, .tarGz, .gzip:
                    if input.size == 0 {
                        pipeline.submit(InputItem(path: input.display, id: nil, mirror: input.mirror,
                                                  payload: .failure(BatchFailure(BatchErrorCode.empty, "empty file (0 bytes)"), format: Formats.label(forName: input.display))))
                    } else {
                        expander.expand(input.kind, source: .path(input.fsPath), display: input.display, mirror: input.mirror, depth: 0) {
                            pipeline.submit($0)
                        }
                    }
                }
                pipeline.addDiskProgress(input.size)
            }
            pipeline.finishProducing()
        }
        producer.stackSize = 8 << 20
        producer.start()
        let archives = planned.contains { if case .file = $0.kind { return false } else if case .failure = $0.kind { return false } else { return true } }
        return try write(pipeline, sink: sink, resume: resume, directoryResume: directoryResume, pretty: pretty, diskTotal: diskTotal,
                         expected: (planned.count, archives), start: start)
    }

    private func startWorkers(_ pipeline: Pipeline, pretty: Bool, resume: ResumeIndex?) {
        let converter = ItemConverter(options: options)
        for _ in 0..<options.jobs {
            pipeline.workerStarted()
            let worker = Thread {
                while let (seq, item) = pipeline.nextWork() {
                    pipeline.complete(seq, converter.outcome(item, pretty: pretty, resume: resume))
                }
                pipeline.workerFinished()
            }
            worker.stackSize = 16 << 20
            worker.start()
        }
    }

    private func write(_ pipeline: Pipeline, sink: RecordSink, resume: ResumeIndex?, directoryResume: DirectoryResume?, pretty: Bool,
                       diskTotal: Int, expected: (count: Int, archives: Bool) = (0, true), start: Date) throws -> BatchSummary {
        var summary = BatchSummary()
        let progress = ProgressReporter(mode: options.progress)
        let converter = ItemConverter(options: options)
        var seq = 0
        var failure: Error?
        func state() -> ProgressReporter.State {
            let s = pipeline.snapshot
            // Folders are listed up front; archive members are counted as they are read.
            return .init(done: seq, known: max(s.produced, expected.count), enumerationDone: s.done || !expected.archives,
                         bytes: summary.bytes, diskDone: s.disk, diskTotal: diskTotal)
        }
        while let outcome = pipeline.take(seq, idle: {
            if failure == nil { do { try sink.flush() } catch { failure = error } }
            progress.update(state())
        }) {
            seq += 1
            var record: Record
            switch outcome {
            case .record(let r):
                record = r
            case .alreadyDone(let key, let bytes, let item):
                if let code = resume?.take(key) {
                    summary.count(code: code, bytes: bytes)
                    summary.resumed += 1
                    continue
                }
                // The same input twice, only once in the old output: convert this one now.
                guard case .record(let r) = converter.outcome(item, pretty: pretty, resume: nil) else { continue }
                record = r
            }
            if let directoryResume, let code = directoryResume.existing(record) {
                summary.count(code: code, bytes: record.bytes)
                summary.resumed += 1
                continue
            }
            summary.count(code: record.errorCode, bytes: record.bytes)
            if failure == nil {
                do { try sink.write(record) } catch { failure = error }
            }
            progress.update(state())
        }
        pipeline.waitForWorkers()
        progress.finish()
        if let failure { throw failure }
        try sink.finish()
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// `--stdin-jsonl`: lines `{"id": "...", "text": "..."}` in (optionally `"path"`, and `"format": "html"`),
    /// one record per line out, in order, with `source.id`. A line that is not such an object becomes a
    /// `bad-input` error record, so output line N always answers input line N.
    public func runJSONLines(readLine: @escaping @Sendable () -> String?, output: BatchOutput = .stdout) throws -> BatchSummary {
        let start = Date()
        let sink: RecordSink
        switch output {
        case .stdout: sink = StdoutSink()
        case .jsonl(let path): sink = try JSONLFileSink(path: path, append: false)
        case .directory(let root): sink = try DirectorySink(root: root)
        }
        let pretty: Bool
        if case .directory = output { pretty = true } else { pretty = false }
        let pipeline = Pipeline(maxInFlight: options.jobs * options.inFlightPerJob)
        startWorkers(pipeline, pretty: pretty, resume: nil)
        let producer = Thread {
            var n = 0
            while let line = readLine() {
                n += 1
                pipeline.submit(Self.item(fromJSONLine: line, number: n))
            }
            pipeline.finishProducing()
        }
        producer.start()
        return try write(pipeline, sink: sink, resume: nil, directoryResume: nil, pretty: pretty, diskTotal: 0, expected: (0, true), start: start)
    }

    static func item(fromJSONLine line: String, number: Int) -> InputItem {
        let mirror = "line-\(number)"
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return InputItem(path: nil, id: nil, mirror: mirror, payload: .failure(
                BatchFailure(BatchErrorCode.badInput, "line \(number) is not a JSON object"), format: "text"))
        }
        var id: String?
        if let s = object["id"] as? String { id = s } else if let n = object["id"] as? NSNumber { id = n.stringValue }
        let path = object["path"] as? String
        if let item = item(fromBase64: object, id: id, path: path, number: number) { return item }
        guard let text = object["text"] as? String else {
            return InputItem(path: path, id: id, mirror: id ?? mirror, payload: .failure(
                BatchFailure(BatchErrorCode.badInput, "line \(number) has no string \"text\" field"), format: "text"))
        }
        let format = (object["format"] as? String).flatMap { ["text", "html"].contains($0) ? $0 : nil }
        return InputItem(path: path, id: id, mirror: id ?? mirror, payload: .bytes(Array(text.utf8), format: format))
    }
}

/// `--resume` with `-o dir/`: an input whose file is already there (complete, since files are
/// renamed into place) is not written again.
struct DirectoryResume {
    let root: String

    func existing(_ record: Record) -> String?? {
        let file = DirectorySink.file(root: root, mirror: record.mirror)
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        return .some(record.errorCode)
    }
}
