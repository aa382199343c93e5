import Foundation

/// `Codable` conformances that *are* `gongwen/1` (docs/SCHEMA.md), both ways: what
/// `GongwenJSON.encode` writes, `JSONDecoder` reads back into the same typed values, and
/// `JSONEncoder` writes the same bytes (a test checks it across the corpus).
///
/// Derived fields (`title`, `sections`) are written for readers and ignored when decoding: the
/// lossless `nodes` tree is the source of truth.
extension CodingUserInfoKey {
    /// `false` leaves the decoded source `text` out of a document (`--no-text`).
    public static let gongwenIncludeText = CodingUserInfoKey(rawValue: "gongwen.includeText")!
}

/// Why a line is not `gongwen/1`.
public struct GongwenDecodingError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

private struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private extension KeyedDecodingContainer where K == JSONKey {
    func callAsFunction<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T { try decode(T.self, forKey: JSONKey(key)) }
    func optional<T: Decodable>(_ key: String, as type: T.Type = T.self) throws -> T? { try decodeIfPresent(T.self, forKey: JSONKey(key)) }
}

private extension KeyedEncodingContainer where K == JSONKey {
    mutating func put<T: Encodable>(_ key: String, _ value: T) throws { try encode(value, forKey: JSONKey(key)) }
    mutating func putIfPresent<T: Encodable>(_ key: String, _ value: T?) throws { try encodeIfPresent(value, forKey: JSONKey(key)) }
    mutating func putNullable<T: Encodable>(_ key: String, _ value: T?) throws {
        if let value { try encode(value, forKey: JSONKey(key)) } else { try encodeNil(forKey: JSONKey(key)) }
    }
}

private func checkSchema(_ c: KeyedDecodingContainer<JSONKey>) throws {
    let schema: String = try c("schema")
    guard schema == Document.schema else { throw GongwenDecodingError(description: "schema \(schema) is not \(Document.schema)") }
}

extension Document: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("schema", Document.schema)
        try c.put("gongwenVersion", gongwenVersion)
        try c.put("id", id)
        try c.put("source", source)
        try c.putNullable("title", title)
        try c.putNullable("date", date)
        try c.putNullable("issuer", issuer)
        if encoder.userInfo[.gongwenIncludeText] as? Bool ?? true { try c.put("text", text) }
        try c.put("sections", SectionOutline(sections: sections))
        try c.put("nodes", children)
        try c.put("entities", entities)
        try c.put("diagnostics", diagnostics)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        try checkSchema(c)
        self.init(id: try c("id"), gongwenVersion: try c("gongwenVersion"), source: try c("source"),
                  text: try c.optional("text") ?? "", children: try c("nodes"), entities: try c("entities"),
                  diagnostics: try c("diagnostics"), date: try c.optional("date"), issuer: try c.optional("issuer"))
    }
}

/// The `sections` outline: sections only, nested.
struct SectionOutline: Encodable {
    var sections: [Section]

    func encode(to encoder: any Encoder) throws {
        var a = encoder.unkeyedContainer()
        for s in sections { try a.encode(SectionOutlineEntry(section: s)) }
    }
}

private struct SectionOutlineEntry: Encodable {
    var section: Section

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("id", section.id)
        try c.put("marker", section.marker.text)
        try c.put("style", section.marker.style)
        try c.put("level", section.level)
        try c.put("ordinal", section.marker.ordinal)
        try c.put("heading", section.heading)
        try c.put("span", section.span)
        try c.put("headingSpan", section.headingSpan)
        try c.put("children", SectionOutline(sections: section.subsections))
    }
}

extension SourceInfo: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.putNullable("path", path)
        try c.putIfPresent("id", id)
        try c.put("encoding", encoding)
        try c.put("format", format)
        try c.put("bytes", bytes)
        try c.put("sha256", sha256)
        try c.putIfPresent("pages", pages)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(path: try c.optional("path"), id: try c.optional("id"), encoding: try c("encoding"), bytes: try c("bytes"),
                  sha256: try c("sha256"), format: try c.optional("format") ?? .text)
        pages = try c.optional("pages")
    }
}

