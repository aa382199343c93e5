import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The worker side of crash isolation (`gongwen worker`, started by the supervisor): reads tasks
/// from stdin, opens archives, decodes and parses, and writes records to stdout (WorkerMessage).
/// Anything that traps here costs the supervisor one input, never the batch.
public enum BatchWorker {
    /// Serves tasks until stdin ends. Returns the exit status.
    public static func serve(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        // Dies with the supervisor, even when it is killed with SIGKILL.
        _ = linuxPrctl(1 /* PR_SET_PDEATHSIG */, UInt(SIGKILL), 0, 0, 0)
        let reader = LineReader(fd: input)
        guard let first = reader.next(), let (options, pretty) = WorkerConfig.decode(first) else { return 2 }
        let out = MessageWriter(fd: output)
        out.send(.ready, flush: true)
        let converter = ItemConverter(options: options)
        let faults = InjectedFaults.fromEnvironment()
        while let line = reader.next() {
            guard let task = WorkerTask(line: line) else { return 2 }
            run(task, options: options, converter: converter, pretty: pretty, faults: faults, out: out)
            out.send(.done, flush: true)
        }
        return 0
    }

    private static func run(_ task: WorkerTask, options: BatchOptions, converter: ItemConverter, pretty: Bool,
                            faults: InjectedFaults, out: MessageWriter) {
        let resume = task.done.isEmpty ? nil : ResumeIndex(keys: task.done)
        var passed = task.after == nil
        var seen: [String: Int] = [:]
        var failedLeft = task.failed.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        // Announces each input before it is read, so the supervisor knows what was in flight.
        func willRead(_ display: String, _ mirror: String) -> Bool {
            let occurrence = seen[display, default: 0]
            seen[display] = occurrence + 1
            if !passed, let after = task.after {
                if display == after && occurrence == task.afterOccurrence {
                    passed = true
                    return false
                }
                // Before the crash point: done already, unless it is an archive that holds it.
                if !after.hasPrefix(display + "!/") { return false }
            }
            if let n = failedLeft[display], n > 0 {
                failedLeft[display] = n - 1
                out.send(.skipped(key: ResumeIndex.key(path: display, id: nil, sha256: ""), bytes: 0), flush: true)
                return false
            }
            out.send(.begin(path: display, occurrence: occurrence, mirror: mirror), flush: true)
            return true
        }
        func convert(_ item: InputItem) {
            if case .bytes(let bytes, _) = item.payload { faults.apply(to: bytes) }
            switch converter.outcome(item, pretty: pretty, resume: resume) {
            case .record(let record): out.send(.record(record), flush: true)
            case .alreadyDone(let key, let bytes, _):
                _ = resume?.take(key)
                out.send(.skipped(key: key, bytes: bytes), flush: true)
            }
        }
        switch task.kind {
        case .file, .failure:
            guard willRead(task.path, task.mirror) else { return }
            let payload: InputItem.Payload
            do { payload = .bytes(try FileIO.read(task.fsPath, limit: options.maxBytes), format: nil) } catch let f as BatchFailure {
                payload = .failure(f, format: Formats.label(forName: task.path))
            } catch {
                payload = .failure(BatchFailure(BatchErrorCode.unreadable, "\(error)"), format: Formats.label(forName: task.path))
            }
            convert(InputItem(path: task.path, id: nil, mirror: task.mirror, payload: payload))
        case .zip, .tar, .tarGz, .gzip:
            var expander = ArchiveExpander(options: options)
            expander.willRead = willRead
            expander.expand(task.kind, source: .path(task.fsPath), display: task.path, mirror: task.mirror, depth: 0, emit: convert)
        }
    }
}

/// prctl(2), which Glibc's module map does not export.
@_silgen_name("prctl")
private func linuxPrctl(_ option: Int32, _ arg2: UInt, _ arg3: UInt, _ arg4: UInt, _ arg5: UInt) -> Int32

/// `GONGWEN_TEST_FAULTS` — for tests only, honoured by workers only: `crash=MARK,hang=MARK,oom=MARK`
/// makes a worker trap, sleep for ever, or grow its memory on an input whose bytes contain MARK.
struct InjectedFaults {
    var crash: [UInt8]?
    var hang: [UInt8]?
    var oom: [UInt8]?

    static func fromEnvironment() -> InjectedFaults {
        var faults = InjectedFaults()
        guard let spec = ProcessInfo.processInfo.environment["GONGWEN_TEST_FAULTS"] else { return faults }
        for part in spec.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[1].isEmpty else { continue }
            switch pair[0] {
            case "crash": faults.crash = Array(pair[1].utf8)
            case "hang": faults.hang = Array(pair[1].utf8)
            case "oom": faults.oom = Array(pair[1].utf8)
            default: break
            }
        }
        return faults
    }

    func apply(to bytes: [UInt8]) {
        if let crash, HTMLText.find(crash, in: bytes, from: 0) != nil { fatalError("GONGWEN_TEST_FAULTS: injected crash") }
        if let hang, HTMLText.find(hang, in: bytes, from: 0) != nil { while true { sleep(3600) } }
        if let oom, HTMLText.find(oom, in: bytes, from: 0) != nil {
            // Touch 64 MiB a step, up to 8 GiB, then wait to be killed.
            var blocks: [UnsafeMutableRawPointer] = []
            for _ in 0..<128 {
                guard let block = malloc(64 << 20) else { break }
                memset(block, 1, 64 << 20)
                blocks.append(block)
                usleep(10_000)
            }
            while true { sleep(3600) }
        }
    }
}

/// Reads lines from a blocking file descriptor.
final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    init(fd: Int32) { self.fd = fd }

    func next() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 10) {
                let line = buffer[start..<nl]
                start = nl + 1
                return line
            }
            if ended { return nil }
            if start > 0 { buffer.removeFirst(start); start = 0 }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 65536) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { ended = true; continue }
            buffer += chunk[0..<n]
        }
    }
}

/// Writes worker messages to stdout; `flush` before anything that might trap, so what the
/// supervisor has read is what happened.
final class MessageWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    func send(_ message: WorkerMessage, flush: Bool) {
        for part in message.parts {
            if part.count >= 1 << 16 {
                // Large (a record's JSON): written as it is, not copied into the buffer.
                writeOut(buffer)
                buffer.removeAll(keepingCapacity: true)
                writeOut(part)
            } else {
                buffer += part
            }
        }
        if flush || buffer.count >= 1 << 16 {
            writeOut(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private func writeOut(_ bytes: [UInt8]) {
        if writeAll(fd, bytes) != nil { exit(3) }   // The supervisor is gone.
    }
}
