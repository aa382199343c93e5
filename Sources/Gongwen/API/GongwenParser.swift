/// The entry point: runs the whole pipeline,
/// bytes → decode → normalize → blocks → outline → extractors → document.
///
/// ```swift
/// let parser = GongwenParser()
/// let document = parser.parse("关于加强管理的通知\n一、总体要求\n")
/// ```
///
/// Named after what it does rather than after the module (as Ink's `MarkdownParser`), so that
/// `Gongwen.Document` stays a valid qualified name in programs that import another `Document`.
public struct GongwenParser: Sendable {
    public var options: ParseOptions

    public init(options: ParseOptions = .init()) {
        self.options = options
    }

    /// Parses text already in memory.
    public func parse(_ text: String) -> Document {
        Pipeline.run(DecodedSource(text: text), options: options)
    }

    /// Decodes bytes (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5; detected, or `options.encoding`)
    /// and parses them. Never throws on content: undecodable bytes become U+FFFD with a diagnostic.
    /// Bytes here are text; HTML, `.docx` and archives go through `GongwenFormats`.
    public func parse(bytes: [UInt8]) -> Document {
        parse(bytes: bytes, sha256: nil)
    }

    /// `parse(bytes:)` for a caller that already has the bytes' SHA-256 and hands the bytes over:
    /// they are freed once decoded, before the pipeline runs.
    package func parse(bytes: consuming [UInt8], sha256: String?) -> Document {
        var decoded = SourceDecoder.decode(bytes, forcedEncoding: options.encoding)
        decoded.byteCount = bytes.count
        decoded.sha256 = sha256 ?? SHA256.hex(of: bytes)
        _ = consume bytes
        return Pipeline.run(decoded, options: options)
    }
}

/// How to parse. The defaults suit government web pages and exported documents.
public struct ParseOptions: Sendable, Hashable {
    /// Decode with this encoding instead of detecting one (`UTF-8`, `GB18030`, `GBK`, `Big5`,
    /// `UTF-16LE`, `UTF-16BE`, or any name ICU knows).
    public var encoding: String?
    /// Fold Traditional characters to Simplified before matching (spans still point at the source).
    public var traditionalToSimplified: Bool
    /// The date that relative and partial dates (`5月11日`, `今年3月`) are resolved against when the
    /// document gives none of its own (no dateline, no signature date).
    public var anchorDate: CalendarDate?
    /// Recorded in `source.path`.
    public var path: String?
    /// Recorded in `source.id`.
    public var id: String?
    /// Recorded in `source.format`.
    public var format: InputFormat

    public init(encoding: String? = nil, traditionalToSimplified: Bool = false, anchorDate: CalendarDate? = nil,
                path: String? = nil, id: String? = nil, format: InputFormat = .text) {
        self.encoding = encoding
        self.traditionalToSimplified = traditionalToSimplified
        self.anchorDate = anchorDate
        self.path = path
        self.id = id
        self.format = format
    }
}
