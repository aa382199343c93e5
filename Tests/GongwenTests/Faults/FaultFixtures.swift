import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `gongwen` binary run as a user runs it, for the fault tests: exit status, output, and a
/// process handle for killing it part-way.
enum GongwenCLI {
    struct Run {
        var status: Int32
        var signalled: Bool
        var stdout: [UInt8]
        var stderr: String
    }

    static func binary() throws -> String {
        try #require(CLITests.binary, "the gongwen binary is not beside the test bundle").path
    }

    static func run(_ arguments: [String], stdin: [UInt8]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin))
            try input.fileHandleForWriting.close()
        }
        // Read stderr beside stdout so that neither pipe fills and blocks the process.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                   stdout: Array(outData), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A shell pipeline (`bash -c`), for `| head -1`.
    static func shell(_ script: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signalled: false, stdout: Array(outData), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Many tiny government-style documents, in 30 folders.
    static func tinyCorpus(in folder: String, count: Int) throws {
        for i in 0..<count {
            let dir = folder + "/" + String(format: "%02d", i % 30)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let text = "关于开展\(2000 + i % 25)年度工作的通知\n一、总体要求\n（一）经费\(i).5万元，共\(i % 90 + 10)人参加。\n2020年5月\(i % 28 + 1)日\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + String(format: "/%04d.txt", i)))
        }
    }
}

/// A small tmpfs for a full or read-only disk, when this machine lets us mount one (root in a
/// container usually can); nil otherwise.
struct SmallDisk {
    let path: String

    init?(bytes: Int, readOnly: Bool = false) {
        path = NSTemporaryDirectory() + "gongwen-disk-\(UUID().uuidString.prefix(8))"
        guard (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil else { return nil }
        let options = "size=\(bytes)" + (readOnly ? ",ro" : "")
        guard mount("tmpfs", path, "tmpfs", 0, options) == 0 else {
            rmdir(path)
            return nil
        }
    }

    func remove() {
        umount(path)
        rmdir(path)
    }
}

/// Deterministic pseudo-random numbers from a printed seed (SplitMix64).
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
