import ArgumentParser
import Foundation
import GongwenFormats

/// `gongwen worker`: the hidden worker process of `convert` (Sources/Gongwen/Gongwen.docc/Reliability.md). It reads tasks
/// on stdin and writes records on stdout for the supervisor that started it; not for people.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Internal: a worker process of 'gongwen convert'.",
        shouldDisplay: false
    )

    /// How the supervisor starts a worker from this binary.
    static let arguments = ["worker"]

    /// The command line of a worker: this executable (/proc/self/exe) and `arguments`.
    static func command() throws -> [String] {
        guard let exe = currentExecutablePath() else { throw BatchUsageError("/proc/self/exe: cannot find the gongwen executable to start workers; use --in-process") }
        return [exe] + arguments
    }

    func run() throws {
        Self.serve()
    }

    static func serve() -> Never {
        Foundation.exit(BatchWorker.serve())
    }
}
