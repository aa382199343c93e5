import Foundation
import Gongwen

/// What one input may expand to: its size, and for archive members inside it (a `.docx` is a zip)
/// the compression ratio above which a member over 1 MiB counts as a bomb.
public struct ReadLimits: Sendable, Hashable {
    public var maxBytes: Int
    public var maxCompressionRatio: Int

    public init(maxBytes: Int = 64 << 20, maxCompressionRatio: Int = 1000) {
        self.maxBytes = maxBytes
        self.maxCompressionRatio = maxCompressionRatio
    }

    var zip: ZipLimits { ZipLimits(maxBytes: maxBytes, maxRatio: maxCompressionRatio) }
}

/// The one input path: a file's bytes → its format (judged by content first, `Formats.detect`)
/// → text with a map of its regions → the core parser → a document. `gongwen parse`, `outline`,
/// `entities` and every input of `convert` go through here, so they give the same document for
/// the same file.
///
/// ```swift
/// let document = try DocumentReader.read(contentsOf: URL(fileURLWithPath: "page.html"))
/// ```
public enum DocumentReader {
    /// Reads a file: plain text (any encoding the core detects), HTML or `.docx`. Throws
    /// `FormatError` for I/O failures and for formats it cannot read alike. `options.path` (for
    /// `source.path`) defaults to the file's path.
    public static func read(contentsOf url: URL, options: ParseOptions = .init(), limits: ReadLimits = .init()) throws(FormatError) -> Document {
        guard url.isFileURL else {
            throw FormatError(code: BatchErrorCode.unreadable, message: "not a file URL: \(url.absoluteString)")
        }
        let path = url.path
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path, limit: limits.maxBytes) } catch let failure as BatchFailure {
            throw FormatError(failure, format: Formats.label(forName: path))
        } catch {
            throw FormatError(code: BatchErrorCode.unreadable, message: "\(error)", format: Formats.label(forName: path))
        }
        var options = options
        if options.path == nil { options.path = path }
        // Handing the bytes on (not copying them) lets the parser free them once decoded.
        return try read(bytes: consume bytes, name: path, options: options, limits: limits, sha256: nil, forcedFormat: nil)
    }

    /// Reads bytes already in memory. `name` (a file name or path) is a hint only, used where the
    /// bytes say nothing: an `.html` name for a page without tags. Defaults to `options.path`.
    public static func read(bytes: [UInt8], name: String? = nil, options: ParseOptions = .init(),
                            limits: ReadLimits = .init()) throws(FormatError) -> Document {
        try read(bytes: bytes, name: name, options: options, limits: limits, sha256: nil, forcedFormat: nil)
    }

    /// The format of some bytes, or the error reading them would give.
    public static func detect(bytes: [UInt8], name: String? = nil) throws(FormatError) -> DocumentFormat {
        if bytes.isEmpty { throw FormatError(code: BatchErrorCode.empty, message: "empty file (0 bytes)", format: Formats.label(forName: name ?? "")) }
        switch Formats.detect(name: name ?? "", bytes: bytes) {
        case .text: return .text
        case .html: return .html
        case .zip: return .docx
        case .unsupported(let label, let message):
            throw FormatError(code: BatchErrorCode.unsupportedFormat, message: message, format: label, bytes: bytes.count)
        }
    }

    /// HTML or `.docx` bytes as text with its regions (for plain text, the core decodes the bytes
    /// itself: use `read`).
    public static func extract(bytes: [UInt8], format: DocumentFormat, encoding: String? = nil,
                               limits: ReadLimits = .init()) throws(FormatError) -> ExtractedText {
        switch format {
        case .text:
            let decoded = SourceDecoder.decode(bytes, forcedEncoding: encoding)
            return ExtractedText(text: decoded.text, format: .text, encoding: decoded.encoding, regions: [], diagnostics: decoded.diagnostics)
        case .html:
            // libxml2's HTML parser (behind a linear nesting pre-scan); the hand-written tokenizer
            // is only its fallback for a page libxml2 cannot take.
            let page = HTMLTree.extract(bytes, forcedEncoding: encoding)
            let length = page.text.unicodeScalars.count
            return ExtractedText(text: page.text, format: .html, encoding: page.encoding,
                                 regions: ExtractedText.regions(main: page.main, length: length), diagnostics: page.diagnostics)
        case .docx:
            do {
                let text = try DocxText.extract(bytes, limits: limits.zip)
                return ExtractedText(text: text, format: .docx, encoding: "UTF-8", regions: [], diagnostics: [])
            } catch let failure as BatchFailure {
                let notWord = failure.code == BatchErrorCode.unsupportedFormat
                throw FormatError(failure, format: notWord ? "zip" : "docx")
            } catch {
                throw FormatError(code: BatchErrorCode.unreadable, message: "\(error)", format: "docx", bytes: bytes.count)
            }
        }
    }

    /// The whole path, with what `convert` already knows: the bytes' SHA-256 (also its resume key)
    /// and a format given with the input (`--stdin-jsonl` `"format": "html"`).
    static func read(bytes: consuming [UInt8], name: String?, options: ParseOptions, limits: ReadLimits,
                     sha256: String?, forcedFormat: DocumentFormat?) throws(FormatError) -> Document {
        let name = name ?? options.path ?? ""
        if bytes.count > limits.maxBytes {
            throw FormatError(code: BatchErrorCode.tooLarge, message: "\(bytes.count) bytes is over the limit of \(limits.maxBytes) bytes (--max-bytes)",
                              format: forcedFormat?.rawValue ?? Formats.label(forName: name), bytes: bytes.count)
        }
        let sha = sha256 ?? SHA256.hex(of: bytes)
        if forcedFormat == nil, let fixed = FixedLayoutFormats.detect(name: name, bytes: bytes) {
            return try readFixedLayout(bytes: bytes, format: fixed, options: options, limits: limits, sha256: sha)
        }
        let format: DocumentFormat
        if let forcedFormat {
            format = forcedFormat
        } else {
            format = try detect(bytes: bytes, name: name)
        }
        var parse = options
        parse.format = InputFormat(rawValue: format.rawValue)
        if format == .text {
            return GongwenParser(options: parse).parse(bytes: consume bytes, sha256: sha)
        }
        var extracted: ExtractedText
        do throws(FormatError) { extracted = try extract(bytes: bytes, format: format, encoding: options.encoding, limits: limits) } catch {
            var error = error
            if error.bytes == 0 { error.bytes = bytes.count }
            throw error
        }
        if extracted.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw FormatError(code: BatchErrorCode.empty, message: format == .html ? "the page has no text" : "the Word document has no text",
                              format: format.rawValue, bytes: bytes.count)
        }
        parse.encoding = "UTF-8"
        var document = GongwenParser(options: parse).parse(bytes: Array(extracted.text.utf8))
        document.source.bytes = bytes.count
        document.source.sha256 = sha
        document.source.encoding = extracted.encoding
        document.diagnostics.insert(contentsOf: extracted.diagnostics, at: 0)
        PageChrome.apply(extracted.regions, to: &document)
        if format == .html, let main = extracted.regions.first(where: { $0.kind == .mainContent }) {
            // A menu line before the content must not stand as the title: take the content's own.
            TitleRecovery.apply(contentStart: main.span.start, to: &document, options: parse, contentEnd: main.span.end)
        }
        return document
    }

    /// PDF, OFD, `.doc` and Word-compatible `.wps` through poppler, the OFD reader and antiword or
    /// catdoc; `source.pages` maps spans to the pages they were printed on.
    private static func readFixedLayout(bytes: [UInt8], format: String, options: ParseOptions, limits: ReadLimits,
                                        sha256: String) throws(FormatError) -> Document {
        do throws(FormatReadFailure) {
            let converted = try FixedLayoutFormats.convert(bytes: bytes, format: format, options: options, sha256: sha256,
                                                          maxBytes: limits.maxBytes, maxRatio: limits.maxCompressionRatio)
            var document = converted.document
            document.source.pages = converted.pages?.segments.map { PageSpan(page: $0.page, span: TextSpan(start: $0.range.lowerBound, end: $0.range.upperBound)) }
            return document
        } catch {
            throw FormatError(code: error.code, message: error.message, format: format, bytes: bytes.count)
        }
    }

    /// Whether an `--encoding` name is one the decoder knows (ICU's names and aliases).
    package static func isKnownEncoding(_ name: String) -> Bool {
        let probe = SourceDecoder.decode([0x61], forcedEncoding: name)
        return !probe.diagnostics.contains { $0.message.hasPrefix("unknown encoding") }
    }
}
