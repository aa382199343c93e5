import Foundation
import Testing

/// The `gongwen` executable as a user runs it: exit codes, one-line errors, and output. `swift test`
/// builds every product into the same folder as the test bundle, so the binary is found beside it.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL? {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("gongwen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }

    func run(_ arguments: [String]) throws -> Run {
        let binary = try #require(Self.binary, "the gongwen binary is not beside the test bundle")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func outlineOfASeedMatchesItsGolden() throws {
        let seed = "003_65ab60eb7075ecb2"
        let r = try run(["outline", Self.root + "/Corpus/seeds/\(seed).txt"])
        #expect(r.status == 0)
        let golden = try String(contentsOfFile: Self.root + "/Corpus/golden/\(seed).outline.txt", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(r.stdout.trimmingCharacters(in: .newlines) == golden.trimmingCharacters(in: .newlines))
    }

    @Test func parsePrintsOneJSONDocument() throws {
        let r = try run(["parse", Self.root + "/Corpus/seeds/000_4aa01af85a4cc67b.txt"])
        #expect(r.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "gongwen/1")
        #expect(json["title"] as? String == "省科技厅召开党组理论中心组 2016年第五次学习会")
        #expect(r.stdout.filter { $0 == "\n" }.count == 1) // one line
    }

    @Test func missingFileIsAOneLineUsageError() throws {
        let r = try run(["parse", "/nonexistent/notice.txt"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "gongwen parse: /nonexistent/notice.txt: no such file\n")
    }

    @Test func usageErrorsExit2() throws {
        #expect(try run(["parse", "--no-such-option", "x.txt"]).status == 2)
        #expect(try run(["convert"]).status == 2)
        #expect(try run(["parse", "x.txt", "--anchor", "2020-13-01"]).status == 2)
    }

    @Test func convertWritesOneLinePerInputAndCountsErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("一、总体要求\n做好工作。\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data().write(to: dir.appendingPathComponent("b.txt"))
        // The output goes beside the input folder: inside it would be refused (exit 2).
        let out = dir.path + ".out.jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try run(["convert", dir.path, "-o", out, "--quiet"])
        #expect(r.status == 1) // one input became an error record
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains(#""code":"empty""#))
        #expect(r.stderr.contains("2 inputs: 1 document, 1 error (empty 1)"))
    }
}
