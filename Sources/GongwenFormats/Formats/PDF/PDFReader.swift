import CPoppler
import Foundation

/// PDF → `PagedText` through poppler: the text layer of every page in reading order, page chrome
/// recognised, broken lines rejoined (see `PageLayout`). A file without a text layer (a scan) is
/// `no-text-layer`: OCR is out of scope.
public enum PDFReader {
    /// Whether the bytes are a PDF (`%PDF` within the first 1 KiB, as readers accept).
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(1024))
        return HTMLText.find(Array("%PDF-".utf8), in: head, from: 0) != nil
    }

    /// Reads a PDF held in memory. Throws `FormatReadFailure` with code `unreadable` (not a PDF
    /// poppler can parse, or encrypted), `too-large` (page count, text or time over `limits`),
    /// `no-text-layer` (no page has text).
    public static func read(bytes: [UInt8], limits: PagedReadLimits = PagedReadLimits()) throws(FormatReadFailure) -> PagedText {
        let started = DispatchTime.now().uptimeNanoseconds
        let result: Result<[PlacedPage], FormatReadFailure> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(FormatReadFailure(BatchErrorCode.empty, "empty file")) }
            var error: Int32 = 0
            guard let doc = cpop_open(base, Int64(buffer.count), &error) else {
                return .failure(error == Int32(CPOP_ENCRYPTED)
                    ? FormatReadFailure(BatchErrorCode.unreadable, "the PDF is encrypted (needs a password)")
                    : FormatReadFailure(BatchErrorCode.unreadable, "not a PDF poppler can read"))
            }
            defer { cpop_close(doc) }
            let count = Int(cpop_page_count(doc))
            if count <= 0 { return .failure(FormatReadFailure(BatchErrorCode.unreadable, "the PDF has no pages poppler can find (a broken page tree?)")) }
            if count > limits.maxPages {
                return .failure(FormatReadFailure(BatchErrorCode.tooLarge, "\(count) pages, over the limit of \(limits.maxPages)"))
            }
            var pages: [PlacedPage] = []
            var textBytes = 0
            for index in 0..<count {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                if elapsed > limits.maxSeconds {
                    return .failure(FormatReadFailure(BatchErrorCode.tooLarge, "reading took over \(Int(limits.maxSeconds)) s (stopped at page \(index + 1) of \(count))"))
                }
                var page = cpop_page()
                var truncated: Int32 = 0
                guard cpop_read_page(doc, Int32(index), Int64(limits.maxTextBytes - textBytes), &page, &truncated) == 0 else {
                    pages.append(PlacedPage(width: 0, height: 0, words: []))
                    continue
                }
                defer { cpop_page_free(&page) }
                if truncated != 0 {
                    return .failure(FormatReadFailure(BatchErrorCode.tooLarge, "more than \(limits.maxTextBytes) bytes of text"))
                }
                textBytes += Int(page.text_length)
                pages.append(placed(page))
            }
            return .success(pages)
        }
        let pages = try result.get()
        guard pages.contains(where: { page in page.words.contains { !$0.text.allSatisfy(\.isWhitespace) } }) else {
            throw FormatReadFailure(FormatReadFailure.noTextLayer,
                                    "the PDF has no text layer (\(pages.count) page\(pages.count == 1 ? "" : "s") of images, a scan?); OCR is not supported")
        }
        return PageLayout.assemble(pages)
    }

    private static func placed(_ page: cpop_page) -> PlacedPage {
        var words: [PlacedWord] = []
        let textLength = Int(page.text_length)
        guard let raw = page.text, let list = page.words, page.word_count > 0 else {
            return PlacedPage(width: page.width, height: page.height, words: [])
        }
        let utf8 = UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self)
        words.reserveCapacity(Int(page.word_count))
        for k in 0..<Int(page.word_count) {
            let w = list[k]
            let start = Int(w.offset), length = Int(w.length)
            guard start >= 0, length > 0, start + length <= textLength else { continue }
            let text = String(decoding: UnsafeBufferPointer(start: utf8 + start, count: length), as: UTF8.self)
            // Rotated words (vertical stamps, margins) are kept with their box as poppler gives it.
            words.append(PlacedWord(text: text, x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, spaceAfter: w.space_after != 0))
        }
        return PlacedPage(width: page.width, height: page.height, words: words)
    }
}
