/// Something the parser noticed and kept going past: a skipped number, a placeholder date,
/// undecodable bytes. Parsing never fails on content; it reports.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case info, warning, error
    }

    /// A stable dotted code (`numbering.gap`, `decode.invalidBytes`) analysts can group by.
    public var code: String
    public var message: String
    public var severity: Severity
    /// Where in the decoded source, when the finding has a place.
    public var span: TextSpan?

    public init(code: String, message: String, severity: Severity = .warning, span: TextSpan? = nil) {
        self.code = code
        self.message = message
        self.severity = severity
        self.span = span
    }
}

/// The codes Gongwen emits. Documented in docs/SCHEMA.md; a code keeps its meaning once published.
public enum DiagnosticCode {
    public static let decodeInvalidBytes = "decode.invalidBytes"
    public static let decodeLowConfidence = "decode.lowConfidence"
    public static let numberingGap = "numbering.gap"
    public static let numberingRepeated = "numbering.repeated"
    public static let numberingDisorder = "numbering.disorder"
    public static let outlineMissingLevel = "outline.missingLevel"
    public static let placeholder = "text.placeholder"
    public static let dateInvalid = "date.invalid"
    public static let datePlaceholder = "date.placeholder"
    public static let dateUnresolved = "date.unresolved"
    public static let dateWeekdayMismatch = "date.weekdayMismatch"
    public static let numberOverflow = "number.overflow"
}
