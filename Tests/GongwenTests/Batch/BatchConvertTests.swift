import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

@Suite("Batch convert") struct BatchConvertTests {
    func options(jobs: Int, resume: Bool = false) -> BatchOptions {
        BatchOptions(jobs: jobs, maxBytes: BatchFixture.maxBytes, resume: resume)
    }

    @Test func everyInputAccountedFor() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let expect = try fx.buildCorpus()
        let out = fx.path("out.jsonl")
        let summary = try BatchConverter(options: options(jobs: 2)).run(inputs: [fx.path("corpus")], output: .jsonl(out))
        let records = try OutputRecords(fx.read("out.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))

        var seen: [String: String] = [:]
        for r in records.lines {
            #expect(r["schema"] as? String == "gongwen/1")
            let path = try #require(OutputRecords.path(r))
            #expect(path.hasPrefix(fx.root + "/"))
            let rel = String(path.dropFirst(fx.root.count + 1))
            #expect(seen[rel] == nil, "duplicate record for \(rel)")
            let source = OutputRecords.source(r)
            if let code = OutputRecords.code(r) {
                seen[rel] = "error:" + code
                let message = (r["error"] as? [String: Any])?["message"] as? String
                #expect(message?.isEmpty == false)
            } else {
                let format = source["format"] as? String
                seen[rel] = format == "text" ? source["encoding"] as? String : format
                #expect((source["sha256"] as? String)?.count == 64)
                #expect((source["bytes"] as? Int ?? 0) > 0)
            }
        }
        for (path, want) in expect.sorted(by: { $0.key < $1.key }) {
            #expect(seen[path] == want, "\(path): got \(seen[path] ?? "nothing"), want \(want)")
        }
        #expect(Set(seen.keys) == Set(expect.keys), "unexpected: \(Set(seen.keys).subtracting(expect.keys))")

        // Nothing lost: inputs = documents + errors = lines.
        #expect(summary.inputs == records.lines.count)
        #expect(summary.inputs == summary.documents + summary.errorCount)
        #expect(summary.errors["symlink-loop"] == 2)
        #expect(summary.errors["empty"] == 3)
        #expect(summary.exitCode == 1)

        // Input order: sorted paths for folders; archive members in archive order.
        let paths = records.lines.compactMap(OutputRecords.path)
        let loose = paths.filter { $0.contains("/loose/") }
        #expect(loose == loose.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let zipMembers = paths.filter { $0.contains("bundle.zip!/") }.map { $0.components(separatedBy: "!/")[1] }
        #expect(zipMembers == (try BatchFixture.members(oversize: 1)).map(\.name))
    }

    @Test func sameBytesAcrossRunsAndJobs() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        _ = try fx.buildCorpus()
        var outputs: [[UInt8]] = []
        for (i, jobs) in [1, 2, 2, 3].enumerated() {
            _ = try BatchConverter(options: options(jobs: jobs)).run(inputs: [fx.path("corpus")], output: .jsonl(fx.path("out\(i).jsonl")))
            outputs.append(try fx.read("out\(i).jsonl"))
        }
        #expect(outputs[0].count > 1000)
        for o in outputs.dropFirst() { #expect(o == outputs[0]) }
    }

    @Test func resumeAfterInterruptionGivesTheSameFile() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        _ = try fx.buildCorpus()
        let full = fx.path("full.jsonl")
        let first = try BatchConverter(options: options(jobs: 2)).run(inputs: [fx.path("corpus")], output: .jsonl(full))
        let complete = try fx.read("full.jsonl")

        for (cut, partialName) in [(0.37, false), (0.81, true), (0.0, false)] {
            // Killed half-way: a prefix of the file, cut inside a line.
            var at = Int(Double(complete.count) * cut)
            if at < complete.count, complete[at] == 10 { at += 1 }
            let target = fx.path("resumed.jsonl")
            try? FileManager.default.removeItem(atPath: target)
            try? FileManager.default.removeItem(atPath: target + ".partial")
            try Data(complete[..<at]).write(to: URL(fileURLWithPath: partialName ? target + ".partial" : target))
            let summary = try BatchConverter(options: options(jobs: 2, resume: true)).run(inputs: [fx.path("corpus")], output: .jsonl(target))
            let resumed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
            #expect(resumed == complete, "cut at \(at)")
            let linesBefore = complete[..<at].filter { $0 == 10 }.count
            #expect(summary.resumed == linesBefore)
            #expect(summary.inputs == first.inputs)
            #expect(summary.documents == first.documents)
            #expect(summary.errors == first.errors)
        }
        // Resuming a finished output converts nothing again.
        let again = try BatchConverter(options: options(jobs: 2, resume: true)).run(inputs: [fx.path("corpus")], output: .jsonl(full))
        #expect(again.resumed == first.inputs)
        #expect(try fx.read("full.jsonl") == complete)
    }

