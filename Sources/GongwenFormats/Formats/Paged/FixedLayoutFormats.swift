import Gongwen

/// One entry point for the formats read by external libraries and tools (PDF, OFD, `.doc`/`.wps`),
/// for the format layer to call: detection by content (then name), and bytes → document with
/// `source` filled in, or the failure to write as an error record.
public enum FixedLayoutFormats {
    /// `pdf`, `ofd`, `doc` or `wps` (the `source.format` to record), or nil for any other input.
    public static func detect(name: String, bytes: [UInt8]) -> String? {
        let lower = name.lowercased()
        if PDFReader.sniff(bytes) { return "pdf" }
        if OFDReader.sniff(bytes) || (lower.hasSuffix(".ofd") && bytes.starts(with: [0x50, 0x4B])) { return "ofd" }
        // Word 97–2003 and Kingsoft files are OLE containers; a `.doc` that holds text or HTML is
        // read by its content like any other file.
        guard LegacyWordReader.sniff(bytes) else { return nil }
        if lower.hasSuffix(".wps") { return "wps" }
        if lower.hasSuffix(".doc") || lower.hasSuffix(".dot") || !lower.contains(".") { return "doc" }
        return nil
    }

    /// What a conversion gives: the document, and for PDF/OFD the page model (for `source.pages`).
    public struct Converted: Sendable {
        public var document: Document
        public var pages: PagedText?
    }

    /// Reads `bytes` as `format` (from `detect`) and parses the text. `source.format` is set to the
    /// format, `source.encoding` to `UTF-8` (the readers' text), `source.bytes` and `source.sha256`
    /// to the input's own. `maxBytes`/`maxRatio` bound OFD members and the tools' output.
    public static func convert(bytes: [UInt8], format: String, options: ParseOptions, sha256: String,
                               maxBytes: Int = 64 << 20, maxRatio: Int = 1000,
                               limits: PagedReadLimits = PagedReadLimits()) throws(FormatReadFailure) -> Converted {
        var options = options
        options.format = InputFormat(rawValue: format)
        options.encoding = "UTF-8"
        var result: Converted
        switch format {
        case "pdf":
            let paged = try PDFReader.read(bytes: bytes, limits: limits)
            result = Converted(document: paged.document(options: options), pages: paged)
        case "ofd":
            let paged = try OFDReader.read(bytes: bytes, limits: limits, maxMemberBytes: maxBytes, maxRatio: maxRatio)
            result = Converted(document: paged.document(options: options), pages: paged)
        case "doc", "wps":
            let text = try LegacyWordReader.read(bytes: bytes, name: options.path ?? "x.\(format)",
                                                 limits: LegacyWordReader.Limits(seconds: min(limits.maxSeconds, 30), maxOutputBytes: maxBytes))
            result = Converted(document: GongwenParser(options: options).parse(bytes: Array(text.utf8)), pages: nil)
        default:
            throw FormatReadFailure(BatchErrorCode.unsupportedFormat, "\(format) is not a fixed-layout or legacy format")
        }
        result.document.source.bytes = bytes.count
        result.document.source.sha256 = sha256
        return result
    }
}
