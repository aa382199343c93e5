import Gongwen

/// Why an input could not become a document: unreadable bytes, a format we cannot read, an I/O
/// failure. One error type for all of them, so a caller handles one thing; `code` is the
/// error-record code that `convert` writes for the same input (Sources/Gongwen/Gongwen.docc/Batch.md).
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An error-record code: `unsupported-format`, `empty`, `too-large`, `archive-bomb`,
    /// `truncated-archive`, `unreadable` (the `BatchErrorCode` strings).
    public var code: String
    /// One line for a person, without the path.
    public var message: String
    /// What the input was found to be (`source.format` of its error record): `pdf`, `doc`,
    /// `image`, `binary`, `zip`, `html`, `docx`, `text` …
    public var format: String
    /// The input's size in bytes when known, else 0.
    public var bytes: Int

    public init(code: String, message: String, format: String = "unknown", bytes: Int = 0) {
        self.code = code
        self.message = message
        self.format = format
        self.bytes = bytes
    }

    public var description: String { "\(code): \(message)" }

    init(_ failure: BatchFailure, format: String) {
        self.init(code: failure.code, message: failure.message, format: format, bytes: failure.bytes)
    }
}
