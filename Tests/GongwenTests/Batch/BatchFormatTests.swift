import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

@Suite("Batch formats") struct BatchFormatTests {
    @Test func htmlTextAndMainContent() throws {
        let page = HTMLText.extract(BatchFixture.gb18030(BatchFixture.htmlPage))
        #expect(page.encoding == "GB18030")
        let text = page.text
        #expect(!text.contains("不应出现"))
        #expect(!text.contains("<"))
        #expect(text.contains("首页 > 通知公告 > 正文"))
        #expect(text.contains("各区县科技局："))
        #expect(text.contains("经费548.74万元&配套资金"))
        #expect(text.contains("中文材料"))
        #expect(text.contains("\n一、申报范围"), "nbsp indentation dropped at line start")
        #expect(text.contains("二、工作要求\n请于2020年5月11日前"), "<br> is a line break")
        #expect(text.contains("联系人 张三"))
        #expect(!text.contains("\n\n\n"))
        let main = try #require(page.main)
        let scalars = Array(text.unicodeScalars)
        let mainText = String(String.UnicodeScalarView(scalars[main]))
        #expect(mainText.hasPrefix("关于开展科技项目申报工作的通知"), "the heading before the body is part of the main content")
        #expect(mainText.contains("2020年5月12日"))
        #expect(!mainText.contains("首页"))
        #expect(!mainText.contains("版权所有"))
    }

