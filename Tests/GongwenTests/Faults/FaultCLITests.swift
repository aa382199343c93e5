import Foundation
import Testing
@testable import GongwenFormats

/// `convert`'s command-line rules: what is refused with exit 2 and nothing written, stdin, and
/// names under `-o dir/`.
@Suite("Faults: convert CLI", .serialized) struct FaultCLITests {
    @Test func outputThatIsAnInputIsExit2AndUntouched() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let notice = Array(BatchFixture.notice.utf8)
        try fx.write("in/same.txt", notice)
        let same = try GongwenCLI.run(["convert", fx.path("in/same.txt"), "-o", fx.path("in/same.txt")])
        #expect(same.status == 2)
        #expect(same.stderr.hasPrefix("gongwen convert: \(fx.path("in/same.txt")): the output is one of the inputs"))
        #expect(try fx.read("in/same.txt") == notice)
        let inside = try GongwenCLI.run(["convert", fx.path("in"), "-o", fx.path("in/x.jsonl")])
        #expect(inside.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fx.path("in")) == ["same.txt"])
    }

    @Test func nothingToConvertAndBadJobsAreExit2() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try FileManager.default.createDirectory(atPath: fx.path("empty"), withIntermediateDirectories: true)
        try fx.write("a.txt", Array(BatchFixture.notice.utf8))
        #expect(try GongwenCLI.run(["convert", "-o", fx.path("o.jsonl")]).status == 2)
        #expect(try GongwenCLI.run(["convert", fx.path("empty"), "-o", fx.path("o.jsonl")]).status == 2)
        for jobs in ["0", "257", "9223372036854775807", "-1"] {
            let r = try GongwenCLI.run(["convert", fx.path("a.txt"), "-o", fx.path("o.jsonl"), "--jobs", jobs])
            #expect(r.status == 2, "--jobs \(jobs)")
            #expect(!r.stderr.contains("Fatal error"))
        }
        #expect(!FileManager.default.fileExists(atPath: fx.path("o.jsonl")))
        #expect(!FileManager.default.fileExists(atPath: fx.path("o.jsonl.partial")))
        #expect(try GongwenCLI.run(["convert", fx.path("a.txt"), "-o", fx.path("o.jsonl"), "--jobs", "256", "-q"]).status == 0)
    }

    @Test func dashReadsOneDocumentFromStdin() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let r = try GongwenCLI.run(["convert", "-", "-o", "-", "-q"], stdin: Array(BatchFixture.notice.utf8))
        #expect(r.status == 0)
        let records = try OutputRecords(r.stdout).lines
        #expect(records.count == 1)
        #expect(records.first?["title"] as? String == "关于开展2020年度科技项目申报工作的通知")
        #expect(r.stderr.contains("1 input: 1 document, 0 errors"))
    }

    @Test func resumeRefusesAnotherVersionsFile() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try fx.write("in/a.txt", Array(BatchFixture.notice.utf8))
        let old = #"{"schema":"gongwen/1","gongwenVersion":"0.0.1","source":{"path":"x","encoding":"","bytes":0,"sha256":""},"error":{"code":"empty","message":"m"}}"# + "\n"
        try fx.write("out.jsonl", Array(old.utf8))
        let refused = try GongwenCLI.run(["convert", fx.path("in"), "-o", fx.path("out.jsonl"), "--resume", "-q"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("written by gongwen 0.0.1"))
        let forced = try GongwenCLI.run(["convert", fx.path("in"), "-o", fx.path("out.jsonl"), "--resume", "--resume-any-version", "-q"])
        #expect(forced.status == 0)
        #expect(try OutputRecords(fx.read("out.jsonl")).lines.count == 2)
    }

    @Test func directoryNamesStayInsideAndUnique() throws {
        var names = DirectoryNames()
        #expect(names.assign("a/../../etc/passwd") == "a/_/_/etc/passwd")
        #expect(names.assign("/abs/x.txt") == "abs/x.txt")
        #expect(names.assign("nul\u{0}name.txt") == "nul_name.txt")
        #expect(names.assign("x.txt") == "x.txt")
        #expect(names.assign("x.txt") == "x.txt~2")
        #expect(names.assign("x.txt") == "x.txt~3")
        let long = String(repeating: "长", count: 100) + ".txt"   // 304 bytes
        let short = names.assign(long)
        #expect(short.utf8.count <= 200 && short.hasPrefix("长长") && short.contains("~"))
        #expect(names.assign(long) == short + "~2")
        #expect(DirectoryNames.safe(String(repeating: "长", count: 100) + ".doc") != short)

        let fx = try BatchFixture()
        defer { fx.remove() }
        let notice = Array(BatchFixture.notice.utf8)
        try fx.write("in/z.zip", try BatchFixture.zip([("d.txt", notice), ("d.txt", notice), (long, notice), ("../up.txt", notice)]))
        let summary = try BatchConverter(options: BatchOptions(jobs: 1)).run(inputs: [fx.path("in/z.zip")], output: .directory(fx.path("out/")))
        #expect(summary.inputs == 4 && summary.documents == 4)
        let files = try FileManager.default.subpathsOfDirectory(atPath: fx.path("out")).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 4)
        #expect(files.contains("z.zip/d.txt.json") && files.contains("z.zip/d.txt~2.json") && files.contains("z.zip/_/up.txt.json"))
        #expect(!FileManager.default.fileExists(atPath: fx.path("up.txt.json")))
    }
}
