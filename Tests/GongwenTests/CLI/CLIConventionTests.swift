import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

/// One convention for every command that reads a document: the error line
/// `gongwen <command>: <path>: <reason>`, exit 0/1/2, stdin `-`, formats from the bytes, write
/// errors and closed pipes.
@Suite struct CLIConventionTests {
    struct Run {
        var status: Int32
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    static let notice = "关于开展科技项目申报工作的通知\n各区县科技局：\n一、申报范围\n经费548.74万元，共43人参加。\n遂宁市科学技术局\n2020年5月12日\n"

    /// Runs the binary with `stdin` bytes; stdout to a pipe, or to `stdoutPath` (e.g. /dev/full).
    func run(_ arguments: [String], stdin: [UInt8]? = nil, stdoutPath: String? = nil, closeStdout: Bool = false) throws -> Run {
        let binary = try #require(CLITests.binary, "the gongwen binary is not beside the test bundle")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        if let stdoutPath { process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath)) } else { process.standardOutput = out }
        process.standardError = err
        process.standardInput = input
        try process.run()
        if closeStdout { try out.fileHandleForReading.close() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let stdout = stdoutPath == nil && !closeStdout ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func versionComesFromTheLibrary() throws {
        let r = try run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == GongwenVersion.current + "\n")
    }

    @Test(arguments: ["parse", "outline", "entities"])
    func sameErrorsAndExitCodes(command: String) throws {
        let missing = try run([command, "/nonexistent/a.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "gongwen \(command): /nonexistent/a.txt: no such file\n")
        let binary = try run([command, "/bin/ls"])
        #expect(binary.status == 1)
        #expect(binary.stdout.isEmpty)
        #expect(binary.stderr.hasPrefix("gongwen \(command): /bin/ls: unsupported-format: "))
        #expect(binary.stderr.filter { $0 == "\n" }.count == 1)
        let encoding = try run([command, "--encoding", "NOPE", "/bin/ls"])
        #expect(encoding.status == 2)
        #expect(encoding.stderr.hasPrefix("gongwen \(command): --encoding: unknown encoding 'NOPE'"))
        let option = try run([command, "--no-such-option", "a.txt"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("gongwen \(command): "))
    }

    @Test(arguments: ["parse", "outline", "entities"])
    func stdinReadsLikeAFile(command: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = BatchFixture.gb18030(Self.notice)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        let fromFile = try run([command, dir + "/a.txt"])
        let fromStdin = try run([command, "-"], stdin: bytes)
        #expect(fromStdin.status == 0)
        #expect(!fromStdin.stdout.isEmpty)
        // The same document but for where it came from: the path, and the id derived from it.
        func unplaced(_ s: String) -> String {
            s.replacingOccurrences(of: "\"path\":\"\(dir)/a.txt\"", with: "\"path\":null")
                .replacingOccurrences(of: #"\"id\":\"[0-9a-f]{16}\","#, with: "", options: .regularExpression)
        }
        #expect(unplaced(fromStdin.stdout) == unplaced(fromFile.stdout))
    }

    @Test func htmlAndDocxThroughParse() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(BatchFixture.gb18030(BatchFixture.htmlPage)).write(to: URL(fileURLWithPath: dir + "/page.html"))
        try Data(try BatchFixture.docx()).write(to: URL(fileURLWithPath: dir + "/n.docx"))
        try Data("<p>关于开展工作的<b>通知</b></p><br />一、总体要求<br />".utf8).write(to: URL(fileURLWithPath: dir + "/inline.txt"))
        // (The page's heading follows its menu lines, so the core does not take it as the title.)
        for (file, format, title) in [("page.html", "html", nil), ("n.docx", "docx", "关于开展科技项目申报工作的通知"),
                                      ("inline.txt", "html", "关于开展工作的通知")] as [(String, String, String?)] {
            let r = try run(["parse", dir + "/" + file])
            #expect(r.status == 0, "\(file): \(r.stderr)")
            let json = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect((json["source"] as? [String: Any])?["format"] as? String == format)
            if let title { #expect(json["title"] as? String == title, "\(file)") }
            #expect((json["text"] as? String ?? "").contains("关于开展"), "\(file)")
            #expect(!(json["text"] as? String ?? "<").contains("<"))
        }
        let outline = try run(["outline", dir + "/n.docx"])
        #expect(outline.stdout.contains("一、 申报范围"))
    }

    @Test func aFullDiskIsExit1WithAMessage() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(Self.notice.utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
        for command in ["parse", "outline", "entities"] {
            let r = try run([command, dir + "/a.txt"], stdoutPath: "/dev/full")
            #expect(r.status == 1)
            #expect(r.stderr == "gongwen \(command): stdout: cannot write: No space left on device\n")
        }
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = String(repeating: "一、总体要求，2020年5月11日共43人参加，经费548.74万元。\n", count: 20_000)
        try Data(big.utf8).write(to: URL(fileURLWithPath: dir + "/big.txt"))
        let r = try run(["entities", dir + "/big.txt"], closeStdout: true)
        #expect(r.signaled && r.status == SIGPIPE, "status \(r.status)")
        #expect(r.stderr.isEmpty)
    }
}
