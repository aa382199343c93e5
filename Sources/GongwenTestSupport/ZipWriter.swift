/// Builds zip archives byte by byte for hostile fixtures: any name bytes (GBK without the UTF-8
/// flag, NUL, `../`), sizes and checksums that lie, symbolic links, ZIP64 for many members.
public struct ZipMember: Sendable {
    public var name: [UInt8]
    /// The bytes as stored (already deflated when `method` is 8).
    public var data: [UInt8]
    public var method: UInt16
    public var crc32: UInt32
    public var compressedSize: UInt32
    public var uncompressedSize: UInt32
    /// Bit 11: the name is UTF-8.
    public var flags: UInt16
    public var externalAttributes: UInt32

    /// An honest member: deflated (or stored), true sizes and checksum.
    public init(_ name: String, _ content: [UInt8], deflate: Bool = true) throws {
        self.init(rawName: Array(name.utf8), content: content, data: deflate ? try GzipWriter.deflate(content) : content, method: deflate ? 8 : 0)
        flags = 0x0800
    }

    public init(rawName: [UInt8], content: [UInt8], data: [UInt8], method: UInt16) {
        name = rawName
        self.data = data
        self.method = method
        crc32 = ZipWriter.crc32(content)
        compressedSize = UInt32(truncatingIfNeeded: data.count)
        uncompressedSize = UInt32(truncatingIfNeeded: content.count)
        flags = 0
        externalAttributes = 0o100644 << 16
    }
}

public enum ZipWriter {
    public static func archive(_ members: [ZipMember]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for m in members {
            let offset = UInt32(truncatingIfNeeded: out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(m.flags) + le16(m.method) + le16(0) + le16(0x21)
            out += le32(m.crc32) + le32(m.compressedSize) + le32(m.uncompressedSize) + le16(UInt16(m.name.count)) + le16(0)
            out += m.name + m.data
            central += le32(0x0201_4B50) + le16(0x031E) + le16(20) + le16(m.flags) + le16(m.method) + le16(0) + le16(0x21)
            central += le32(m.crc32) + le32(m.compressedSize) + le32(m.uncompressedSize) + le16(UInt16(m.name.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(m.externalAttributes) + le32(offset)
            central += m.name
        }
        let cdOffset = out.count
        out += central
        if members.count > 0xFFFE {
            let record = out.count
            out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(UInt64(members.count)) + le64(UInt64(members.count)) + le64(UInt64(central.count)) + le64(UInt64(cdOffset))
            out += le32(0x0706_4B50) + le32(0) + le64(UInt64(record)) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
            out += le32(UInt32(central.count)) + le32(UInt32(cdOffset)) + le16(0)
        }
        return out
    }

    /// Where the end-of-central-directory record starts (to patch it).
    public static func endOfCentralDirectory(_ zip: [UInt8]) -> Int { zip.count - 22 }

    public static func patch32(_ zip: inout [UInt8], at offset: Int, _ value: UInt32) {
        for k in 0..<4 { zip[offset + k] = UInt8(truncatingIfNeeded: value >> UInt32(8 * k)) }
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    public static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> UInt32(8 * $0)) } }
    public static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * $0)) } }
}
