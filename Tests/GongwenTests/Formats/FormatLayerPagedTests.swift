import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

/// PDF goes through the one input path like every other format: `DocumentReader` (which `parse`,
/// `outline`, `entities`, `view` and `convert` all call) records the format and the page map, and
/// the document round-trips through gongwen/1 with its pages.
@Suite struct FormatLayerPagedTests {
    @Test func aPDFReadsThroughTheOneInputPathWithItsPages() throws {
        let second = PDFTests.page.replacingOccurrences(of: "/Contents 4 0 R", with: "/Contents 7 0 R")
        let text2 = "<< /Length 47 >>\nstream\nBT /F1 12 Tf 20 100 Td (Second sheet) Tj ET\nendstream"
        let two = PDFTests.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
                                PDFTests.page, PDFTests.content, PDFTests.font, second, text2])
        let doc = try DocumentReader.read(bytes: two, name: "a/report.bin", options: ParseOptions(path: "a/report.bin"))
        #expect(doc.source.format == .pdf && doc.source.encoding == "UTF-8" && doc.source.bytes == two.count)
        let pages = try #require(doc.source.pages)
        #expect(pages.map(\.page) == pages.map(\.page).sorted() && pages.first?.page == 1 && pages.last?.page == 2)
        // The page map tiles the text.
        var at = 0
        for p in pages {
            #expect(p.span.start == at)
            at = p.span.end
        }
        #expect(at == doc.text.unicodeScalars.count)
        guard case .document(let back) = try GongwenJSON.decode(GongwenJSON.encode(doc)) else { Issue.record("not a document"); return }
        #expect(back == doc)
    }

    @Test func aScanIsAnErrorRecordCode() {
        let empty = PDFTests.pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"])
        do throws(FormatError) {
            _ = try DocumentReader.read(bytes: empty, name: "scan.pdf")
            Issue.record("a page without text became a document")
        } catch {
            #expect(error.code == ErrorCode.noTextLayer.rawValue && error.format == "pdf")
        }
    }
}
