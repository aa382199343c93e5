import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
#if canImport(Glibc)
import Glibc
#endif

/// The output side going wrong: a full disk, a read-only folder, a reader that closes the pipe.
/// Each is reported (exit 1 and one line) or, for the pipe, ends quietly; no partial line is left.
@Suite("Faults: output", .serialized) struct FaultOutputTests {
    /// Every line complete and JSON; nothing after the last newline.
    func expectCompleteLines(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(bytes.isEmpty || bytes.last == 10, sourceLocation: sourceLocation)
        for line in bytes.split(separator: 10) {
            #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil, sourceLocation: sourceLocation)
        }
    }

    @Test func fullDiskStopsWithExit1AndCompleteLines() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try GongwenCLI.tinyCorpus(in: fx.path("in"), count: 400)
        guard let disk = SmallDisk(bytes: 256 << 10) else {
            print("no tmpfs here (mount not permitted): the full disk is checked by the injected write error only")
            return
        }
        defer { disk.remove() }
        let out = disk.path + "/out.jsonl"
        let r = try GongwenCLI.run(["convert", fx.path("in"), "-o", out, "-q", "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr == "gongwen convert: \(out).partial: cannot write: No space left on device\n")
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + ".partial")))
        #expect(written.count > 0 && written.count <= 256 << 10)
        expectCompleteLines(written)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func injectedWriteErrorStopsAtOnce() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try GongwenCLI.tinyCorpus(in: fx.path("in"), count: 200)
        for isolated in [false, true] {
            var options = isolated ? try IsolationFixture.options(jobs: 2) : BatchOptions(jobs: 2)
            options.injectedWriteLimit = 50_000
            let out = fx.path("out\(isolated).jsonl")
            #expect(throws: BatchOutputError.self) { try BatchConverter(options: options).run(inputs: [fx.path("in")], output: .jsonl(out)) }
            let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + ".partial")))
            #expect(written.count > 0 && written.count <= 50_000)
            expectCompleteLines(written)
            // And the cut file resumes to the whole output.
            options.injectedWriteLimit = nil
            options.resume = true
            let summary = try BatchConverter(options: options).run(inputs: [fx.path("in")], output: .jsonl(out))
            #expect(summary.inputs == 200 && summary.documents == 200 && summary.resumed == written.filter { $0 == 10 }.count)
        }
    }

    @Test func readOnlyOutputFolderIsExit1BeforeConverting() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try GongwenCLI.tinyCorpus(in: fx.path("in"), count: 3)
        let folder: String
        var disk: SmallDisk?
        if getuid() == 0 {
            guard let d = SmallDisk(bytes: 64 << 10, readOnly: true) else {
                print("root without mount: a read-only folder cannot be made here; skipped")
                return
            }
            disk = d
            folder = d.path
        } else {
            folder = fx.path("ro")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            chmod(folder, 0o555)
        }
        defer { disk?.remove() }
        let file = try GongwenCLI.run(["convert", fx.path("in"), "-o", folder + "/out.jsonl", "-q"])
        #expect(file.status == 1)
        #expect(file.stderr.hasPrefix("gongwen convert: \(folder)/out.jsonl.partial: cannot write: "))
        #expect(file.stderr.split(separator: "\n").count == 1)
        let dir = try GongwenCLI.run(["convert", fx.path("in"), "-o", folder + "/", "-q"])
        #expect(dir.status == 1)
        #expect(dir.stderr.hasPrefix("gongwen convert: \(folder)/: cannot write: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func closedPipeEndsQuietly() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try GongwenCLI.tinyCorpus(in: fx.path("in"), count: 300)
        for mode in ["", "--in-process"] {
            let r = try GongwenCLI.shell("'\(try GongwenCLI.binary())' convert '\(fx.path("in"))' -o - \(mode) 2>'\(fx.path("err"))' | head -1; echo \"${PIPESTATUS[0]}\"")
            let lines = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n")
            #expect(lines.count == 2, "\(mode)")
            #expect(lines.first?.hasPrefix("{\"schema\":\"gongwen/1\"") == true)
            #expect(lines.last == "141", "killed by SIGPIPE, as any command at the end of a closed pipe (\(mode))")
            #expect(try fx.read("err").isEmpty, "no message (\(mode))")
        }
    }
}
