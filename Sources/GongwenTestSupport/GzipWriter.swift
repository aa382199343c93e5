import CompressNIO
import NIOCore

/// Gzip for test fixtures (the library only ever decompresses).
public enum GzipWriter {
    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        var out = try buffer.compress(with: .gzip())
        return out.readBytes(length: out.readableBytes) ?? []
    }

    /// Raw deflate (no header), as zip members hold it.
    public static func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        var out = try buffer.compress(with: .deflate())
        return out.readBytes(length: out.readableBytes) ?? []
    }

    /// A gzip member around a raw deflate stream, with the CRC and size given (they may lie).
    public static func gzip(deflated: [UInt8], crc32: UInt32, size: UInt32) -> [UInt8] {
        [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03] + deflated + ZipWriter.le32(crc32) + ZipWriter.le32(size)
    }

    /// A raw deflate stream that inflates to `count` zero bytes (rounded to 1 + a multiple of 258),
    /// about 13 bytes per 2 KiB: a bomb built in milliseconds. One fixed-Huffman block: a literal
    /// 0, then back-references of length 258 at distance 1. Eight of them take exactly 13 bytes,
    /// so the middle of the stream is one 13-byte pattern repeated.
    public static func deflatedZeros(count: Int) -> (stream: [UInt8], inflatedSize: Int) {
        func stream(units: Int) -> [UInt8] {
            var w = BitWriter()
            w.bits(1, count: 1)              // BFINAL
            w.bits(1, count: 2)              // BTYPE = 01, fixed Huffman
            w.code(0b0011_0000, length: 8)   // literal 0
            for _ in 0..<units {
                w.code(0b1100_0101, length: 8) // length code 285 = 258
                w.code(0, length: 5)           // distance code 0 = 1
            }
            w.code(0, length: 7)             // end of block
            return w.finish()
        }
        let groups = max(0, (count - 1) / 258 / 8 - 1)
        let head = stream(units: 16)
        let period = Array(head[2..<15])
        let tail = stream(units: 8)
        var out = Array(tail[0..<2])
        out.reserveCapacity(2 + groups * 13 + tail.count)
        for _ in 0..<groups { out += period }
        out += tail[2...]
        return (out, 1 + 258 * (8 * groups + 8))
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var current: UInt32 = 0
        var filled = 0

        /// Bits of a value, least significant first (header fields).
        mutating func bits(_ value: UInt32, count: Int) {
            for k in 0..<count { push((value >> UInt32(k)) & 1) }
        }

        /// A Huffman code, most significant bit first.
        mutating func code(_ value: UInt32, length: Int) {
            for k in (0..<length).reversed() { push((value >> UInt32(k)) & 1) }
        }

        mutating func push(_ bit: UInt32) {
            current |= bit << UInt32(filled)
            filled += 1
            if filled == 8 {
                bytes.append(UInt8(current))
                current = 0
                filled = 0
            }
        }

        mutating func finish() -> [UInt8] {
            if filled > 0 { bytes.append(UInt8(current)) }
            return bytes
        }
    }
}
