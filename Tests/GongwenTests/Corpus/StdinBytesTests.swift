import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

/// `--stdin-jsonl` lines carrying the input's own bytes go through the format layer.
@Suite("stdin-jsonl bytes_base64") struct StdinBytesTests {
    @Test func bytesGoThroughTheFormatLayer() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        let page = "<!DOCTYPE html><html><head><meta charset=\"gbk\"></head><body><div class=\"content\">\(BatchFixture.notice.replacingOccurrences(of: "\n", with: "<br>"))</div></body></html>"
        let lines = [
            #"{"id":"a","path":"a.txt","bytes_base64":"\#(Data(BatchFixture.gb18030(BatchFixture.notice)).base64EncodedString())"}"#,
            #"{"id":"b","path":"b.html","bytes_base64":"\#(Data(BatchFixture.gb18030(page)).base64EncodedString())"}"#,
            #"{"id":"c","bytes_base64":"@@ not base64 @@"}"#,
            #"{"id":"d","path":"d.pdf","bytes_base64":"\#(Data("%PDF-1.4 x".utf8).base64EncodedString())"}"#,
            #"{"id":"e","text":"关于开展工作的通知\n一、工作要求\n"}"#,
        ]
        final class Feed: @unchecked Sendable {
            var lines: [String]
            init(_ lines: [String]) { self.lines = lines }
            func next() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
        }
        let feed = Feed(lines)
        let out = fx.path("out.jsonl")
        let summary = try BatchConverter(options: BatchOptions(jobs: 2)).runJSONLines(readLine: { feed.next() }, output: .jsonl(out))
        #expect(summary.inputs == lines.count)
        let records = try fx.read("out.jsonl").split(separator: 10).map { try GongwenJSON.decode($0) }
        #expect(records.count == lines.count)
        guard case .document(let a) = records[0], case .document(let b) = records[1],
              case .error(let c) = records[2], case .error(let d) = records[3], case .document(let e) = records[4] else {
            Issue.record("unexpected records: \(records)")
            return
        }
        #expect(a.source.encoding == "GB18030" && a.source.id == "a" && a.title == "关于开展2020年度科技项目申报工作的通知")
        #expect(b.source.format.rawValue == "html" && b.entities.contains { $0.kind == .money })
        #expect(c.code.rawValue == BatchErrorCode.badInput && c.source.id == "c")
        #expect(d.code.rawValue == BatchErrorCode.unreadable, "a PDF header and nothing else: poppler cannot read it")
        #expect(e.source.id == "e")
    }
}
