import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses, the same for every command (README, "Exit status").
enum ExitStatus {
    /// Every input became a document.
    static let ok: Int32 = 0
    /// Some inputs became errors, or output could not be written (a full disk).
    static let failed: Int32 = 1
    /// The command line is wrong: unknown option, bad value, an input that does not exist.
    static let usage: Int32 = 2
}

/// A command that cannot go on: one line `gongwen <command>: <path>: <reason>` (or without the
/// path) on stderr, and its exit status. Every command reports through this, `convert` included.
struct CommandFailure: Error, CustomStringConvertible {
    var command: String
    var path: String?
    var reason: String
    var status: Int32

    init(_ command: String, path: String? = nil, _ reason: String, status: Int32 = ExitStatus.failed) {
        self.command = command
        self.path = path
        self.reason = reason
        self.status = status
    }

    static func usage(_ command: String, path: String? = nil, _ reason: String) -> CommandFailure {
        CommandFailure(command, path: path, reason, status: ExitStatus.usage)
    }

    var description: String {
        if let path { return "gongwen \(command): \(path): \(reason)" }
        return "gongwen \(command): \(reason)"
    }
}

/// Reading inputs and writing outputs for the commands, with one-line errors.
enum CLIIO {
    /// Runs a command's body: a `CommandFailure` is printed as its one line and becomes its exit status.
    static func run(_ body: () throws -> Void) throws {
        do { try body() } catch let failure as CommandFailure {
            report(failure.description)
            throw ExitCode(failure.status)
        }
    }

    /// One line on stderr. A failing stderr is ignored: there is nowhere left to report to.
    static func report(_ line: String) {
        let bytes = Array((line.hasSuffix("\n") ? line : line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = posixWrite(2, buffer.baseAddress! + done, buffer.count - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    /// Standard input, whole, refusing more than `limit` bytes (a document, not a stream of them).
    static func readStdin(command: String, limit: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(command, path: "-", "unreadable: cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return out }
            out += chunk[0..<n]
            if out.count > limit {
                throw CommandFailure(command, path: "-", "too-large: over the limit of \(limit) bytes")
            }
        }
    }

    /// The default action for SIGPIPE (the process ends quietly when a reader closes the pipe),
    /// even when the parent process ignored it.
    static func restoreSIGPIPE() {
        signal(SIGPIPE, SIG_DFL)
    }
}

/// Stdout through one buffer, written with write(2). A failed write (a full disk) is reported at
/// once: one line, exit 1, nothing more written. A closed pipe ends the process as SIGPIPE does.
final class StdoutWriter {
    private let command: String
    private var buffer: [UInt8] = []

    init(command: String) {
        self.command = command
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) { write(Array(s.utf8)) }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { posixWrite(1, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE {
                    CLIIO.restoreSIGPIPE()
                    raise(SIGPIPE)
                    exit(141)
                }
                CLIIO.report(CommandFailure(command, path: "stdout", "cannot write: \(String(cString: strerror(errno)))").description)
                exit(ExitStatus.failed)
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
