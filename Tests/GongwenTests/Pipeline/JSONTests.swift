import Foundation
import Testing
@testable import Gongwen

/// The gongwen/1 encoder: valid JSON, the contract's fields, exact escaping, stable bytes.
struct JSONTests {
    private func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// Streaming (`GongwenJSON.write`, a megabyte at a time) gives exactly `encode`'s bytes, on a
    /// document large enough to be handed out in many pieces, compact and pretty, with and
    /// without the text.
    @Test func streamedJSONEqualsEncoded() throws {
        let seeds = try SeedCorpus.names.map { try String(contentsOfFile: PipelineCorpus.path($0 + ".txt"), encoding: .utf8) }
        let big = GongwenParser().parse(String(repeating: seeds.joined(separator: "\n"), count: 12))
        for document in [big, GongwenParser().parse(seeds[1]), GongwenParser().parse("")] {
            for (pretty, text) in [(false, true), (true, true), (false, false)] {
                var streamed: [UInt8] = []
                var pieces = 0
                GongwenJSON.write(document, pretty: pretty, includeText: text) { streamed.append(contentsOf: $0); pieces += 1 }
                let whole = GongwenJSON.encode(document, pretty: pretty, includeText: text)
                #expect(streamed == whole)
                if whole.count > 4 << 20 { #expect(pieces >= whole.count >> 20, "handed out a megabyte at a time") }
            }
        }
    }

    @Test func documentHasTheContractFields() throws {
        let text = "关于做好工作的通知\n一、总体要求\n(一)统一思想。\n"
        let d = GongwenParser(options: ParseOptions(path: "a/b.txt")).parse(text)
        let json = try object(GongwenJSON.encode(d))
        #expect(json["schema"] as? String == "gongwen/1")
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["path"] as? String == "a/b.txt")
        #expect(source["encoding"] as? String == "UTF-8")
        #expect(source["bytes"] as? Int == text.utf8.count)
        #expect((source["sha256"] as? String)?.count == 64)
        #expect(json["title"] as? String == "关于做好工作的通知")
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.count == 1)
        #expect(sections[0]["marker"] as? String == "一、")
        #expect(sections[0]["level"] as? Int == 1)
        #expect(sections[0]["ordinal"] as? Int == 1)
        #expect(sections[0]["heading"] as? String == "总体要求")
        let children = try #require(sections[0]["children"] as? [[String: Any]])
        #expect(children.first?["marker"] as? String == "(一)")
        #expect(children.first?["level"] as? Int == 2)
        #expect(json["entities"] is [Any])
        #expect(json["diagnostics"] is [Any])
    }

    @Test func escapingRoundTrips() throws {
        let tricky = "引号\"反斜杠\\制表\t回车\r换行\n控制\u{01}结束"
        let d = GongwenParser().parse(tricky)
        let json = try object(GongwenJSON.encode(d))
        #expect(json["text"] as? String == tricky)
    }

    @Test func prettyAndCompactAgree() throws {
        let d = GongwenParser().parse("一、甲\n二、乙\n")
        let compact = try object(GongwenJSON.encode(d))
        let pretty = try object(GongwenJSON.encode(d, pretty: true))
        #expect(NSDictionary(dictionary: compact).isEqual(to: pretty))
        #expect(!GongwenJSON.encode(d).contains(0x0A))
    }

    @Test func errorRecord() throws {
        let info = SourceInfo(path: "x.pdf", encoding: "binary", bytes: 10, sha256: String(repeating: "0", count: 64))
        let json = try object(GongwenJSON.encodeError(source: info, code: "unsupported-format", message: "PDF"))
        #expect(json["schema"] as? String == "gongwen/1")
        #expect((json["error"] as? [String: Any])?["code"] as? String == "unsupported-format")
    }

    @Test func sameInputSameBytes() throws {
        let text = try String(contentsOfFile: PipelineCorpus.path("003_65ab60eb7075ecb2.txt"), encoding: .utf8)
        #expect(GongwenJSON.encode(GongwenParser().parse(text)) == GongwenJSON.encode(GongwenParser().parse(text)))
    }
}

enum PipelineCorpus {
    /// Repository root, from this file's path (Tests/GongwenTests/Pipeline/…).
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    static func path(_ seed: String) -> String { root + "/Corpus/seeds/" + seed }
}

@Test func integersAndSpansEncodeExactly() throws {
    for v in [0, 7, 10, 99, 100, 12345, 9_007_199_254_740_993, Int.max, -1, -120, Int.min] {
        var w = JSONWriter(pretty: false)
        w.beginArray(); w.int(v); w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[\(v)]")
    }
    var w = JSONWriter(pretty: false)
    w.beginObject(); w.span("span", TextSpan(start: 3012, end: 3020)); w.endObject()
    #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"span":{"start":3012,"end":3020}}"#)
}
