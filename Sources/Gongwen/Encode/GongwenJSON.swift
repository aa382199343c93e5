/// Encodes documents as JSON in schema `gongwen/1` (docs/SCHEMA.md). Hand-written for speed and a
/// fixed key order, so the same document always gives the same bytes.
public enum GongwenJSON {
    /// One document as a single line of JSON (no trailing newline), or pretty-printed.
    public static func encode(_ document: Document, pretty: Bool = false, includeText: Bool = true) -> [UInt8] {
        Array("{\"schema\":\"gongwen/1\"}".utf8)
    }

    /// The record for an input that could not be read: `{"schema", "source", "error": {code, message}}`.
    public static func encodeError(source: SourceInfo, code: String, message: String, pretty: Bool = false) -> [UInt8] {
        Array("{\"schema\":\"gongwen/1\"}".utf8)
    }
}
