import Foundation

/// What a reader of a large output file needs of each line without decoding its whole tree:
/// which input it came from, which Gongwen wrote it, and, for an error record, its code.
public struct RecordHeader: Sendable, Hashable, Decodable {
    public var gongwenVersion: String
    public var source: SourceInfo
    /// Set for an error record.
    public var errorCode: ErrorCode?

    private enum CodingKeys: String, CodingKey { case schema, gongwenVersion, source, error }
    private struct ErrorBody: Decodable { var code: ErrorCode }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try c.decode(String.self, forKey: .schema)
        guard schema == Document.schema else { throw GongwenDecodingError(description: "schema \(schema) is not \(Document.schema)") }
        gongwenVersion = try c.decode(String.self, forKey: .gongwenVersion)
        source = try c.decode(SourceInfo.self, forKey: .source)
        errorCode = try c.decodeIfPresent(ErrorBody.self, forKey: .error)?.code
    }
}

extension GongwenJSON {
    /// The header of one output line. A document line starts with `schema`, `gongwenVersion`,
    /// `id` and `source` (the encoder's fixed order), so only that prefix is decoded.
    public static func decodeHeader(_ line: ArraySlice<UInt8>) throws -> RecordHeader {
        let decoder = JSONDecoder()
        if line.count > 8192, let end = endOfSource(in: line) {
            var prefix = Array(line[line.startIndex..<end])
            prefix.append(UInt8(ascii: "}"))
            if let header = try? decoder.decode(RecordHeader.self, from: Data(prefix)) { return header }
        }
        do { return try decoder.decode(RecordHeader.self, from: Data(line)) } catch {
            throw GongwenDecodingError(description: "not a gongwen/1 record: \(error)")
        }
    }

    /// Just past the top-level `"source": {...}` value, when it starts within the first 4 KiB.
    private static func endOfSource(in line: ArraySlice<UInt8>) -> Int? {
        let key = Array("\"source\":".utf8)
        let limit = min(line.endIndex, line.startIndex + 4096)
        var at: Int?
        var k = line.startIndex
        while k + key.count <= limit {
            if line[k] == key[0] && line[k..<(k + key.count)].elementsEqual(key) { at = k; break }
            k += 1
        }
        guard var i = at.map({ $0 + key.count }) else { return nil }
        while i < line.endIndex, line[i] == 32 || line[i] == 10 { i += 1 }
        guard i < line.endIndex, line[i] == UInt8(ascii: "{") else { return nil }
        var depth = 0, inString = false
        while i < line.endIndex {
            let c = line[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }
}
