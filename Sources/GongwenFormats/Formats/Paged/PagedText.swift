/// Text read from a fixed-layout document (PDF, OFD): one string for the parser, which page each
/// part came from, and which lines are page chrome (running headers, footers, page numbers).
public struct PagedText: Sendable, Hashable {
    /// The extracted text: what every span of the parsed document points into.
    public var text: String
    /// Pages in the file (including pages without text).
    public var pageCount: Int
    /// The page each part of `text` came from, in text order; the ranges (Unicode scalars of
    /// `text`) tile it. A page has more than one segment when a paragraph broken across a page
    /// break was rejoined: the continuation on the next page comes first, then the chrome lines of
    /// the break (footer of one page, header of the next), then the rest of the page.
    public var segments: [PageSegment]
    /// Lines recognised as page chrome, in Unicode scalars of `text` (line break excluded): they
    /// become `boilerplate` nodes of kind `pageChrome`.
    public var chrome: [Range<Int>]

    public init(text: String, pageCount: Int, segments: [PageSegment], chrome: [Range<Int>]) {
        self.text = text
        self.pageCount = pageCount
        self.segments = segments
        self.chrome = chrome
    }

    /// The page (1-based) the scalar at `offset` came from.
    public func page(at offset: Int) -> Int? {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < segments.count && segments[lo].range.contains(offset) ? segments[lo].page : nil
    }
}

/// A run of the extracted text that came from one page.
public struct PageSegment: Sendable, Hashable {
    /// 1-based page number.
    public var page: Int
    /// Unicode scalars of `PagedText.text`.
    public var range: Range<Int>

    public init(page: Int, range: Range<Int>) {
        self.page = page
        self.range = range
    }
}

/// Why a document could not be read; `code` is the error record's `error.code`.
public struct FormatReadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// A PDF or OFD without text (a scan): OCR is out of scope.
    public static let noTextLayer = "no-text-layer"
}

/// Bounds for reading one untrusted file.
public struct PagedReadLimits: Sendable, Hashable {
    /// More pages than this is `too-large` (checked before any page is read).
    public var maxPages: Int
    /// More extracted text than this (UTF-8 bytes) is `too-large`.
    public var maxTextBytes: Int
    /// Wall-clock budget for the whole file; over it is `too-large`.
    public var maxSeconds: Double

    public init(maxPages: Int = 5000, maxTextBytes: Int = 64 << 20, maxSeconds: Double = 60) {
        self.maxPages = maxPages
        self.maxTextBytes = maxTextBytes
        self.maxSeconds = maxSeconds
    }
}

/// A word placed on a page: its text and box (any unit, y growing downwards).
struct PlacedWord: Sendable {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double
    var spaceAfter: Bool

    var height: Double { y1 - y0 }
    var centerY: Double { (y0 + y1) / 2 }
}

struct PlacedPage: Sendable {
    var width: Double
    var height: Double
    var words: [PlacedWord]
}