extension Node: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("kind", kind)
        try c.put("span", span)
        switch self {
        case .section(let s):
            try c.put("id", s.id)
            try c.put("marker", s.marker.text)
            try c.put("style", s.marker.style)
            try c.put("level", s.level)
            try c.put("ordinal", s.marker.ordinal)
            try c.put("heading", s.heading)
            try c.put("markerSpan", s.marker.span)
            try c.put("headingSpan", s.headingSpan)
            try c.put("bodyStart", s.bodyStart)
            try c.put("children", s.children)
        case .paragraph(let p):
            try c.put("textSpan", p.textSpan)
            try c.put("text", p.text)
            if !p.items.isEmpty { try c.put("items", p.items) }
        case .field(let f):
            try c.put("role", f.role)
            try c.put("textSpan", f.textSpan)
            try c.put("text", f.text)
        case .boilerplate(let b):
            try c.put("boilerplate", b.kind)
            try c.put("textSpan", b.textSpan)
            try c.put("text", b.text)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        let kind: String = try c("kind")
        let span: TextSpan = try c("span")
        switch kind {
        case "section":
            let marker = SectionMarker(text: try c("marker"), style: try c("style"), ordinal: try c("ordinal"), span: try c("markerSpan"))
            self = .section(Section(id: try c("id"), marker: marker, level: try c("level"), heading: try c("heading"),
                                    headingSpan: try c("headingSpan"), span: span, bodyStart: try c("bodyStart"), children: try c("children")))
        case "paragraph":
            self = .paragraph(Paragraph(span: span, textSpan: try c("textSpan"), text: try c("text"), items: try c.optional("items") ?? []))
        case "field":
            self = .field(Field(role: try c("role"), span: span, textSpan: try c("textSpan"), text: try c("text")))
        case "boilerplate":
            self = .boilerplate(Boilerplate(kind: try c("boilerplate"), span: span, textSpan: try c("textSpan"), text: try c("text")))
        default:
            throw GongwenDecodingError(description: "unknown node kind \(kind)")
        }
    }
}

extension Item: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("marker", marker)
        try c.put("ordinal", ordinal)
        try c.put("span", span)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(marker: try c("marker"), ordinal: try c("ordinal"), span: try c("span"))
    }
}

extension Entity: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("id", id)
        try c.put("kind", kind)
        try c.put("text", text)
        try c.put("span", span)
        try c.put("section", sectionPath)
        try c.putIfPresent("sectionId", sectionId)
        try c.put("value", value)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        let kind: EntityKind = try c("kind")
        let value: EntityValue
        switch kind {
        case .date: value = .date(try c("value"))
        case .dateRange: value = .dateRange(try c("value"))
        case .money: value = .money(try c("value"))
        case .personCount: value = .personCount(try c("value"))
        case .title: value = .title(try c("value"))
        case .documentNumber: value = .documentNumber(try c("value"))
        case .percentage: value = .percentage(try c("value"))
        case .phone: value = .phone(try c("value"))
        case .email: value = .email(try c("value"))
        }
        self.init(id: try c("id"), text: try c("text"), span: try c("span"), value: value,
                  sectionPath: try c.optional("section") ?? [], sectionId: try c.optional("sectionId"))
    }
}

/// Encodes as the value object alone (`{"amount": …}`); the entity's `kind` says which case it is.
extension EntityValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .date(let v): try v.encode(to: encoder)
        case .dateRange(let v): try v.encode(to: encoder)
        case .money(let v): try v.encode(to: encoder)
        case .personCount(let v): try v.encode(to: encoder)
        case .title(let v): try v.encode(to: encoder)
        case .documentNumber(let v): try v.encode(to: encoder)
        case .percentage(let v): try v.encode(to: encoder)
        case .phone(let v): try v.encode(to: encoder)
        case .email(let v): try v.encode(to: encoder)
        }
    }
}

extension Diagnostic: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("code", code)
        try c.put("severity", severity)
        try c.put("message", message)
        try c.putIfPresent("span", span)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self.init(code: try c("code"), message: try c("message"), severity: try c("severity"), span: try c.optional("span"))
    }
}

/// The record for an input that gave no document: `{"schema", "gongwenVersion", "source", "error"}`.
public struct ErrorRecord: Sendable, Hashable, Codable {
    public var gongwenVersion: String
    public var source: SourceInfo
    public var code: ErrorCode
    public var message: String

    public init(source: SourceInfo, code: ErrorCode, message: String, gongwenVersion: String = GongwenVersion.current) {
        self.gongwenVersion = gongwenVersion
        self.source = source
        self.code = code
        self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("schema", Document.schema)
        try c.put("gongwenVersion", gongwenVersion)
        try c.put("source", source)
        try c.put("error", ErrorBody(code: code, message: message))
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        try checkSchema(c)
        let body: ErrorBody = try c("error")
        self.init(source: try c("source"), code: body.code, message: body.message, gongwenVersion: try c("gongwenVersion"))
    }

    private struct ErrorBody: Codable {
        var code: ErrorCode
        var message: String
    }
}

/// One line of `gongwen convert` output: a document or an error record.
public enum GongwenRecord: Sendable, Hashable, Codable {
    case document(Document)
    case error(ErrorRecord)

    public var source: SourceInfo {
        switch self {
        case .document(let d): d.source
        case .error(let e): e.source
        }
    }

    public var gongwenVersion: String {
        switch self {
        case .document(let d): d.gongwenVersion
        case .error(let e): e.gongwenVersion
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .document(let d): try d.encode(to: encoder)
        case .error(let e): try e.encode(to: encoder)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        self = c.contains(JSONKey("error")) ? .error(try ErrorRecord(from: decoder)) : .document(try Document(from: decoder))
    }
}

extension TextSpan {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        let start: Int = try c("start"), end: Int = try c("end")
        guard start >= 0, start <= end else { throw GongwenDecodingError(description: "span \(start)..<\(end) is not a range") }
        self.init(start: start, end: end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.put("start", start)
        try c.put("end", end)
    }
}
