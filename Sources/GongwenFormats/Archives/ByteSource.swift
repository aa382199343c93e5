import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input became an error record instead of a document. `code` is one of `BatchErrorCode`.
struct BatchFailure: Error, Sendable, CustomStringConvertible {
    var code: String
    var message: String
    /// The input's size when known (for `source.bytes`).
    var bytes: Int = 0

    init(_ code: String, _ message: String, bytes: Int = 0) {
        self.code = code
        self.message = message
        self.bytes = bytes
    }

    var description: String { "\(code): \(message)" }
}

/// A forward-only stream of bytes: a file, bytes in memory, or a decompressor over either.
protocol ByteSource: AnyObject {
    /// Up to `count` bytes; fewer only at the end of the stream, empty at the end.
    func read(_ count: Int) throws -> [UInt8]
}

extension ByteSource {
    /// Reads and throws away `count` bytes; returns how many were there.
    @discardableResult
    func skip(_ count: Int) throws -> Int {
        var left = count
        while left > 0 {
            let chunk = try read(min(left, 1 << 18))
            if chunk.isEmpty { break }
            left -= chunk.count
        }
        return count - left
    }
}

final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A count from a file may be anything: negative or huge counts read nothing / the rest.
    func read(_ count: Int) throws -> [UInt8] {
        guard count > 0, offset < bytes.count else { return [] }
        let end = offset + min(count, bytes.count - offset)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

/// A file read sequentially through a POSIX descriptor.
final class FileSource: ByteSource {
    private let fd: Int32
    private(set) var consumed = 0

    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw BatchFailure(BatchErrorCode.unreadable, "cannot open: \(String(cString: strerror(errno)))") }
        self.fd = fd
    }

    deinit { close(fd) }

    func read(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        // Never allocate more than a chunk ahead of what the file delivers.
        if count > 1 << 22 {
            var out: [UInt8] = []
            while out.count < count {
                let chunk = try read(min(1 << 22, count - out.count))
                if chunk.isEmpty { break }
                out += chunk
            }
            return out
        }
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = out.withUnsafeMutableBytes { buf in
                sysRead(fd, buf.baseAddress! + filled, count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw BatchFailure(BatchErrorCode.unreadable, "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        consumed += filled
        if filled < count { out.removeSubrange(filled...) }
        return out
    }
}

private func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

enum FileIO {
    /// The whole file, refusing files over `limit` bytes before reading them.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { throw BatchFailure(BatchErrorCode.unreadable, "no such file") }
            throw BatchFailure(BatchErrorCode.unreadable, "cannot stat: \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw BatchFailure(BatchErrorCode.unsupportedFormat, "a folder, not a file; convert folders with 'gongwen convert'")
        }
        let size = max(0, Int(st.st_size))
        if size > limit {
            throw BatchFailure(BatchErrorCode.tooLarge, "\(size) bytes is over the limit of \(limit) bytes (--max-bytes)", bytes: size)
        }
        let source = try FileSource(path: path)
        var bytes = try source.read(size)
        // A file that grew since stat: read on, up to one byte past the limit.
        while bytes.count <= limit {
            let more = try source.read(min(1 << 20, limit - bytes.count + 1))
            if more.isEmpty { break }
            bytes += more
        }
        if bytes.count > limit {
            throw BatchFailure(BatchErrorCode.tooLarge, "over the limit of \(limit) bytes (--max-bytes)", bytes: bytes.count)
        }
        return bytes
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

extension ByteSource {
    /// Calls `body` with each complete line (without its `\n`), reading 1 MiB at a time, and returns
    /// what follows the last newline: a final line without one, or a line cut off by a crash.
    func forEachLine(_ body: (ArraySlice<UInt8>) throws -> Void) throws -> [UInt8] {
        var carry: [UInt8] = []
        while true {
            let chunk = try read(1 << 20)
            if chunk.isEmpty { break }
            carry += chunk
            var start = 0
            while let nl = carry[start...].firstIndex(of: 10) {
                try body(carry[start..<nl])
                start = nl + 1
            }
            carry.removeFirst(start)
        }
        return carry
    }
}
