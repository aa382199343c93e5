import Foundation
import Gongwen

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
    /// is written then), `BatchOutputError` when the output cannot be written (what was written ends
    /// with a complete line) and `BatchOutputClosed` when stdout's reader went away; every input
    /// problem is an error record instead. `-` among the inputs is one document read from stdin.
    public func run(inputs: [String], output: BatchOutput,
                    readStdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) throws -> BatchSummary {
        let start = Date()
        guard !inputs.isEmpty else { throw BatchUsageError("no inputs given") }
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw BatchUsageError("-: stdin can be read only once") }
        var excluded: Set<String> = []
        var resume: ResumeIndex?
        let files = inputs.filter { $0 != "-" }
        let sink: RecordSink
        let planned: [PlannedInput]
        switch output {
        case .stdout:
            if options.resume { throw BatchUsageError("--resume needs an output file (-o out.jsonl), not stdout") }
            planned = try InputPlanner().plan(files)
            sink = StdoutSink()
        case .jsonl(let path):
            let partial = JSONLFileSink.partialPath(for: path)
            try OutputGuard.refuseOverlap(output: path, inputs: files)
            try OutputGuard.refuseOverlap(output: partial, inputs: files)
            for p in [path, partial] {
                if let r = FileIO.realPath(p) { excluded.insert(r) }
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw BatchUsageError(path: folder, "the output folder does not exist")
            }
            planned = try InputPlanner(excluded: excluded).plan(files)
            try Self.refuseNothing(planned, stdin: files.count < inputs.count)
            if options.resume {
                if !FileManager.default.fileExists(atPath: partial), FileManager.default.fileExists(atPath: path) {
                    guard rename(path, partial) == 0 else { throw BatchOutputError(path: path, "cannot reopen for --resume: \(String(cString: strerror(errno)))") }
                }
                resume = try ResumeIndex.load(truncating: partial, anyVersion: options.resumeAnyVersion)
            }
            sink = try JSONLFileSink(path: path, append: options.resume)
        case .directory(let root):
            try OutputGuard.refuseOverlap(output: root, inputs: files)
            if let r = FileIO.realPath(root) { excluded.insert(r) }
            planned = try InputPlanner(excluded: excluded).plan(files)
            try Self.refuseNothing(planned, stdin: files.count < inputs.count)
            sink = try DirectorySink(root: root, resume: options.resume)
        }
        if case .stdout = output { try Self.refuseNothing(planned, stdin: files.count < inputs.count) }
        (sink as? LineSink)?.injectedLimit = options.injectedWriteLimit
        var stdinItem: InputItem?
        if files.count < inputs.count {
            stdinItem = InputItem(path: nil, id: nil, mirror: "stdin", payload: .bytes(readStdin(), format: nil))
        }
        let pretty: Bool
        if case .directory = output { pretty = true } else { pretty = false }
        // Where the stdin document goes in input order: after everything the inputs before `-` give.
        let stdinIndex = try inputs.firstIndex(of: "-").map { try InputPlanner(excluded: excluded).plan(Array(inputs[..<$0])).count }
        return try execute(planned: planned, stdin: stdinItem, stdinIndex: stdinIndex ?? 0, sink: sink, resume: resume, pretty: pretty, start: start)
    }

    private static func refuseNothing(_ planned: [PlannedInput], stdin: Bool) throws {
        if planned.isEmpty && !stdin { throw BatchUsageError("no inputs: the folders given hold no files to convert") }
    }

    func execute(planned: [PlannedInput], stdin: InputItem?, stdinIndex: Int, sink: RecordSink, resume: ResumeIndex?,
                         pretty: Bool, start: Date) throws -> BatchSummary {
        let options = self.options
        let diskTotal = planned.reduce(0) { $0 + $1.size }
        let pipeline = Pipeline(maxInFlight: options.jobs * options.inFlightPerJob)
        startWorkers(pipeline, pretty: pretty, resume: resume)
        // With isolation this thread only lists: archives are opened by the workers.
        let isolated = options.isolation != nil
        let producer = Thread {
            let expander = ArchiveExpander(options: options)
            for (index, input) in planned.enumerated() {
                if index == stdinIndex, let stdin { pipeline.submit(.item(stdin)) }
                switch input.kind {
                case .file where isolated:
                    pipeline.submit(.task(WorkerTask(path: input.display, fsPath: input.fsPath, mirror: input.mirror, kind: input.kind)))
                case .file:
                    pipeline.submit(.item(InputItem(path: input.display, id: nil, mirror: input.mirror, payload: .file(input.fsPath))))
                case .failure(let f, let format):
                    pipeline.submit(.item(InputItem(path: input.display, id: nil, mirror: input.mirror, payload: .failure(f, format: format))))
                case .zip, .tar, .tarGz, .gzip:
                    if input.size == 0 {
                        pipeline.submit(.item(InputItem(path: input.display, id: nil, mirror: input.mirror,
                                                        payload: .failure(BatchFailure(BatchErrorCode.empty, "empty file (0 bytes)"), format: Formats.label(forName: input.display)))))
                    } else if isolated {
                        pipeline.submit(.task(WorkerTask(path: input.display, fsPath: input.fsPath, mirror: input.mirror, kind: input.kind)))
                    } else {
                        expander.expand(input.kind, source: .path(input.fsPath), display: input.display, mirror: input.mirror, depth: 0) {
                            pipeline.submit(.item($0))
                        }
                    }
                }
                pipeline.addDiskProgress(input.size)
            }
            if let stdin, stdinIndex >= planned.count { pipeline.submit(.item(stdin)) }
            pipeline.finishProducing()
        }
        producer.stackSize = 8 << 20
        producer.start()
        let archives = planned.contains { if case .file = $0.kind { return false } else if case .failure = $0.kind { return false } else { return true } }
        return try write(pipeline, sink: sink, resume: resume, pretty: pretty, diskTotal: diskTotal,
                         expected: (planned.count + (stdin == nil ? 0 : 1), archives), start: start)
    }

    private func startWorkers(_ pipeline: Pipeline, pretty: Bool, resume: ResumeIndex?) {
        let options = self.options
        let converter = ItemConverter(options: options)
        if options.isolation != nil { WorkerSupervisor.ignoreSIGPIPE() }
        for _ in 0..<options.jobs {
            pipeline.workerStarted()
            let worker = Thread {
                if let isolation = options.isolation {
                    WorkerSupervisor(isolation: isolation, options: options, pretty: pretty).run(pipeline, resume: resume)
                } else {
                    while let (seq, work) = pipeline.nextWork() {
                        guard case .item(let item) = work else { continue }
                        pipeline.complete(seq, converter.outcome(item, pretty: pretty, resume: resume))
                    }
                }
                pipeline.workerFinished()
            }
            worker.stackSize = 16 << 20
            worker.start()
        }
    }

    private func write(_ pipeline: Pipeline, sink: RecordSink, resume: ResumeIndex?, pretty: Bool,
                       diskTotal: Int, expected: (count: Int, archives: Bool) = (0, true), start: Date) throws -> BatchSummary {
        var summary = BatchSummary()
        let progress = ProgressReporter(mode: options.progress)
        let converter = ItemConverter(options: options)
        let isolated = options.isolation != nil
        var done = 0
        var failure: Error?
        func state() -> ProgressReporter.State {
            let s = pipeline.snapshot
            // Folders are listed up front; archive members are counted as they are read.
            let known = s.delivered + (s.produced - s.finished)
            let listed = s.done && (!isolated || s.finished == s.produced)
            return .init(done: done, known: max(known, expected.count), enumerationDone: listed || !expected.archives,
                         bytes: summary.bytes, diskDone: s.disk, diskTotal: diskTotal)
        }
        while failure == nil, let delivered = pipeline.next(idle: {
            do { try sink.flush() } catch { failure = error }
            progress.update(state())
        }) {
            done += 1
            var record: Record
            switch delivered {
            case .resumed(let code, let bytes):
                summary.count(code: code, bytes: bytes)
                summary.resumed += 1
                continue
            case .outcome(.record(let r)):
                record = r
            case .outcome(.alreadyDone(let key, let bytes, let item)):
                if let code = resume?.take(key) {
                    summary.count(code: code, bytes: bytes)
                    summary.resumed += 1
                    continue
                }
                // The same input twice, only once in the old output: convert this one now.
                guard case .record(let r) = converter.outcome(item, pretty: pretty, resume: nil) else { continue }
                record = r
            }
            do {
                if try sink.write(record) {
                    summary.count(code: record.errorCode, bytes: record.bytes)
                } else {
                    summary.count(code: record.errorCode, bytes: record.bytes)
                    summary.resumed += 1
                }
            } catch {
                failure = error
            }
            progress.update(state())
        }
        if failure == nil, let stopped = pipeline.failure { failure = stopped }
        if let failure {
            // Stop at once: no more work is handed out, workers are stopped.
            pipeline.cancel()
            pipeline.waitForWorkers()
            progress.finish()
            throw failure
        }
        pipeline.waitForWorkers()
        progress.finish()
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
        var options = self.options
        options.isolation = nil   // Texts come from stdin, not from archive readers.
        let pretty: Bool
        if case .directory = output { pretty = true } else { pretty = false }
        let pipeline = Pipeline(maxInFlight: options.jobs * options.inFlightPerJob)
        let converter = BatchConverter(options: options)
        converter.startWorkers(pipeline, pretty: pretty, resume: nil)
        let producer = Thread {
            var n = 0
            while let line = readLine() {
                n += 1
                pipeline.submit(.item(Self.item(fromJSONLine: line, number: n)))
            }
            pipeline.finishProducing()
        }
        producer.start()
        return try converter.write(pipeline, sink: sink, resume: nil, pretty: pretty, diskTotal: 0, expected: (0, true), start: start)
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
