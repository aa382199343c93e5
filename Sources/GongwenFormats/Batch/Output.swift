import Foundation
import Gongwen
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where finished records are written, in input order, by one thread.
protocol RecordSink: AnyObject {
    /// False when the record was already there (`--resume` with `-o dir/`) and so not written.
    func write(_ record: Record) throws -> Bool
    /// Pushes buffered lines out (called when the writer would otherwise wait).
    func flush() throws
    func finish() throws
}

/// Writes all of `bytes` (retrying on EINTR); the errno of a failed write, or nil.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += n
    }
    return nil
}

/// Lines buffered and written whole. A failed write is cut back to the last complete line and
/// stops the run (`BatchOutputError`); a closed pipe stops it quietly (`BatchOutputClosed`).
class LineSink: RecordSink {
    fileprivate let fd: Int32
    fileprivate let name: String
    private var buffer: [UInt8] = []
    /// Bytes known to be complete lines on disk (for cutting back a failed write).
    private var committed: off_t
    /// Tests only: writes past this many bytes fail with ENOSPC.
    var injectedLimit: Int?

    fileprivate init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        committed = max(0, lseek(fd, 0, SEEK_END))
    }

    func write(_ record: Record) throws -> Bool {
        if record.json.count >= 1 << 20 {
            // A large record goes out as it is: copied into the buffer it would exist twice,
            // and the buffer would keep its size.
            try flush()
            try commit([record.json, [10]])
            return true
        }
        buffer += record.json
        buffer.append(10)
        if buffer.count >= 1 << 20 { try flush() }
        return true
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try commit([buffer])
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes whole lines; on a failed write, cuts the file back to the last complete line.
    private func commit(_ parts: [[UInt8]]) throws {
        var failure: Int32?
        var written = 0
        for part in parts where failure == nil {
            if let limit = injectedLimit, Int(committed) + written + part.count > limit {
                _ = writeAll(fd, Array(part.prefix(max(0, limit - Int(committed) - written))))
                failure = ENOSPC
            } else {
                failure = writeAll(fd, part)
                written += part.count
            }
        }
        if let failure {
            if failure == EPIPE { throw BatchOutputClosed() }
            _ = ftruncate(fd, committed)
            throw BatchOutputError(path: name, "cannot write: \(String(cString: strerror(failure)))")
        }
        committed += off_t(written)
    }

    func finish() throws { try flush() }
}

final class StdoutSink: LineSink {
    init() { super.init(fd: 1, name: "stdout") }
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
        guard fd >= 0 else { throw BatchOutputError(path: partialPath, "cannot write: \(String(cString: strerror(errno)))") }
        super.init(fd: fd, name: partialPath)
    }

    override func finish() throws {
        try flush()
        guard fsync(fd) == 0 else { throw BatchOutputError(path: partialPath, "cannot write: \(String(cString: strerror(errno)))") }
        close(fd)
        guard rename(partialPath, path) == 0 else {
            throw BatchOutputError(path: path, "cannot rename \(partialPath) into place: \(String(cString: strerror(errno)))")
        }
    }
}

/// `-o dir/`: one pretty JSON file per input, mirroring the input paths, each written to a
/// temporary name and renamed. Names are made safe (DirectoryNames); with `resume`, a file already
/// there is kept and the record not written again.
final class DirectorySink: RecordSink {
    let root: String
    let resume: Bool
    private var names = DirectoryNames()

    init(root: String, resume: Bool = false) throws {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.resume = resume
        try Self.makeFolders(self.root)
        guard access(self.root, W_OK) == 0 else { throw BatchOutputError(path: root, "cannot write: \(String(cString: strerror(errno)))") }
    }

    /// `mkdir -p`, with errors in our format.
    static func makeFolders(_ path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw BatchOutputError(path: path, "not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw BatchOutputError(path: path, "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    func write(_ record: Record) throws -> Bool {
        let target = root + "/" + names.assign(record.mirror) + ".json"
        if resume && access(target, F_OK) == 0 { return false }
        let folder = (target as NSString).deletingLastPathComponent
        try Self.makeFolders(folder)
        let temp = folder + "/." + String((target as NSString).lastPathComponent.utf8.prefix(200))! + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BatchOutputError(path: target, "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if let failure = writeAll(fd, record.json + [10]) {
            unlink(temp)
            throw BatchOutputError(path: target, "cannot write: \(String(cString: strerror(failure)))")
        }
        guard rename(temp, target) == 0 else { throw BatchOutputError(path: target, "cannot rename into place: \(String(cString: strerror(errno)))") }
        return true
    }

    func flush() throws {}
    func finish() throws {}
}

/// Safe, unique relative names for `-o dir/`: no `..`, no absolute paths, no NUL or control
/// characters, no component over 200 bytes (shortened, with a hash of the whole name), and a
/// second input with the same name gets `~2` (then `~3` …), in input order, so reruns agree.
struct DirectoryNames {
    private var used: Set<String> = []

    static func component(_ part: Substring) -> String {
        var name = String(String.UnicodeScalarView(part.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "_" : $0 }))
        if name == ".." { name = "_" }
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        guard name.utf8.count > 200 else { return name }
        var short = ""
        for c in name.unicodeScalars {
            if short.utf8.count + String(c).utf8.count > 180 { break }
            short.unicodeScalars.append(c)
        }
        return short + "~" + SHA256.hex(of: Array(name.utf8)).prefix(16)
    }

    static func safe(_ mirror: String) -> String {
        let parts = mirror.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.map(component)
        return parts.isEmpty ? "stdin" : parts.joined(separator: "/")
    }

    mutating func assign(_ mirror: String) -> String {
        let base = Self.safe(mirror)
        var name = base
        var n = 1
        while used.contains(name) {
            n += 1
            name = base + "~\(n)"
        }
        used.insert(name)
        return name
    }
}
