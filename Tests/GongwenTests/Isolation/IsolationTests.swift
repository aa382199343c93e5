import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// Worker processes: the same bytes as in-process conversion, and an input that traps, hangs or
/// grows costs that input only (one error record), never the rest — not even the rest of its archive.
@Suite("Isolation", .serialized) struct IsolationTests {
    @Test func workersWriteTheSameBytesAsInProcess() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        _ = try fx.buildCorpus()
        try fx.write("corpus/gz/one.txt.gz", try GzipWriter.compress(Array(BatchFixture.notice.utf8)))
        try fx.write("corpus/gz/two.gz", try GzipWriter.compress(TarWriter.archive([("a.txt", Array(BatchFixture.notice.utf8)), ("b.txt", [])])))
        let inProcess = try BatchConverter(options: BatchOptions(jobs: 2, maxBytes: BatchFixture.maxBytes)).run(
            inputs: [fx.path("corpus")], output: .jsonl(fx.path("threads.jsonl")))
        let expected = try fx.read("threads.jsonl")
        #expect(expected.count > 1000)
        for jobs in [1, 3] {
            let summary = try BatchConverter(options: IsolationFixture.options(jobs: jobs)).run(
                inputs: [fx.path("corpus")], output: .jsonl(fx.path("workers\(jobs).jsonl")))
            #expect(try fx.read("workers\(jobs).jsonl") == expected, "--jobs \(jobs)")
            #expect(summary.inputs == inProcess.inputs)
            #expect(summary.errors == inProcess.errors)
        }
    }

    @Test func crashHangAndMemoryCostOneRecordEach() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let notice = Array(BatchFixture.notice.utf8)
        let crash = Array("trap here: \(IsolationFixture.crash)\n".utf8)
        let hang = Array("hang here: \(IsolationFixture.hang)\n".utf8)
        try fx.write("in/a.txt", notice)
        try fx.write("in/b-crash.txt", crash)
        try fx.write("in/c.txt", notice)
        try fx.write("in/d-hang.txt", hang)
        try fx.write("in/e-oom.txt", Array("grow: \(IsolationFixture.oom)\n".utf8))
        // In an archive, the members after the one that crashed or hung are still converted.
        try fx.write("in/f.zip", try BatchFixture.zip([("1.txt", notice), ("2.txt", crash), ("3.txt", notice), ("4.txt", hang), ("5.txt", notice)]))
        try fx.write("in/g.tar.gz", try GzipWriter.compress(TarWriter.archive([("1.txt", crash), ("2.txt", notice), ("2.txt", crash), ("3.txt", notice)])))
        // The timeout leaves the memory growth time to reach the ceiling first on a loaded machine.
        let options = try IsolationFixture.options(jobs: 2, timeout: 4, maxMemory: 192 << 20)
        let summary = try BatchConverter(options: options).run(inputs: [fx.path("in")], output: .jsonl(fx.path("out.jsonl")))
        let records = try OutputRecords(fx.read("out.jsonl")).lines
        let got = records.map { (OutputRecords.path($0)!.replacingOccurrences(of: fx.path("in") + "/", with: ""), OutputRecords.code($0) ?? "doc") }
        let want = [("a.txt", "doc"), ("b-crash.txt", "crashed"), ("c.txt", "doc"), ("d-hang.txt", "timeout"), ("e-oom.txt", "out-of-memory"),
                    ("f.zip!/1.txt", "doc"), ("f.zip!/2.txt", "crashed"), ("f.zip!/3.txt", "doc"), ("f.zip!/4.txt", "timeout"), ("f.zip!/5.txt", "doc"),
                    ("g.tar.gz!/1.txt", "crashed"), ("g.tar.gz!/2.txt", "doc"), ("g.tar.gz!/2.txt", "crashed"), ("g.tar.gz!/3.txt", "doc")]
        #expect(got.map { $0.0 + " " + $0.1 } == want.map { $0.0 + " " + $0.1 })
        #expect(summary.inputs == 14 && summary.documents == 7)
        #expect(summary.errors == ["crashed": 4, "timeout": 2, "out-of-memory": 1])
        #expect(summary.inputs == summary.documents + summary.errorCount)
    }

    @Test func resumeAfterACrashFinishesTheBatch() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let notice = Array(BatchFixture.notice.utf8)
        for i in 0..<12 { try fx.write("in/\(i).txt", notice + Array("\(i)\n".utf8)) }
        try fx.write("in/5.txt", Array("trap: \(IsolationFixture.crash)\n".utf8))
        try fx.write("in/z.zip", try BatchFixture.zip([("1.txt", notice), ("2.txt", Array(IsolationFixture.crash.utf8)), ("3.txt", notice)]))
        let full = try BatchConverter(options: IsolationFixture.options(jobs: 2)).run(inputs: [fx.path("in")], output: .jsonl(fx.path("full.jsonl")))
        let complete = try fx.read("full.jsonl")
        let lineEnds = complete.indices.filter { complete[$0] == 10 }
        #expect(lineEnds.count == 15 && full.errors == ["crashed": 2])
        // Killed after the crash record, inside a line, and inside the archive.
        for cut in [lineEnds[6] + 4, lineEnds[12] + 1, lineEnds[13] - 3] {
            try Data(complete[..<cut]).write(to: URL(fileURLWithPath: fx.path("out.jsonl.partial")))
            let summary = try BatchConverter(options: IsolationFixture.options(jobs: 2, resume: true)).run(
                inputs: [fx.path("in")], output: .jsonl(fx.path("out.jsonl")))
            #expect(try fx.read("out.jsonl") == complete, "cut at \(cut)")
            #expect(summary.inputs == full.inputs && summary.errors == full.errors)
            #expect(summary.resumed == complete[..<cut].filter { $0 == 10 }.count)
            try FileManager.default.removeItem(atPath: fx.path("out.jsonl"))
        }
    }

    @Test func directoryOutputWithWorkers() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try fx.write("in/a.txt", Array(BatchFixture.notice.utf8))
        try fx.write("in/b.zip", try BatchFixture.zip([("x/1.txt", Array(BatchFixture.notice.utf8)), ("2.txt", Array(IsolationFixture.crash.utf8))]))
        let summary = try BatchConverter(options: IsolationFixture.options(jobs: 2)).run(inputs: [fx.path("in")], output: .directory(fx.path("out/")))
        #expect(summary.inputs == 3 && summary.errors == ["crashed": 1])
        for file in ["in/a.txt.json", "in/b.zip/x/1.txt.json", "in/b.zip/2.txt.json"] {
            #expect(FileManager.default.fileExists(atPath: fx.path("out/" + file)), "\(file)")
        }
    }
}

