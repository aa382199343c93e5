import Foundation
import Testing
@testable import Gongwen

/// Every input a fuzzer ever crashed on, committed under `Fuzz/crashes/<target>/`, replayed
/// through what that target calls. A new crash: copy `Tests/Fuzz/artifacts/<target>/crash-*`
/// there, fix, and this suite keeps it fixed.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("crashes")

    static func inputs(_ target: String) -> [URL] {
        let dir = root.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func parseCrashesStayFixed() throws {
        for url in Self.inputs("parse") {
            let doc = GongwenParser().parse(bytes: Array(try Data(contentsOf: url)))
            #expect(CoreInvariants.violations(doc).isEmpty, "\(url.lastPathComponent)")
            _ = GongwenJSON.encode(doc)
        }
    }

    @Test func decodeCrashesStayFixed() throws {
        for url in Self.inputs("decode") {
            if let doc = try? JSONDecoder().decode(Document.self, from: Data(contentsOf: url)) { _ = GongwenJSON.encode(doc) }
        }
    }

    /// The committed fuzz corpora parse soundly too (a cheap regression net, seconds).
    @Test func parseCorpusParsesSoundly() throws {
        let dir = Self.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/parse")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        #expect(!names.isEmpty, "no corpus at \(dir.path)")
        for name in names.sorted().prefix(400) {
            let doc = GongwenParser().parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            #expect(CoreInvariants.violations(doc).isEmpty, "\(name)")
        }
    }
}
