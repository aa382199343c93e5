/// A minimal streaming JSON writer into UTF-8 bytes: keys in the order written, commas and
/// (optionally) indentation handled here, strings escaped per RFC 8259.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// Per open container: whether it has a member yet.
    private var hasMember: [Bool] = []
    private var afterKey = false
    /// Where the bytes go a megabyte at a time when streaming; nil keeps them all in `bytes`.
    private let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private static let drainSize = 1 << 20

    init(pretty: Bool, capacity: Int = 4096, drain: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.pretty = pretty
        self.drain = drain
        bytes.reserveCapacity(drain == nil ? capacity : Self.drainSize + (1 << 16))
    }

    /// Hands what is written so far to `drain` once it holds a megabyte (at value boundaries
    /// and between the runs of a long string, so a document's JSON never exists whole).
    @inline(__always) private mutating func drainIfFull() {
        if bytes.count >= Self.drainSize, drain != nil { flush() }
    }

    /// Hands everything written to `drain`.
    mutating func flush() {
        guard let drain, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { drain($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func beforeValue() {
        if afterKey { afterKey = false; return }
        guard !hasMember.isEmpty else { return }
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func beginObject() { drainIfFull(); beforeValue(); bytes.append(UInt8(ascii: "{")); depth += 1; hasMember.append(false) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { drainIfFull(); beforeValue(); bytes.append(UInt8(ascii: "[")); depth += 1; hasMember.append(false) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ c: UInt8) {
        depth -= 1
        if hasMember.removeLast() { newline() }
        bytes.append(c)
    }

    /// Keys are identifiers (`CodingKey` names): written without escaping.
    mutating func key(_ k: StaticString) {
        k.withUTF8Buffer { key(utf8: $0) }
    }

    mutating func key(_ k: String) {
        var k = k
        k.withUTF8 { key(utf8: $0) }
    }

    private mutating func key(utf8: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// A value already in JSON form (a number's digits).
    mutating func raw(_ s: String) {
        beforeValue()
        bytes.append(contentsOf: s.utf8)
    }

    mutating func string(_ s: String) {
        beforeValue()
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let n = utf8.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = base[i]
                // Most bytes need no escape: find the next one that does, then copy the run at once.
                if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
                if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = JSONWriter.hexDigits
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
                i += 1
                runStart = i
                drainIfFull()
            }
            if n > runStart { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func int(_ v: Int) {
        beforeValue()
        appendDigits(v)
    }

    /// Decimal digits without a String per number (spans write two integers each, and there are many).
    private mutating func appendDigits(_ v: Int) {
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            if v == Int.min { bytes.append(contentsOf: String(v).utf8.dropFirst()); return }
            appendDigits(-v)
            return
        }
        if v < 10 { bytes.append(0x30 + UInt8(v)); return }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = v, k = 20
        withUnsafeMutableBytes(of: &tmp) { buf in
            while n > 0 { k -= 1; buf[k] = 0x30 + UInt8(n % 10); n /= 10 }
            bytes.append(contentsOf: buf[k..<20])
        }
    }

    mutating func bool(_ v: Bool) {
        beforeValue()
        bytes.append(contentsOf: (v ? "true" : "false").utf8)
    }

    mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    // Conveniences for optional members: written only when present.
    mutating func member(_ k: StaticString, _ v: String?) { if let v { key(k); string(v) } }
    mutating func member(_ k: StaticString, _ v: Int?) { if let v { key(k); int(v) } }

    mutating func span(_ k: StaticString, _ s: TextSpan) {
        key(k)
        spanValue(s)
    }

    mutating func spanValue(_ s: TextSpan) {
        if pretty {
            beginObject()
            key("start"); int(s.start)
            key("end"); int(s.end)
            endObject()
            return
        }
        // Compact form written directly: `{"start":N,"end":M}`.
        beforeValue()
        bytes.append(contentsOf: JSONWriter.spanStart)
        appendDigits(s.start)
        bytes.append(contentsOf: JSONWriter.spanEnd)
        appendDigits(s.end)
        bytes.append(UInt8(ascii: "}"))
    }

    private static let spanStart: [UInt8] = Array("{\"start\":".utf8)
    private static let spanEnd: [UInt8] = Array(",\"end\":".utf8)

    mutating func strings(_ k: StaticString, _ values: [String]) {
        key(k)
        beginArray()
        for v in values { string(v) }
        endArray()
    }
}