    @Test func truncatedAndCorruptArchives() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let members = (0..<6).map { ("m\($0).txt", Array(String(repeating: "第\($0)份通知，经费\($0)万元。\n", count: 400).utf8)) }
        let gz = try GzipWriter.compress(TarWriter.archive(members))
        try fx.write("in/cut.tar.gz", Array(gz.prefix(gz.count / 2)))
        let zip = try BatchFixture.zip(members)
        try fx.write("in/cut.zip", Array(zip.prefix(zip.count - 30)))
        try fx.write("in/notgzip.tgz", Array("this is not gzip at all".utf8))
        try fx.write("in/empty.zip", [])
        try fx.write("in/nothing.tar", [UInt8](repeating: 0, count: 1024))
        let summary = try BatchConverter(options: BatchOptions(jobs: 2)).run(inputs: [fx.path("in")], output: .jsonl(fx.path("o.jsonl")))
        let records = try OutputRecords(fx.read("o.jsonl"))
        let byPath = Dictionary(records.lines.map { (String(OutputRecords.path($0)!.dropFirst(fx.root.count + 4)), OutputRecords.code($0) ?? "doc") },
                                uniquingKeysWith: { a, _ in a })
        // The members before the cut are documents; the cut is reported once.
        #expect(byPath["cut.tar.gz!/m0.txt"] == "doc")
        #expect(records.lines.filter { OutputRecords.code($0) == "truncated-archive" && OutputRecords.path($0)!.contains("cut.tar.gz") }.count == 1)
        #expect(byPath["cut.zip"] == "truncated-archive")
        #expect(byPath["notgzip.tgz"] == "unreadable")
        #expect(byPath["empty.zip"] == "empty")
        #expect(byPath["nothing.tar"] == "empty")
        #expect(summary.inputs == records.lines.count)
        #expect(summary.inputs == summary.documents + summary.errorCount)
    }

    @Test func zipBombs() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        // A member that expands past its declared size: patch the sizes in both headers.
        let text = Array(String(repeating: "经费548.74万元。", count: 2000).utf8)
        var zip = try BatchFixture.zip([("bomb.txt", text), ("ok.txt", Array(BatchFixture.notice.utf8))])
        func patch(signature: [UInt8], offset: Int) {
            var i = 0
            while i + 4 <= zip.count {
                if Array(zip[i..<(i + 4)]) == signature {
                    let size = UInt32(zip[i + offset]) | UInt32(zip[i + offset + 1]) << 8 | UInt32(zip[i + offset + 2]) << 16 | UInt32(zip[i + offset + 3]) << 24
                    if Int(size) == text.count {
                        for (k, b) in [UInt8(100), 0, 0, 0].enumerated() { zip[i + offset + k] = b }
                    }
                }
                i += 1
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        try fx.write("lying.zip", zip)
        // A member compressed far beyond any text.
        try fx.write("ratio.zip", try BatchFixture.zip([("zeros.txt", [UInt8](repeating: 0x20, count: 3 << 20))]))
        // Archives nested deeper than allowed.
        var nested = try BatchFixture.zip([("deep.txt", Array(BatchFixture.notice.utf8))])
        for level in 0..<3 { nested = try BatchFixture.zip([("level\(level).zip", nested)]) }
        try fx.write("nested.zip", nested)
        let options = BatchOptions(jobs: 2, maxBytes: 8 << 20, maxCompressionRatio: 100, maxArchiveDepth: 3)
        _ = try BatchConverter(options: options).run(inputs: [fx.path("lying.zip"), fx.path("ratio.zip"), fx.path("nested.zip")], output: .jsonl(fx.path("o.jsonl")))
        let records = try OutputRecords(fx.read("o.jsonl"))
        let codes = records.lines.map { (OutputRecords.path($0)!.replacingOccurrences(of: fx.root + "/", with: ""), OutputRecords.code($0) ?? "doc") }
        #expect(codes.contains { $0 == ("lying.zip!/bomb.txt", "archive-bomb") })
        #expect(codes.contains { $0 == ("lying.zip!/ok.txt", "doc") })
        #expect(codes.contains { $0 == ("ratio.zip!/zeros.txt", "archive-bomb") })
        #expect(codes.contains { $0.0.hasPrefix("nested.zip!/level2.zip!/level1.zip!/") && $0.1 == "archive-bomb" })
    }

    @Test func directoryOutputMirrorsPaths() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try fx.write("docs/a.txt", Array(BatchFixture.notice.utf8))
        try fx.write("docs/sub/b.txt", BatchFixture.gb18030(BatchFixture.notice))
        try fx.write("docs/pack.zip", try BatchFixture.zip([("x/c.txt", Array(BatchFixture.notice.utf8)), ("../evil.txt", Array("x".utf8))]))
        try fx.write("docs/empty.txt", [])
        let summary = try BatchConverter(options: BatchOptions(jobs: 2)).run(inputs: [fx.path("docs")], output: .directory(fx.path("json/")))
        #expect(summary.inputs == 5)
        for rel in ["docs/a.txt.json", "docs/sub/b.txt.json", "docs/pack.zip/x/c.txt.json", "docs/pack.zip/_/evil.txt.json", "docs/empty.txt.json"] {
            let bytes = try fx.read("json/" + rel)
            let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            #expect(object?["schema"] as? String == "gongwen/1", "\(rel)")
            #expect(bytes.contains(10), "pretty")
        }
        #expect(!FileManager.default.fileExists(atPath: fx.path("evil.txt.json")))
    }

    @Test func usageErrors() throws {
        #expect(throws: BatchUsageError.self) { try BatchConverter().run(inputs: [], output: .stdout) }
        #expect(throws: BatchUsageError.self) { try BatchConverter().run(inputs: ["/nonexistent/gongwen/input"], output: .jsonl("/tmp/x.jsonl")) }
        #expect(throws: BatchUsageError.self) { try BatchConverter(options: BatchOptions(resume: true)).run(inputs: ["/tmp"], output: .stdout) }
        #expect(BatchOutput.parse("-") == .stdout)
        #expect(BatchOutput.parse("out/") == .directory("out/"))
        #expect(BatchOutput.parse("x.jsonl") == .jsonl("x.jsonl"))
    }

    /// `convert a.txt -o a.txt` used to empty the input; an output inside an input folder would be
    /// read as an input. Both are refused before anything is written.
    @Test func outputThatIsAnInputIsRefused() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try fx.write("in/a.txt", Array(BatchFixture.notice.utf8))
        let converter = BatchConverter(options: BatchOptions(jobs: 1))
        #expect(throws: BatchUsageError.self) { try converter.run(inputs: [fx.path("in/a.txt")], output: .jsonl(fx.path("in/a.txt"))) }
        #expect(throws: BatchUsageError.self) { try converter.run(inputs: [fx.path("in")], output: .jsonl(fx.path("in/out.jsonl"))) }
        #expect(throws: BatchUsageError.self) { try converter.run(inputs: [fx.path("in")], output: .jsonl(fx.path("in/../in/sub/out.jsonl"))) }
        #expect(throws: BatchUsageError.self) { try converter.run(inputs: [fx.path("in")], output: .directory(fx.path("in/json/"))) }
        #expect(throws: BatchUsageError.self) { try converter.run(inputs: [fx.path("in/a.txt")], output: .directory(fx.path("in/"))) }
        #expect(try fx.read("in/a.txt") == Array(BatchFixture.notice.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fx.path("in")) == ["a.txt"])
        // Beside the folder is fine.
        #expect(try converter.run(inputs: [fx.path("in")], output: .jsonl(fx.path("out.jsonl"))).inputs == 1)
    }

    @Test func stdinJSONLines() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let lines = [
            #"{"id": "a1", "text": "关于开展工作的通知\n一、总体要求\n经费548.74万元。"}"#,
            #"not json"#,
            #"{"id": 7, "text": ""}"#,
            #"{"id": "h", "text": "<html><body><p>共43人参加</p><script>x</script></body></html>", "format": "html"}"#,
            #"{"id": "no-text"}"#,
        ]
        let feed = LineFeed(lines)
        let summary = try BatchConverter(options: BatchOptions(jobs: 2)).runJSONLines(readLine: { feed.next() }, output: .jsonl(fx.path("o.jsonl")))
        let records = try OutputRecords(fx.read("o.jsonl"))
        #expect(records.lines.count == lines.count)
        #expect(summary.inputs == lines.count)
        let ids = records.lines.map { OutputRecords.source($0)["id"] as? String }
        #expect(ids == ["a1", nil, "7", "h", "no-text"])
        #expect(records.lines.map { OutputRecords.code($0) } == [nil, "bad-input", "empty", nil, "bad-input"])
        #expect(OutputRecords.source(records.lines[3])["format"] as? String == "html")
        #expect(!(records.lines[3]["text"] as? String ?? "x").contains("x\n"))
    }
}

/// Lines handed out one at a time, across threads.
final class LineFeed: @unchecked Sendable {
    private var lines: [String]
    private let lock = NSLock()
    init(_ lines: [String]) { self.lines = lines.reversed() }
    func next() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return lines.popLast()
    }
}
