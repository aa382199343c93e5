/// Open code lists: values published in `gongwen/1` keep their meaning, and later versions may add
/// more, so these are `RawRepresentable` structs (a decoder keeps an unknown code) rather than enums.
public protocol CodeList: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    init(rawValue: String)
}

extension CodeList {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A diagnostic's stable dotted code (`numbering.gap`), which analysts group by. Listed in
/// docs/SCHEMA.md.
public struct DiagnosticCode: CodeList {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let decodeInvalidBytes: DiagnosticCode = "decode.invalidBytes"
    public static let decodeLowConfidence: DiagnosticCode = "decode.lowConfidence"
    public static let numberingGap: DiagnosticCode = "numbering.gap"
    public static let numberingRepeated: DiagnosticCode = "numbering.repeated"
    public static let numberingDisorder: DiagnosticCode = "numbering.disorder"
    public static let outlineMissingLevel: DiagnosticCode = "outline.missingLevel"
    public static let placeholder: DiagnosticCode = "text.placeholder"
    public static let dateInvalid: DiagnosticCode = "date.invalid"
    public static let datePlaceholder: DiagnosticCode = "date.placeholder"
    public static let dateUnresolved: DiagnosticCode = "date.unresolved"
    /// A weekday written beside a date that matches no year near the resolved one.
    public static let dateWeekdayMismatch: DiagnosticCode = "date.weekdayMismatch"
    public static let numberOverflow: DiagnosticCode = "number.overflow"

    /// Every code this version emits, for the docs and the strict schema.
    public static let known: [DiagnosticCode] = [
        .decodeInvalidBytes, .decodeLowConfidence, .numberingGap, .numberingRepeated, .numberingDisorder,
        .outlineMissingLevel, .placeholder, .dateInvalid, .datePlaceholder, .dateUnresolved, .dateWeekdayMismatch, .numberOverflow,
    ]
}

/// The code of an error record (`{"error": {"code": …}}`): why an input gave no document.
public struct ErrorCode: CodeList {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A format we cannot read: `.pdf`, `.doc`, images, binary data, `.rar`.
    public static let unsupportedFormat: ErrorCode = "unsupported-format"
    /// A file of zero bytes, an archive with no files, a page or `.docx` with no text.
    public static let empty: ErrorCode = "empty"
    /// Over `--max-bytes`.
    public static let tooLarge: ErrorCode = "too-large"
    /// A member that expands past its declared size or the compression-ratio limit, or archives
    /// nested too deep.
    public static let archiveBomb: ErrorCode = "archive-bomb"
    /// Cannot be read: permissions, I/O errors, corrupt data, a broken symbolic link.
    public static let unreadable: ErrorCode = "unreadable"
    /// An archive that ends early.
    public static let truncatedArchive: ErrorCode = "truncated-archive"
    /// A symbolic link that leads back into a folder being walked.
    public static let symlinkLoop: ErrorCode = "symlink-loop"
    /// `--stdin-jsonl`: a line that is not a valid request.
    public static let badInput: ErrorCode = "bad-input"
    /// A PDF or OFD with no text to read: a scan (OCR is out of scope).
    public static let noTextLayer: ErrorCode = "no-text-layer"
    /// The worker converting it crashed (`convert` isolates every input in a worker process).
    public static let crashed: ErrorCode = "crashed"
    /// It took longer than `--timeout`.
    public static let timeout: ErrorCode = "timeout"
    /// Its worker grew past `--max-memory`.
    public static let outOfMemory: ErrorCode = "out-of-memory"

    public static let known: [ErrorCode] = [
        .unsupportedFormat, .empty, .tooLarge, .archiveBomb, .unreadable, .truncatedArchive, .symlinkLoop, .badInput,
        .noTextLayer, .crashed, .timeout, .outOfMemory,
    ]
}

/// The input format a document was read from (`source.format`).
public struct InputFormat: CodeList {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let text: InputFormat = "text"
    public static let html: InputFormat = "html"
    public static let docx: InputFormat = "docx"
    public static let pdf: InputFormat = "pdf"
    public static let ofd: InputFormat = "ofd"
    /// Word 97–2003.
    public static let doc: InputFormat = "doc"
    /// Kingsoft WPS.
    public static let wps: InputFormat = "wps"

    public static let known: [InputFormat] = [.text, .html, .docx, .pdf, .ofd, .doc, .wps]
}

/// ISO 4217 currency code (`CNY`, `USD`). Open: documents cite any currency.
public struct Currency: CodeList {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let cny: Currency = "CNY"
    public static let usd: Currency = "USD"
    public static let eur: Currency = "EUR"
    public static let hkd: Currency = "HKD"
    public static let jpy: Currency = "JPY"
    public static let gbp: Currency = "GBP"
}

/// What a relative or named period was read as (`yearStart` for `今年初`, `Q2` for `第二季度`).
/// Open: new named periods come with new date forms.
public struct DatePeriod: CodeList {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
