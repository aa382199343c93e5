/// Values that gongwen/1 writes as one string (`"2016-05"`, `"548.74"`): they encode their
/// `description` and decode through their failable text initializer, so a malformed value is a
/// decoding error with the text in its message, never a wrong value.
public protocol TextCodable: Codable, CustomStringConvertible {
    init?(codableText: String)
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(codableText: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a valid \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
