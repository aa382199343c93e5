/// Something the parser noticed and kept going past: a skipped number, a placeholder date,
/// undecodable bytes. Parsing never fails on content; it reports.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case info, warning, error
    }

    /// A stable dotted code (`numbering.gap`, `decode.invalidBytes`) analysts can group by.
    public var code: DiagnosticCode
    public var message: String
    public var severity: Severity
    /// Where in the decoded source, when the finding has a place.
    public var span: TextSpan?

    public init(code: DiagnosticCode, message: String, severity: Severity = .warning, span: TextSpan? = nil) {
        self.code = code
        self.message = message
        self.severity = severity
        self.span = span
    }
}
