import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` part-way through a 3,000-file convert, five times at points drawn from a fixed seed,
/// each followed by `--resume`: the result is the uninterrupted output, byte for byte.
@Suite("Faults: kill -9", .serialized) struct FaultKillTests {
    static let seed: UInt64 = 20_261_201
    static let files = 3000

    @Test func killedFiveTimesThenResumedEqualsUninterrupted() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try GongwenCLI.tinyCorpus(in: fx.path("in"), count: Self.files)
        // The reference in process (faster; IsolationTests proves workers write the same bytes).
        let full = try GongwenCLI.run(["convert", fx.path("in"), "-o", fx.path("full.jsonl"), "-q", "--jobs", "2", "--in-process"])
        #expect(full.status == 0)
        let expected = try fx.read("full.jsonl")

        var random = SeededRandom(state: Self.seed)
        let points = (0..<5).map { _ in 1 + random.next(below: Self.files - 1) }.sorted()
        print("kill -9 after these many lines (seed \(Self.seed)): \(points)")
        let out = fx.path("out.jsonl")
        for point in points {
            try killAfter(lines: point, arguments: ["convert", fx.path("in"), "-o", out, "-q", "--jobs", "2", "--resume"])
        }
        let last = try GongwenCLI.run(["convert", fx.path("in"), "-o", out, "-q", "--jobs", "2", "--resume"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try fx.read("out.jsonl") == expected)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    /// Starts a convert and kills it with SIGKILL once its output holds `lines` complete lines
    /// (or lets it finish, if it gets there first).
    private func killAfter(lines: Int, arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try GongwenCLI.binary())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let partial = arguments[arguments.firstIndex(of: "-o")! + 1] + ".partial"
        var seen = 0, offset: UInt64 = 0
        while process.isRunning && seen < lines {
            if let handle = FileHandle(forReadingAtPath: partial) {
                try handle.seek(toOffset: offset)
                let data = try handle.readToEnd() ?? Data()
                try handle.close()
                offset += UInt64(data.count)
                seen += data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            }
            usleep(2000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
