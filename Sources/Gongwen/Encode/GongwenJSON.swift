import Foundation

/// `gongwen/1` JSON (docs/SCHEMA.md) in and out. The shape is the `Codable` conformances; this
/// writes them through a streaming encoder (compact output is byte-identical to `JSONEncoder`
/// with `.withoutEscapingSlashes`) and reads them with `JSONDecoder`.
public enum GongwenJSON {
    /// One document as a single line of JSON (no trailing newline), or pretty-printed.
    /// `includeText: false` leaves out the decoded source text (spans then need the original file).
    public static func encode(_ document: Document, pretty: Bool = false, includeText: Bool = true) -> [UInt8] {
        // Generous on purpose: capacity never touched is never resident, while growing past it
        // would copy the whole buffer (old and new alive at once). The corpus writes about 3.6
        // bytes per input byte with the text, 2.6 without; pretty adds indentation.
        encode(GongwenRecord.document(document), pretty: pretty, includeText: includeText,
               capacity: document.text.utf8.count * (pretty ? 8 : includeText ? 5 : 4) + (1 << 16))
    }

    /// One document as JSON handed to `output` a megabyte at a time (the same bytes as `encode`),
    /// so a large document's JSON never sits in memory whole: for writing to a file or a pipe.
    public static func write(_ document: Document, pretty: Bool = false, includeText: Bool = true,
                             to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        let encoder = StreamingJSONEncoder(pretty: pretty, userInfo: [.gongwenIncludeText: includeText])
        // Our own types throw only for values a decoder could not have produced.
        try? encoder.encode(GongwenRecord.document(document), drain: output)
    }

    /// The record for an input that could not be read.
    public static func encode(_ error: ErrorRecord, pretty: Bool = false) -> [UInt8] {
        encode(GongwenRecord.error(error), pretty: pretty, includeText: true, capacity: 512)
    }

    public static func encode(_ record: GongwenRecord, pretty: Bool = false, includeText: Bool = true) -> [UInt8] {
        encode(record, pretty: pretty, includeText: includeText, capacity: 4096)
    }

    private static func encode(_ record: GongwenRecord, pretty: Bool, includeText: Bool, capacity: Int) -> [UInt8] {
        let encoder = StreamingJSONEncoder(pretty: pretty, userInfo: [.gongwenIncludeText: includeText])
        // Our own types throw only for values a decoder could not have produced.
        return (try? encoder.encode(record, capacity: capacity)) ?? []
    }

    /// Reads one line of `gongwen convert` output (a document or an error record).
    public static func decode<Bytes: Collection>(_ line: Bytes) throws -> GongwenRecord where Bytes.Element == UInt8 {
        do {
            return try JSONDecoder().decode(GongwenRecord.self, from: Data(line))
        } catch let e as GongwenDecodingError {
            throw e
        } catch let e as DecodingError {
            throw GongwenDecodingError(description: Self.describe(e))
        } catch {
            throw GongwenDecodingError(description: "not JSON: \(error.localizedDescription)")
        }
    }

    private static func describe(_ e: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        switch e {
        case .keyNotFound(let k, let c): return "missing \(path(c)).\(k.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            if let inner = c.underlyingError as? GongwenDecodingError { return "\(path(c)): \(inner.description)" }
            return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}

extension GongwenJSON {
    /// An error record for `source` (the one place error records are built).
    public static func encodeError(source: SourceInfo, code: ErrorCode, message: String, pretty: Bool = false) -> [UInt8] {
        encode(ErrorRecord(source: source, code: code, message: message), pretty: pretty)
    }
}
