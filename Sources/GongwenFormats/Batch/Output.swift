import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where finished records are written, in input order, by one thread.
protocol RecordSink: AnyObject {
    func write(_ record: Record) throws
    /// Pushes buffered lines out (called when the writer would otherwise wait).
    func flush() throws
    func finish() throws
}

private func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            throw BatchUsageError("write failed: \(String(cString: strerror(errno)))")
        }
        offset += n
    }
}

/// Lines buffered and written whole, so a killed run leaves at most one partial last line.
class LineSink: RecordSink {
    fileprivate let fd: Int32
    private var buffer: [UInt8] = []

    fileprivate init(fd: Int32) { self.fd = fd }

    func write(_ record: Record) throws {
        buffer += record.json
        buffer.append(10)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws { try flush() }
}

final class StdoutSink: LineSink {
    init() { super.init(fd: 1) }
}

/// `out.jsonl`: written to `out.jsonl.partial`, renamed when complete.
final class JSONLFileSink: LineSink {
    let path: String
    let partialPath: String

    static func partialPath(for path: String) -> String { path + ".partial" }

    init(path: String, append: Bool) throws {
        self.path = path
        self.partialPath = Self.partialPath(for: path)
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        let fd = open(partialPath, flags, 0o644)
        guard fd >= 0 else { throw BatchUsageError("cannot write \(partialPath): \(String(cString: strerror(errno)))") }
        super.init(fd: fd)
    }

    override func finish() throws {
        try flush()
        fsync(fd)
        close(fd)
        guard rename(partialPath, path) == 0 else {
            throw BatchUsageError("cannot rename \(partialPath) to \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// `-o dir/`: one pretty JSON file per input, mirroring the input paths, each written to a
/// temporary name and renamed.
final class DirectorySink: RecordSink {
    let root: String

    init(root: String) throws {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        do { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) } catch {
            throw BatchUsageError("cannot create \(root): \(error.localizedDescription)")
        }
    }

    static func file(root: String, mirror: String) -> String {
        let rel = InputPlanner.safeRelative(mirror)
        return (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + (rel.isEmpty ? "stdin" : rel) + ".json"
    }

    func write(_ record: Record) throws {
        let target = Self.file(root: root, mirror: record.mirror)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temp = folder + "/." + (target as NSString).lastPathComponent + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BatchUsageError("cannot write \(temp): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(fd, record.json + [10])
        guard rename(temp, target) == 0 else { throw BatchUsageError("cannot rename \(temp): \(String(cString: strerror(errno)))") }
    }

    func flush() throws {}
    func finish() throws {}
}
