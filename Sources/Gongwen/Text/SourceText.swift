/// The decoded source, read by scalar index without a scalar array beside it: its UTF-8 and the
/// byte offset of every 64th scalar (an eighth of a byte per scalar instead of four). Spans are
/// scalar offsets, so every node and entity string is cut from here.
struct SourceText {
    private var text: String
    /// Byte offset of scalar `k << 6`.
    private let checkpoints: [Int]
    /// Scalars in the text.
    let count: Int

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        var checkpoints: [Int] = []
        var count = 0
        text.withUTF8 { utf8 in
            checkpoints.reserveCapacity(utf8.count / 64 + 1)
            for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 {
                if count & 63 == 0 { checkpoints.append(i) }
                count += 1
            }
        }
        self.text = text
        self.checkpoints = checkpoints
        self.count = count
    }

    /// The byte offset of scalar `k` (`0...count`).
    private func byteOffset(_ k: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard k < count else { return utf8.count }
        var i = checkpoints[k >> 6]
        for _ in 0..<(k & 63) { i += Self.length(utf8[i]) }
        return i
    }

    @inline(__always) private static func length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The text of scalars `range`.
    func string(_ range: Range<Int>) -> String {
        withUTF8(range) { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 of scalars `range`.
    func withUTF8<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8 { utf8 in
            body(UnsafeBufferPointer(rebasing: utf8[byteOffset(range.lowerBound, utf8)..<byteOffset(range.upperBound, utf8)]))
        }
    }

    /// The scalars `range`, as an array.
    func scalars(_ range: Range<Int>) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(range.count)
            var i = byteOffset(range.lowerBound, utf8)
            for _ in range { out.append(ScalarText.decode(utf8, &i)) }
            return out
        }
    }
}