/// The wire format between supervisor and worker: hand-written JSON that JSONSerialization agrees with.
@Suite struct WireJSONTests {
    @Test func roundTripsAndIsJSON() throws {
        let object: [String: Any] = ["task": "a/\"引号\"\\b\u{0}c\n😀", "n": -12, "ok": true, "none": NSNull(), "done": ["x\u{0}y", "z"], "anchor": [2020, 5, 1]]
        let line = WireJSON.line(object)
        #expect(line.last == 10 && line.dropLast().allSatisfy { $0 != 10 })
        let parsed = try #require(WireJSON.object(line.dropLast()))
        #expect(parsed["task"] as? String == object["task"] as? String)
        #expect(parsed["n"] as? Int == -12 && parsed["ok"] as? Bool == true && parsed["none"] is NSNull)
        #expect(parsed["done"] as? [String] == ["x\u{0}y", "z"] && parsed["anchor"] as? [Int] == [2020, 5, 1])
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(foundation["task"] as? String == object["task"] as? String)
        #expect(WireJSON.object(ArraySlice(#"{"a":"\ud83d\ude00"}"#.utf8))?["a"] as? String == "😀")
        #expect(WireJSON.object(ArraySlice("{\"a\":".utf8)) == nil)
        #expect(WireJSON.object(ArraySlice("not json".utf8)) == nil)
    }
}
