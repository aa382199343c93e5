import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

@Suite("PDF through poppler", .serialized) struct PDFTests {
    /// A seed printed by Chromium reads back as the same document: the chrome (print date and file
    /// name, URL and page numbers) is found on every page and typed as boilerplate, the page map
    /// tiles the text, and outline and entities agree with the text form.
    @Test(arguments: SeedCorpus.names) func seedPrintedToPDFAgreesWithText(seed: String) throws {
        let text = try FormatFixture.seedText(seed)
        let pdf = try FormatFixture.printedPDF(name: "\(seed).txt", contents: text)
        let paged = try PDFReader.read(bytes: pdf)
        #expect(paged.pageCount >= 1)
        try? Data(paged.text.utf8).write(to: FormatFixture.folder.appendingPathComponent("\(seed).extracted.txt"))
        let scalars = Array(paged.text.unicodeScalars)
        func slice(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        // The page map tiles the text, pages in order (a page may come back after a rejoined line).
        var end = 0
        for s in paged.segments {
            #expect(s.range.lowerBound == end)
            end = s.range.upperBound
        }
        #expect(end == scalars.count)
        #expect(Set(paged.segments.map(\.page)) == Set(1...paged.pageCount))
        // Chromium's header and footer on every page, and nothing else, are chrome.
        let chrome = paged.chrome.map(slice)
        #expect(chrome.filter { $0.contains("\(seed).txt") && $0.contains("file://") }.count == paged.pageCount, "\(chrome)")
        #expect(chrome.filter { $0.hasSuffix("/\(paged.pageCount)") }.count == paged.pageCount, "\(chrome)")
        #expect(chrome.filter { $0.contains(":") && ($0.contains("AM") || $0.contains("PM")) }.count == paged.pageCount, "\(chrome)")
        #expect(chrome.count == 2 * paged.pageCount, "\(chrome)")
        // Each chrome line's page is where it was printed: footer k then header k+1.
        for r in paged.chrome where slice(r).hasPrefix("file://") {
            let n = Int(slice(r).split(separator: " ").last!.split(separator: "/").first!)!
            #expect(paged.page(at: r.lowerBound) == n)
        }
        let fromPDF = paged.document(options: ParseOptions(path: "\(seed).pdf", format: "pdf"))
        let fromText = GongwenParser(options: ParseOptions(path: "\(seed).txt")).parse(bytes: text)
        // Chrome is boilerplate, never body; no entity comes from it.
        var boilerplate: [String] = []
        fromPDF.walk { node, _ in
            if case .boilerplate(let b) = node, b.kind == .pageChrome { boilerplate.append(b.text) }
            return true
        }
        #expect(boilerplate.filter { $0.contains("file://") }.count == paged.pageCount, "\(boilerplate)")
        #expect(!fromPDF.entities.contains { $0.text.contains("file://") || $0.text.hasSuffix("AM") })
        #expect(fromPDF.title == fromText.title)
        let a = DocumentSummary(fromText), b = DocumentSummary(fromPDF)
        let outline = DocumentSummary.agreement(a.outline, b.outline)
        let entities = DocumentSummary.agreement(a.entities, b.entities)
        print("PDF agreement \(seed): pages \(paged.pageCount), outline \(String(format: "%.3f", outline.score)) (\(a.outline.count) sections), entities \(String(format: "%.3f", entities.score)) (\(a.entities.count)); text only: \(outline.onlyA + entities.onlyA); PDF only: \(outline.onlyB + entities.onlyB)")
        #expect(outline.score == 1, "outline: text only \(outline.onlyA), PDF only \(outline.onlyB)")
        #expect(entities.score == 1, "entities: text only \(entities.onlyA), PDF only \(entities.onlyB)")
    }

    /// A title set large and centred on two lines is one title; the body's soft-wrapped lines are
    /// rejoined; 发文字号 on the first page is found.
    @Test func twoLineTitleAndDocumentNumber() throws {
        let html = """
        <html><head><meta charset="utf-8"><style>
        body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; margin: 0 }
        h1 { font-size: 22pt; text-align: center; font-weight: normal; width: 10em; margin: 1em auto }
        p { text-indent: 2em; margin: 0 } .num { text-align: center; text-indent: 0 }
        </style></head><body>
        <p class="num">遂科技党组〔2020〕20号</p>
        <h1>关于印发《遂宁市专利权质押融资实施方案》的通知</h1>
        <p style="text-indent:0">各区县科技局：</p>
        <p>现将《遂宁市专利权质押融资实施方案》印发给你们，请结合实际认真贯彻落实。本方案自印发之日起施行，资金共计548.74万元，由市财政统筹安排，各单位应当于2020年5月11日前报送有关材料，逾期不再受理。</p>
        <p>一、加强组织领导</p>
        </body></html>
        """
        let pdf = try FormatFixture.printedPDF(name: "title.html", contents: Array(html.utf8))
        let paged = try PDFReader.read(bytes: pdf)
        let doc = paged.document(options: ParseOptions(format: "pdf"))
        #expect(doc.title == "关于印发《遂宁市专利权质押融资实施方案》的通知", "\(paged.text)")
        #expect(paged.text.contains("请结合实际认真贯彻落实。本方案自印发之日起施行"), "soft-wrapped lines rejoined: \(paged.text)")
        #expect(doc.entities.contains { $0.kind == .documentNumber && $0.text == "遂科技党组〔2020〕20号" })
        #expect(doc.entities.contains { $0.kind == .money && $0.text == "548.74万元" })
        #expect(doc.sections.first?.marker.text == "一、")
    }

    @Test func scanWithoutTextLayerIsAnErrorRecord() throws {
        let pdf = try FormatFixture.scannedPDF()
        #expect(throws: FormatReadFailure.self) { try PDFReader.read(bytes: pdf) }
        do { _ = try PDFReader.read(bytes: pdf) } catch {
            #expect(error.code == "no-text-layer")
            #expect(error.message.contains("OCR"))
        }
    }

    // MARK: Hostile files

    /// A minimal PDF with the given objects (1-based, in order), a correct xref table and trailer.
    static func pdf(_ objects: [String]) -> [UInt8] {
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (k, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(k + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    static let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    static let content = "<< /Length 44 >>\nstream\nBT /F1 12 Tf 20 100 Td (Hello page) Tj ET\nendstream"
    static let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

    @Test func plainPDFReads() throws {
        let bytes = Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Self.page, Self.content, Self.font])
        #expect(PDFReader.sniff(bytes))
        let paged = try PDFReader.read(bytes: bytes)
        #expect(paged.text == "Hello page\n")
        #expect(paged.segments == [PageSegment(page: 1, range: 0..<11)])
    }

    @Test func hugePageCountIsTooLarge() throws {
        let bytes = Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>", Self.page, Self.content, Self.font])
        do {
            let paged = try PDFReader.read(bytes: bytes, limits: PagedReadLimits(maxPages: 1000))
            // poppler may refuse the declared count and read the one page there is.
            #expect(paged.pageCount <= 1000)
        } catch {
            #expect(error.code == "too-large" || error.code == "unreadable", "\(error)")
        }
    }

    @Test func manyRealPagesAreTooLarge() throws {
        // 6000 distinct pages: over the limit before any is read.
        let n = 6000
        let kids = (0..<n).map { "\($0 + 5) 0 R" }.joined(separator: " ")
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
        let bytes = Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [\(kids)] /Count \(n) >>", Self.content, Self.font]
            + Array(repeating: page, count: n))
        do {
            let paged = try PDFReader.read(bytes: bytes, limits: PagedReadLimits(maxPages: 1000))
            Issue.record("read \(paged.pageCount) pages")
        } catch {
            #expect(error.code == "too-large", "\(error)")
            #expect(error.message.contains("6000 pages"))
        }
    }

    @Test func pageTreeLoopEndsInARecord() throws {
        // The page tree's kid is the tree itself.
        let bytes = Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", Self.page, Self.content, Self.font])
        do {
            let paged = try PDFReader.read(bytes: bytes)
            #expect(paged.text.contains("Hello page"))
        } catch {
            #expect(["unreadable", "no-text-layer"].contains(error.code), "\(error)")
        }
    }

    @Test func garbageAndTruncationAreUnreadable() throws {
        for bytes in [Array("%PDF-1.4\nnot really".utf8), Array(Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>"]).prefix(20)), [UInt8](repeating: 0x25, count: 3)] {
            #expect(throws: FormatReadFailure.self) { try PDFReader.read(bytes: bytes) }
        }
    }

    @Test func oneEntryPointForTheFormatLayer() throws {
        let bytes = Self.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", Self.page, Self.content, Self.font])
        #expect(FixedLayoutFormats.detect(name: "a/b.bin", bytes: bytes) == "pdf")
        #expect(FixedLayoutFormats.detect(name: "x.ofd", bytes: [0x50, 0x4B, 3, 4]) == "ofd")
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        #expect(FixedLayoutFormats.detect(name: "x.WPS", bytes: ole) == "wps")
        // A `.wps` or `.doc` that is not an OLE file is read by its content, like any other name.
        #expect(FixedLayoutFormats.detect(name: "x.wps", bytes: Array("通知".utf8)) == nil)
        #expect(FixedLayoutFormats.detect(name: "x.doc", bytes: Array("通知".utf8)) == nil)
        #expect(FixedLayoutFormats.detect(name: "x", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == "doc")
        #expect(FixedLayoutFormats.detect(name: "x.txt", bytes: Array("text".utf8)) == nil)
        let converted = try FixedLayoutFormats.convert(bytes: bytes, format: "pdf", options: ParseOptions(path: "a.pdf"), sha256: "abc")
        #expect(converted.document.source.format == "pdf")
        #expect(converted.document.source.bytes == bytes.count)
        #expect(converted.document.source.sha256 == "abc")
        #expect(converted.document.source.path == "a.pdf")
        #expect(converted.document.text == "Hello page\n")
        #expect(converted.pages?.segments == [PageSegment(page: 1, range: 0..<11)])
    }

    @Test func pageMapLookup() {
        let p = PagedText(text: "ab\ncd\n", pageCount: 2, segments: [PageSegment(page: 1, range: 0..<3), PageSegment(page: 2, range: 3..<6)], chrome: [])
        #expect(p.page(at: 0) == 1)
        #expect(p.page(at: 2) == 1)
        #expect(p.page(at: 3) == 2)
        #expect(p.page(at: 6) == nil)
    }
}

@Suite("PDF throughput") struct PDFThroughputTests {
    /// Prints pages per second for the seeds printed to PDF (reader and layout, not the parse);
    /// measured, not asserted: the machine is shared.
    @Test func pagesPerSecond() throws {
        var pdfs: [[UInt8]] = []
        for seed in SeedCorpus.names {
            pdfs.append(try FormatFixture.printedPDF(name: "\(seed).txt", contents: try FormatFixture.seedText(seed)))
        }
        var pages = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = clock()
        for _ in 0..<5 {
            for pdf in pdfs { pages += try PDFReader.read(bytes: pdf).pageCount }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        print("PDF throughput: \(pages) pages in \(String(format: "%.2f", seconds)) s wall = \(String(format: "%.0f", Double(pages) / seconds)) pages/s; \(String(format: "%.2f", cpu)) s CPU = \(String(format: "%.0f", Double(pages) / cpu)) pages/CPU-s")
        #expect(pages == 5 * 13)
    }
}
