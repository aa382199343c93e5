import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

/// Legacy Word through antiword/catdoc, run as a child process. Nothing here writes Word 97 files,
/// so `Tests/Fixtures/legacy.doc` is a minimal one made by `scripts/make_doc_fixture.py` and
/// committed; the process handling is tested with stand-in tools, and antiword with files it must
/// refuse.
@Suite("Legacy Word") struct WordTests {
    static let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    @Test func missingToolNamesWhatToInstall() {
        do {
            _ = try LegacyWordReader.read(bytes: Self.ole2, tools: [.init(path: "/nonexistent/antiword", arguments: [])])
            Issue.record("read without a tool")
        } catch {
            #expect(error.code == "unsupported-format")
            #expect(error.message.contains("apt-get install antiword"))
        }
    }

    @Test func wpsThatIsNotWordCompatible() {
        // Not an OLE2 file at all (old Kingsoft formats).
        do {
            _ = try LegacyWordReader.read(bytes: Array("WPS Office 文档".utf8), name: "通知.wps")
            Issue.record("read a non-Word WPS")
        } catch {
            #expect(error.code == "unsupported-format")
            #expect(error.message.contains("WPS"))
        }
        // OLE2 but no Word document inside: antiword refuses it.
        let garbage = Self.ole2 + [UInt8](repeating: 0, count: 4096)
        do {
            _ = try LegacyWordReader.read(bytes: garbage, name: "通知.wps")
            Issue.record("read a broken WPS")
        } catch {
            #expect(error.code == "unsupported-format", "\(error)")
            #expect(error.message.contains("not Word-compatible"))
        }
        do {
            _ = try LegacyWordReader.read(bytes: garbage, name: "通知.doc")
            Issue.record("read a broken .doc")
        } catch {
            #expect(error.code == "unreadable", "\(error)")
        }
    }

    @Test func catdocReadsTheCommittedDoc() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let bytes = Array(try Data(contentsOf: url.appendingPathComponent("Fixtures/legacy.doc")))
        #expect(LegacyWordReader.sniff(bytes))
        let catdoc = LegacyWordReader.Tool.candidates[1]
        #expect(catdoc.path.hasSuffix("catdoc"))
        let text = try LegacyWordReader.read(bytes: bytes, name: "legacy.doc", tools: [catdoc])
        #expect(text == "关于开展科技项目申报工作的通知\n各区县科技局：\n一、申报范围。经费548.74万元，共43人参加。\n二、工作要求\n")
        // With both tools, antiword first: it misreads this minimal file (its FIB as text), so
        // catdoc's plausible output wins.
        #expect(try LegacyWordReader.read(bytes: bytes, name: "legacy.doc") == text)
        #expect(LegacyWordReader.plausibility("ꗬÁࠄሀ¿ࠀࡲ") < 0.9)
        let doc = GongwenParser(options: ParseOptions(format: "doc")).parse(text)
        #expect(doc.title == "关于开展科技项目申报工作的通知")
        #expect(doc.entities.contains { $0.kind == .money && $0.text == "548.74万元" })
        #expect(doc.sections.map(\.marker.text) == ["一、", "二、"])
    }

    @Test func toolOutputIsTheText() throws {
        // `cat` stands in for a tool that writes the document's text.
        let bytes = Self.ole2 + Array("\n关于开展工作的通知\n一、总体要求\n".utf8)
        let text = try LegacyWordReader.read(bytes: bytes, tools: [.init(path: "/bin/cat", arguments: [])])
        #expect(text.hasSuffix("关于开展工作的通知\n一、总体要求\n"))
    }

    @Test func hangingToolIsStopped() {
        // `tail -f` never ends: killed at the time limit, an `unreadable` record.
        do {
            _ = try LegacyWordReader.read(bytes: Self.ole2, tools: [.init(path: "/usr/bin/tail", arguments: ["-f"])],
                                          limits: .init(seconds: 0.5))
            Issue.record("a hanging tool returned")
        } catch {
            #expect(error.code == "unreadable")
            #expect(error.message.contains("took over"))
        }
    }

    @Test func endlessOutputIsBounded() {
        // `yes` writes forever: stopped at the output bound, `too-large`.
        do {
            _ = try LegacyWordReader.read(bytes: Self.ole2, tools: [.init(path: "/usr/bin/yes", arguments: [])],
                                          limits: .init(seconds: 30, maxOutputBytes: 1 << 20))
            Issue.record("endless output returned")
        } catch {
            #expect(error.code == "too-large")
        }
    }
}