    @Test func htmlCharsetDeclarations() {
        #expect(HTMLText.declaredCharset(Array(#"<html><head><meta charset="GBK"></head>"#.utf8)) == "gbk")
        #expect(HTMLText.declaredCharset(Array(#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />"#.utf8)) == "gb2312")
        #expect(HTMLText.declaredCharset(Array(#"<?xml version="1.0" encoding="Big5"?><html>"#.utf8)) == "big5")
        #expect(HTMLText.declaredCharset(Array("<p>charset=utf-8 in text</p>".utf8)) == nil)
        // Declared GBK but actually UTF-8 (re-saved): UTF-8 wins.
        let page = HTMLText.extract(Array(#"<html><head><meta charset="gbk"></head><body><p>遂宁市科学技术局</p></body></html>"#.utf8))
        #expect(page.text == "遂宁市科学技术局\n")
        // Big5 page.
        let big5 = HTMLText.extract(BatchFixture.big5(#"<html><head><meta charset="big5"></head><body><p>關於開展工作的通知</p></body></html>"#))
        #expect(big5.text == "關於開展工作的通知\n")
        #expect(big5.encoding == "Big5")
    }

    @Test func htmlEntities() {
        let page = HTMLText.extract(text: "<p>a&lt;b&gt;c &quot;d&quot; &#39;e&#39; &#x4E2D;&#25991; &copy; &unknown; &amp;amp; AT&T</p>")
        #expect(page.text == "a<b>c \"d\" 'e' 中文 © &unknown; &amp; AT&T\n")
    }

    @Test func htmlPageConvertsAsDocument() throws {
        let converter = BatchConverter(options: BatchOptions(jobs: 1))
        guard case .document(let doc) = converter.convert(bytes: BatchFixture.gb18030(BatchFixture.htmlPage), path: "page.html") else {
            Issue.record("not a document")
            return
        }
        #expect(doc.source.format == "html")
        #expect(doc.source.encoding == "GB18030")
        #expect(doc.source.bytes == BatchFixture.gb18030(BatchFixture.htmlPage).count)
        #expect(doc.source.sha256 == SHA256.hex(of: BatchFixture.gb18030(BatchFixture.htmlPage)))
        #expect(doc.text.contains("经费548.74万元"))
        // Page furniture outside the main content is boilerplate, not body.
        var boilerplate: [String] = []
        doc.walk { node, _ in
            if case .boilerplate(let b) = node { boilerplate.append(b.text) }
            return true
        }
        #expect(boilerplate.contains { $0.contains("版权所有") })
        #expect(boilerplate.contains { $0.contains("首页") })
        #expect(!boilerplate.contains { $0.contains("经费") })
        // Entities found in the furniture are dropped.
        #expect(!doc.entities.contains { $0.text.contains("5109000001") })
    }

    @Test func docxParagraphsAndNumbering() throws {
        let text = try DocxText.extract(try BatchFixture.docx(), limits: ZipLimits(maxBytes: 1 << 20, maxRatio: 1000))
        #expect(text == """
        关于开展科技项目申报工作的通知
        一、申报范围
        经费548.74万元，共43人参加&培训。\t附
        二、工作要求
        （一）统一思想
        第一行
        第二行

        """)
        let converter = BatchConverter(options: BatchOptions(jobs: 1))
        guard case .document(let doc) = converter.convert(bytes: try BatchFixture.docx(), path: "r.docx") else {
            Issue.record("not a document")
            return
        }
        #expect(doc.source.format == "docx")
        #expect(doc.text == text)
    }

    @Test func docxTextBoxesAndFallbacks() {
        let xml = """
        <w:body><w:p><w:r><w:t>前文</w:t></w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:r><w:t>后文</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>末段</w:t></w:r></w:p></w:body>
        """
        #expect(DocxText.text(documentXML: Array(xml.utf8)) == "文本框\n前文后文\n\n末段\n")
    }

    @Test func htmlWithoutHeadEnd() {
        let page = HTMLText.extract(text: "<html><head><title>标题</title><meta charset=utf-8><body><p>正文内容</p></body></html>")
        #expect(page.text == "正文内容\n")
        let unclosed = HTMLText.extract(text: "<p>第一段<textarea>表单里的字")
        #expect(unclosed.text == "第一段\n表单里的字\n" || unclosed.text == "第一段表单里的字\n")
    }

    @Test func docxNumberFormats() {
        #expect(DocxText.Numbering.format(3, as: "chineseCounting") == "三")
        #expect(DocxText.Numbering.format(12, as: "chineseCountingThousand") == "十二")
        #expect(DocxText.Numbering.format(20, as: "chineseCounting") == "二十")
        #expect(DocxText.Numbering.format(2, as: "decimalEnclosedCircle") == "②")
        #expect(DocxText.Numbering.format(4, as: "upperRoman") == "IV")
        #expect(DocxText.Numbering.format(28, as: "lowerLetter") == "bb")
    }

    @Test func notADocx() {
        let converter = BatchConverter(options: BatchOptions(jobs: 1))
        guard case .failure(_, let code, _) = converter.convert(bytes: (try? BatchFixture.zip([("a.txt", [65])])) ?? [], path: "fake.docx") else {
            Issue.record("expected an error")
            return
        }
        #expect(code == "unsupported-format")
    }

    @Test func tarReaderFormats() throws {
        let long = String(repeating: "目录/", count: 30) + "文件.txt"
        let tar = TarWriter.archive([("a.txt", Array("hello".utf8)), (long, Array("world".utf8))])
        let reader = TarReader(MemorySource(tar))
        let first = try #require(try reader.next())
        #expect(first.name == "a.txt")
        #expect(try reader.readBody(limit: 100) == Array("hello".utf8))
        let second = try #require(try reader.next())
        #expect(second.name == long)
        // Body not read: skipped by next().
        #expect(try reader.next() == nil)

        // pax path and a directory entry.
        var pax: [UInt8] = []
        let record = "path=pax/名字.txt\n"
        let len = record.utf8.count + 3
        let body = Array("\(len) \(record)".utf8)
        #expect(body.count == len)
        pax += TarWriter.header(name: Array("PaxHeader".utf8), size: body.count, type: UInt8(ascii: "x"))
        pax += body + [UInt8](repeating: 0, count: 512 - body.count)
        pax += TarWriter.header(name: Array("short".utf8), size: 2, type: UInt8(ascii: "0"))
        pax += Array("ok".utf8) + [UInt8](repeating: 0, count: 510)
        pax += TarWriter.header(name: Array("dir/".utf8), size: 0, type: UInt8(ascii: "5"))
        pax += [UInt8](repeating: 0, count: 1024)
        let paxReader = TarReader(MemorySource(pax))
        #expect(try paxReader.next()?.name == "pax/名字.txt")
        #expect(try paxReader.readBody(limit: 10) == Array("ok".utf8))
        #expect(try paxReader.next() == nil)

        // Truncated inside a body.
        let cut = TarReader(MemorySource(Array(tar.prefix(512 + 3))))
        _ = try cut.next()
        #expect(throws: BatchFailure.self) { try cut.readBody(limit: 100) }
        // Bad checksum.
        var bad = tar
        bad[0] = UInt8(ascii: "b")
        #expect(throws: BatchFailure.self) { try TarReader(MemorySource(bad)).next() }
        // GNU base-256 size.
        #expect(TarReader.number([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00]) == 256)
        #expect(TarReader.number(Array("0000644 \0".utf8)[...]) == 0o644)
    }

    @Test func gzipStreams() throws {
        let data = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let gz = try GzipWriter.compress(data)
        #expect(try Gzip.decompress(gz, limit: 1 << 20) == data)
        // Two members back to back decompress as one stream.
        let two = try GzipWriter.compress(Array("ab".utf8)) + GzipWriter.compress(Array("cd".utf8))
        #expect(try Gzip.decompress(two, limit: 100) == Array("abcd".utf8))
        #expect(throws: BatchFailure.self) { try Gzip.decompress(Array(gz.prefix(gz.count - 10)), limit: 1 << 20) }
        #expect(throws: BatchFailure.self) { try Gzip.decompress(gz, limit: 1000) }
        // Streaming in small reads.
        let source = try GzipSource(MemorySource(gz))
        var got: [UInt8] = []
        while true {
            let chunk = try source.read(777)
            if chunk.isEmpty { break }
            got += chunk
        }
        #expect(got == data)
    }

    @Test func binaryDetection() {
        #expect(Formats.looksBinary(BatchFixture.binary))
        #expect(!Formats.looksBinary(Array(BatchFixture.notice.utf8)))
        #expect(!Formats.looksBinary(BatchFixture.gb18030(BatchFixture.notice)))
        #expect(!Formats.looksBinary(BatchFixture.big5(BatchFixture.traditional)))
        #expect(!Formats.looksBinary(BatchFixture.utf16LE(BatchFixture.notice)))
        // UTF-16LE without a byte-order mark.
        #expect(!Formats.looksBinary(Array(BatchFixture.utf16LE("通知 2020\n一、要求").dropFirst(2))))
        func label(_ d: Detected) -> String? { if case .unsupported(let label, _) = d { label } else { nil } }
        #expect(label(Formats.detect(name: "x.txt", bytes: Array("%PDF-1.7".utf8))) == "pdf")
        #expect(label(Formats.detect(name: "photo.JPG", bytes: [1, 2, 3])) == "image")
        #expect(Formats.detect(name: "a.txt", bytes: Array("hello".utf8)) == .text)
        #expect(Formats.detect(name: "page.txt", bytes: Array("<!DOCTYPE html><html>".utf8)) == .html)
    }

    @Test func memberNamesInGBK() {
        #expect(decodeName(BatchFixture.gb18030("通知.txt")) == "通知.txt")
        #expect(decodeName(Array("通知.txt".utf8)) == "通知.txt")
    }
}
