import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One worker process as the supervisor sees it: spawned with `posix_spawn`, its stdin and stdout
/// pipes, its resident memory, and how it ended. Killed with SIGKILL, never asked.
final class WorkerProcess {
    let pid: pid_t
    /// Tasks go in here (the worker's stdin).
    let input: Int32
    /// Messages come out here (the worker's stdout), nonblocking.
    let output: Int32
    private var reaped = false

    /// Starts `command[0]` with `command[1...]`; its stderr goes to /dev/null so a crash report
    /// does not mix with the progress bar (the error record says what happened).
    init(command: [String]) throws {
        // One spawn at a time: a pipe is close-on-exec only after fcntl, and a worker started in
        // between would hold the other's pipe open (its death would then never be seen).
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var toWorker: [Int32] = [0, 0], fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0 else { throw BatchUsageError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&fromWorker) == 0 else {
            close(toWorker[0]); close(toWorker[1])
            throw BatchUsageError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in toWorker + fromWorker { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The supervisor ignores SIGPIPE; a worker gets the default back (it dies with its supervisor).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let env = environment.map { "\($0.key)=\($0.value)" }
        var childPID: pid_t = 0
        let status = withCStrings(command) { argv in
            withCStrings(env) { envp in posix_spawn(&childPID, command[0], &actions, &attributes, argv, envp) }
        }
        close(toWorker[0])
        close(fromWorker[1])
        guard status == 0 else {
            close(toWorker[1]); close(fromWorker[0])
            throw BatchUsageError("cannot start a worker (\(command[0])): \(String(cString: strerror(status)))")
        }
        pid = childPID
        input = toWorker[1]
        output = fromWorker[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    private static let spawnLock = NSLock()

    /// Sends one line; false when the worker is gone (EPIPE: SIGPIPE is ignored by the supervisor).
    func send(_ line: [UInt8]) -> Bool {
        var offset = 0
        while offset < line.count {
            let n = line.withUnsafeBytes { write(input, $0.baseAddress! + offset, line.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Resident memory in bytes (`VmRSS` of /proc/PID/status), or nil when it cannot be read.
    func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kb.map { $0 * 1024 }
        }
        return nil
    }

    /// Kills the worker (if still running) and reaps it: how it ended, for the error message.
    @discardableResult
    func kill() -> String {
        guard !reaped else { return "ended" }
        _ = Glibc.kill(pid, SIGKILL)
        return reap()
    }

    /// Waits for the worker to end (after its stdout closed) and describes how it did.
    func reap() -> String {
        guard !reaped else { return "ended" }
        reaped = true
        close(input)
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        if signal != 0 { return "was killed by signal \(signal) (\(Self.signalName(signal)))" }
        return "exited with status \((status >> 8) & 0xff)"
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL"
        case SIGSEGV: "SIGSEGV"
        default: "signal \(signal)"
        }
    }

    deinit { if !reaped { kill() } }
}

/// The path of the running executable, for starting workers from the same binary.
public func currentExecutablePath() -> String? {
    FileIO.realPath("/proc/self/exe")
}

private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
