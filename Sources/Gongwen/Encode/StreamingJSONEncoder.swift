/// An `Encoder` that writes straight into a `JSONWriter`: the `Codable` conformances define the
/// shape of `gongwen/1` once, and this writes them several times faster than Foundation's
/// `JSONEncoder` (no intermediate tree, run-copying string escapes), with the same bytes in
/// compact form (checked by a test).
///
/// Streaming: a container is closed when the `encode(to:)` that opened it returns. Our own types
/// open one container per value; `superEncoder` is not supported.
struct StreamingJSONEncoder {
    var pretty = false
    var userInfo: [CodingUserInfoKey: any Sendable] = [:]
    /// Write nodes directly instead of through their `Codable` conformance: the same bytes (a test
    /// encodes the corpus both ways), several times fewer calls for the most numerous values.
    var fastNodes = true

    func encode<T: Encodable>(_ value: T, capacity: Int = 4096) throws -> [UInt8] {
        let sink = Sink(pretty: pretty, capacity: capacity, userInfo: userInfo)
        sink.fastNodes = fastNodes
        try sink.encodeValue(value)
        return sink.writer.bytes
    }

    /// Encodes `value` handing its bytes to `drain` a megabyte at a time.
    func encode<T: Encodable>(_ value: T, drain: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        try withoutActuallyEscaping(drain) { drain in
            let sink = Sink(pretty: pretty, capacity: 0, userInfo: userInfo, drain: drain)
            sink.fastNodes = fastNodes
            try sink.encodeValue(value)
            sink.writer.flush()
        }
    }
}

private final class Sink: Encoder {
    var writer: JSONWriter
    /// Containers opened by the value now being encoded, closed when its `encode(to:)` returns.
    var opened: [UInt8] = []
    var fastNodes = true
    let info: [CodingUserInfoKey: any Sendable]
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { info }

    init(pretty: Bool, capacity: Int, userInfo: [CodingUserInfoKey: any Sendable],
         drain: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        writer = JSONWriter(pretty: pretty, capacity: capacity, drain: drain)
        info = userInfo
    }

    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == TextSpan.self {
            writer.spanValue(unsafeBitCast(value, to: TextSpan.self))
            return
        }
        if fastNodes {
            if T.self == [Node].self {
                NodeWriter.nodes(unsafeBitCast(value, to: [Node].self), into: &writer)
                return
            }
            if T.self == SectionOutline.self {
                NodeWriter.outline(unsafeBitCast(value, to: SectionOutline.self).sections, into: &writer)
                return
            }
        }
        let mark = opened.count
        try value.encode(to: self)
        while opened.count > mark { close(opened.removeLast()) }
    }

    private func close(_ kind: UInt8) {
        if kind == 0 { writer.endObject() } else { writer.endArray() }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.beginObject()
        opened.append(0)
        return KeyedEncodingContainer(Keyed<Key>(sink: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginArray()
        opened.append(1)
        return Unkeyed(sink: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: self) }

    func key(_ k: some CodingKey) { writer.key(k.stringValue) }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { sink.key(key); sink.writer.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { sink.key(key); sink.writer.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { sink.key(key); sink.writer.string(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { sink.key(key); sink.writer.int(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { sink.key(key); try sink.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.key(key)
        return sink.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.key(key)
        return sink.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { sink }
    mutating func superEncoder(forKey key: Key) -> any Encoder { sink.key(key); return sink }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func encodeNil() throws { sink.writer.null(); count += 1 }
    mutating func encode(_ value: Bool) throws { sink.writer.bool(value); count += 1 }
    mutating func encode(_ value: String) throws { sink.writer.string(value); count += 1 }
    mutating func encode(_ value: Int) throws { sink.writer.int(value); count += 1 }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value); count += 1 }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return sink.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return sink.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { sink }
}

private struct Single: SingleValueEncodingContainer {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.writer.null() }
    mutating func encode(_ value: Bool) throws { sink.writer.bool(value) }
    mutating func encode(_ value: String) throws { sink.writer.string(value) }
    mutating func encode(_ value: Int) throws { sink.writer.int(value) }
    mutating func encode(_ value: Double) throws { sink.writer.raw(String(value)) }
    mutating func encode(_ value: Float) throws { sink.writer.raw(String(value)) }
    mutating func encode(_ value: Int8) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: Int16) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: Int32) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: Int64) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: UInt) throws { sink.writer.raw(String(value)) }
    mutating func encode(_ value: UInt8) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: UInt16) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: UInt32) throws { sink.writer.int(Int(value)) }
    mutating func encode(_ value: UInt64) throws { sink.writer.raw(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encodeValue(value) }
}
