import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// The one input path: detection from the bytes, and the same document whichever command reads it.
@Suite("Format reader") struct FormatReaderTests {
    static let notice = "关于开展科技项目申报工作的通知\n各区县科技局：\n一、申报范围\n经费548.74万元，共43人参加。\n遂宁市科学技术局\n2020年5月12日\n"

    func code(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as FormatError { return error.code } catch { return "not a FormatError: \(error)" }
    }

    @Test func inlineTagsMakeATextFileHTML() throws {
        let page = Array("<p>关于开展工作的<b>通知</b></p><br />一、总体要求<br />做好工作。\n".utf8)
        #expect(Formats.detect(name: "a.txt", bytes: page) == .html)
        let doc = try DocumentReader.read(bytes: page, name: "a.txt")
        #expect(doc.source.format == "html")
        #expect(!doc.text.contains("<"))
        #expect(doc.title == "关于开展工作的通知")
        // One `<` before a word is not a tag soup; plain text stays text.
        #expect(Formats.detect(name: "a.txt", bytes: Array("占比<5%，a<b 且 x>y\n".utf8)) == .text)
        #expect(Formats.detect(name: "a.txt", bytes: Array("见<附件>一份\n".utf8)) == .text)
    }

    @Test func binaryFormatsAreRefusedWithTheirLabel() {
        func refused(_ bytes: [UInt8], _ name: String = "x.txt") -> String? {
            if case .unsupported(let label, _) = Formats.detect(name: name, bytes: bytes) { return label }
            return nil
        }
        #expect(refused([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 100)) == "executable")
        #expect(refused(Array("%PDF-1.7\n".utf8)) == "pdf")
        #expect(refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]) == "doc")
        #expect(refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], "a.xls") == "spreadsheet")
        #expect(refused([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) == "image")
        #expect(refused(try! GzipWriter.compress(Array("x".utf8))) == "gzip")
        #expect(refused(TarWriter.archive([("a.txt", Array("hi".utf8))])) == "tar")
        #expect(refused((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }) == "binary")
        // A text named `.doc` (sites serve HTML and text that way) is read by its content.
        #expect(Formats.detect(name: "a.doc", bytes: Array(Self.notice.utf8)) == .text)
        #expect(Formats.detect(name: "a.doc", bytes: Array("<html><body><p>通知</p></body></html>".utf8)) == .html)
    }

    @Test func readerErrorsCarryTheErrorRecordCodes() throws {
        #expect(code { _ = try DocumentReader.read(bytes: []) } == BatchErrorCode.empty)
        // PDFs are read through poppler now: a header and nothing else cannot be.
        #expect(code { _ = try DocumentReader.read(bytes: Array("%PDF-1.4".utf8), name: "scan.pdf") } == BatchErrorCode.unreadable)
        let zip = try ZipWriter.archive([ZipMember("a.txt", Array("通知".utf8))])
        do throws(FormatError) {
            _ = try DocumentReader.read(bytes: zip, name: "n.docx")
            Issue.record("a zip without word/document.xml read as a document")
        } catch {
            #expect(error.code == BatchErrorCode.unsupportedFormat)
            #expect(error.format == "zip")
        }
        #expect(code { _ = try DocumentReader.read(bytes: Array(Self.notice.utf8), limits: ReadLimits(maxBytes: 10)) } == BatchErrorCode.tooLarge)
        #expect(code { _ = try DocumentReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/a.txt")) } == BatchErrorCode.unreadable)
        #expect(code { _ = try DocumentReader.read(contentsOf: URL(fileURLWithPath: "/tmp")) } == BatchErrorCode.unsupportedFormat)
        #expect(code { _ = try DocumentReader.read(contentsOf: URL(string: "https://example.com/a.txt")!) } == BatchErrorCode.unreadable)
    }

    @Test func docxAndHTMLAreReadWithTheirFormat() throws {
        let docx = try DocumentReader.read(bytes: try BatchFixture.docx(), name: "n.docx")
        #expect(docx.source.format == "docx")
        #expect(docx.text.hasPrefix("关于开展科技项目申报工作的通知\n一、申报范围"))
        // By content: the same bytes under another name are still a Word document.
        #expect(try DocumentReader.read(bytes: try BatchFixture.docx(), name: "download.bin").source.format == "docx")
        let page = try DocumentReader.read(bytes: BatchFixture.gb18030(BatchFixture.htmlPage), name: "page.html")
        #expect(page.source.format == "html")
        #expect(page.source.encoding == "GB18030")
        #expect(page.entities.contains { $0.text == "548.74万元" })
        #expect(!page.entities.contains { $0.text.contains("5109000001") }, "facts in page chrome are dropped")
        let extracted = try DocumentReader.extract(bytes: BatchFixture.gb18030(BatchFixture.htmlPage), format: .html)
        #expect(extracted.regions.map(\.kind) == [.pageChrome, .mainContent, .pageChrome])
        #expect(extracted.regions.first?.span.start == 0)
        #expect(extracted.regions.last?.span.end == extracted.text.unicodeScalars.count)
    }

    @Test func convertAndTheReaderGiveTheSameDocument() throws {
        let inputs: [(String, [UInt8])] = [
            ("a.txt", BatchFixture.gb18030(Self.notice)),
            ("page.html", BatchFixture.gb18030(BatchFixture.htmlPage)),
            ("inline.txt", Array("<p>关于开展工作的通知</p><p>一、总体要求</p>".utf8)),
            ("n.docx", try BatchFixture.docx()),
        ]
        let converter = BatchConverter(options: BatchOptions(jobs: 1))
        for (name, bytes) in inputs {
            var options = ParseOptions()
            options.path = name
            let read = try DocumentReader.read(bytes: bytes, name: name, options: options)
            guard case .document(let converted) = converter.convert(bytes: bytes, path: name) else {
                Issue.record("\(name) did not convert")
                continue
            }
            #expect(GongwenJSON.encode(read) == GongwenJSON.encode(converted), "\(name)")
        }
    }

    @Test func forcedEncodingAppliesToPagesToo() throws {
        let page = BatchFixture.big5("<html><body><p>關於開展工作的通知</p></body></html>")
        var options = ParseOptions()
        options.encoding = "Big5"
        let doc = try DocumentReader.read(bytes: page, name: "p.html", options: options)
        #expect(doc.source.encoding == "Big5")
        #expect(doc.text == "關於開展工作的通知\n")
        #expect(DocumentReader.isKnownEncoding("GBK"))
        #expect(DocumentReader.isKnownEncoding("utf-16le"))
        #expect(!DocumentReader.isKnownEncoding("NOPE"))
    }
}
