/// A value's fields as an ordered tree, read from its `Codable` conformance: the one field list
/// that the CSV columns, the one-line text form and the golden summaries are rendered from, so
/// that a field added to a value type appears in all of them (and in JSON) by that one change.
public indirect enum FieldValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([FieldValue])
    case object([(String, FieldValue)])

    public static func == (a: FieldValue, b: FieldValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .string(let s): h.combine(s)
        case .int(let i): h.combine(i)
        case .bool(let b): h.combine(b)
        case .null: h.combine(0)
        case .array(let a): h.combine(a)
        case .object(let o): for (k, v) in o { h.combine(k); h.combine(v) }
        }
    }

    /// The fields of any encodable value (an entity value, a document date …).
    public static func of<T: Encodable>(_ value: T) -> FieldValue {
        Collector.collect(value)
    }

    /// The members of an object, in order (empty for anything else).
    public var members: [(String, FieldValue)] {
        if case .object(let o) = self { return o }
        return []
    }

    /// Scalars as plain text, `true`/`false`, objects and arrays as compact JSON, an empty array as "".
    public var cellText: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array(let a) where a.isEmpty: return ""
        default:
            var w = JSONWriter(pretty: false, capacity: 64)
            write(&w)
            return String(decoding: w.bytes, as: UTF8.self)
        }
    }

    private func write(_ w: inout JSONWriter) {
        switch self {
        case .string(let s): w.string(s)
        case .int(let i): w.int(i)
        case .bool(let b): w.bool(b)
        case .null: w.null()
        case .array(let a):
            w.beginArray()
            for v in a { v.write(&w) }
            w.endArray()
        case .object(let o):
            w.beginObject()
            for (k, v) in o { w.key(k); v.write(&w) }
            w.endObject()
        }
    }
}

extension EntityValue {
    /// The value's fields in JSON order.
    public var fields: [(String, FieldValue)] { FieldValue.of(self).members }
}

/// Field names of every value type in first-appearance order: the CSV value columns.
extension EntityKind {
    public static var valueFieldNames: [String] {
        var seen = Set<String>(), out: [String] = []
        for name in EntityValue.fullSamples.flatMap({ $0.fields.map(\.0) }) where seen.insert(name).inserted { out.append(name) }
        return out
    }
}

extension EntityValue {
    /// One value of each kind with every optional field set: the field list of each value type
    /// (a test checks that every stored property appears).
    public static let fullSamples: [EntityValue] = {
        let d = PartialDate(year: 2016, month: 5, day: 11)
        let inferred = DateInference(fields: [.year], from: PartialDate(year: 2016, month: 5, day: 19), anchor: .dateline)
        return [
            .date(DateValue(date: d, time: "11:24", partOfDay: .afternoon, inferred: inferred, era: .minguo)),
            .dateRange(DateRangeValue(start: d, end: PartialDate(year: 2016, month: 5, day: 18), precision: .day,
                                      inferred: inferred, period: "yearStart", era: .minguo)),
            .money(MoneyValue(amount: ExactDecimal("399.5")!, amountMax: ExactDecimal("500")!, currency: .cny, qualifier: .yu, per: "人")),
            .personCount(PersonCountValue(count: 30, countMax: 40, qualifier: .yu, unit: .person, role: .attendance)),
            .title(TitleValue(title: "关于<甲>的通知", category: .normative, key: "关于甲的通知", nested: ["甲"])),
            .documentNumber(DocumentNumberValue(issuer: "国办发", year: 2012, serial: 12)),
            .percentage(PercentageValue(value: ExactDecimal("10.3")!, unit: .percent)),
            .phone(PhoneValue(number: "0825-2655068")),
            .email(EmailValue(address: "a@b.cn")),
        ]
    }()
}

/// Builds a `FieldValue` tree from `encode(to:)` calls. Containers are reference boxes filled as
/// the value encodes itself.
private final class Collector: Encoder {
    var root: FieldValue? { box?.value }
    var box: Box?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    final class Box {
        var object: [(String, FieldValue)]?
        var array: [FieldValue]?
        var scalar: FieldValue?
        var children: [(String?, Box)] = []

        var value: FieldValue {
            if object != nil {
                var o = object!
                for (k, b) in children { if let k { o.append((k, b.value)) } }
                return .object(o)
            }
            if array != nil { return .array(array! + children.map { $0.1.value }) }
            return scalar ?? .null
        }
    }

    static func collect<T: Encodable>(_ value: T) -> FieldValue {
        let c = Collector()
        try? value.encode(to: c)
        return c.root ?? .null
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let b = box ?? Box()
        if b.object == nil { b.object = [] }
        box = b
        return KeyedEncodingContainer(KeyedCollector<Key>(box: b))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let b = box ?? Box()
        if b.array == nil { b.array = [] }
        box = b
        return UnkeyedCollector(box: b)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        let b = box ?? Box()
        box = b
        return SingleCollector(box: b)
    }
}

private struct KeyedCollector<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: Collector.Box
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { box.object!.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.object!.append((key.stringValue, .bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.object!.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.object!.append((key.stringValue, .int(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { box.object!.append((key.stringValue, Collector.collect(value))) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let b = Collector.Box()
        b.object = []
        box.children.append((key.stringValue, b))
        return KeyedEncodingContainer(KeyedCollector<NestedKey>(box: b))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let b = Collector.Box()
        b.array = []
        box.children.append((key.stringValue, b))
        return UnkeyedCollector(box: b)
    }

    mutating func superEncoder() -> any Encoder { Collector() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { Collector() }
}

private struct UnkeyedCollector: UnkeyedEncodingContainer {
    let box: Collector.Box
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.array!.count }

    mutating func encodeNil() throws { box.array!.append(.null) }
    mutating func encode(_ value: Bool) throws { box.array!.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.array!.append(.string(value)) }
    mutating func encode(_ value: Int) throws { box.array!.append(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.array!.append(Collector.collect(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let b = Collector.Box()
        b.object = []
        box.children.append((nil, b))
        return KeyedEncodingContainer(KeyedCollector<NestedKey>(box: b))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let b = Collector.Box()
        b.array = []
        box.children.append((nil, b))
        return UnkeyedCollector(box: b)
    }

    mutating func superEncoder() -> any Encoder { Collector() }
}

private struct SingleCollector: SingleValueEncodingContainer {
    let box: Collector.Box
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { box.scalar = .null }
    mutating func encode(_ value: Bool) throws { box.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { box.scalar = .string(value) }
    mutating func encode(_ value: Int) throws { box.scalar = .int(value) }
    mutating func encode(_ value: Double) throws { box.scalar = .string(String(value)) }
    mutating func encode(_ value: Float) throws { box.scalar = .string(String(value)) }
    mutating func encode(_ value: Int8) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: Int16) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: Int32) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: Int64) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt) throws { box.scalar = .string(String(value)) }
    mutating func encode(_ value: UInt8) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt16) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt32) throws { box.scalar = .int(Int(value)) }
    mutating func encode(_ value: UInt64) throws { box.scalar = .string(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.scalar = Collector.collect(value) }
}
