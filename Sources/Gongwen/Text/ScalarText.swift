/// Building strings from scalars: encoding to UTF-8 bytes directly is several times faster than
/// appending to a `String.UnicodeScalarView` one scalar at a time.
enum ScalarText {
    static func string<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars { appendUTF8(s, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func appendUTF8(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The scalar whose UTF-8 starts at byte `i` of a `String`'s (always valid) UTF-8; moves `i`
    /// past it.
    @inline(__always) static func decode(_ utf8: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar {
        let b0 = UInt32(utf8[i])
        var v: UInt32
        if b0 < 0x80 { v = b0; i += 1 }
        else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2 }
        else if b0 < 0xF0 { v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3 }
        else { v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F); i += 4 }
        return Unicode.Scalar(v)!
    }

    /// The scalars of `text` handed to `body` in consecutive chunks of about `limit` scalars,
    /// each ending after a scalar where `splitAfter(scalar, next)` holds (or at the end). Without
    /// such a place the chunk grows until one comes, in linear time. Only one chunk exists at once.
    static func forEachChunk(of text: String, scalars limit: Int,
                             splitAfter: (Unicode.Scalar, Unicode.Scalar) -> Bool,
                             _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            var buffer: [Unicode.Scalar] = []
            buffer.reserveCapacity(min(utf8.count, limit) + 1)
            var threshold = limit
            // Pairs (k, k + 1) with k below this were checked already and are not split points.
            var searched = 0
            var i = 0
            while i < utf8.count {
                buffer.append(decode(utf8, &i))
                guard buffer.count > threshold else { continue }
                var k = buffer.count - 2
                while k >= searched && !splitAfter(buffer[k], buffer[k + 1]) { k -= 1 }
                if k >= searched {
                    buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0...k])) }
                    buffer.removeSubrange(0...k)
                    threshold = limit
                    searched = 0
                } else {
                    searched = buffer.count - 1
                    threshold = buffer.count * 2
                }
            }
            if !buffer.isEmpty { buffer.withUnsafeBufferPointer { body($0) } }
        }
    }

    @inline(__always) static func isLineSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}"
    }
}
