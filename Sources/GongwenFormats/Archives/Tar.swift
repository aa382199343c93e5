import Gongwen

/// One regular file in a tar archive.
struct TarEntry {
    var name: String
    var size: Int
}

/// A small reader for tar archives: POSIX ustar, GNU (`L` long names, base-256 sizes) and pax
/// (`x` extended headers with `path` and `size`). Reads forward only, so a `.tar.gz` streams.
/// Directories, links and devices are passed over: they are not documents.
final class TarReader {
    private let source: ByteSource
    private var bodyLeft = 0
    private var paddingLeft = 0
    private var headers = 0

    init(_ source: ByteSource) { self.source = source }

    /// The next regular file, or nil at the end of the archive.
    func next() throws -> TarEntry? {
        var longName: String?
        var paxPath: String?
        var paxSize: Int?
        while true {
            try skipRest()
            let header = try source.read(512)
            if header.isEmpty { return nil } // End of data at a block boundary: lenient, as GNU tar is.
            guard header.count == 512 else {
                throw BatchFailure(BatchErrorCode.truncatedArchive, "the tar archive ends inside a header")
            }
            if header.allSatisfy({ $0 == 0 }) { return nil }
            guard Self.checksumOK(header) else {
                if headers == 0 { throw BatchFailure(BatchErrorCode.unreadable, "not a tar archive (bad header checksum)") }
                throw BatchFailure(BatchErrorCode.unreadable, "corrupt tar header (bad checksum) after \(headers) entries")
            }
            headers += 1
            guard var size = Self.number(header[124..<136]) else {
                throw BatchFailure(BatchErrorCode.unreadable, "corrupt tar header (bad size field)")
            }
            let type = header[156]
            let isMeta = type == UInt8(ascii: "x") || type == UInt8(ascii: "g") || type == UInt8(ascii: "L") || type == UInt8(ascii: "K")
            if !isMeta, let s = paxSize { size = s }
            // Sizes come from the file: negative (pax `size=-1`) or beyond any real archive
            // (`Int.max` in base-256) would break the arithmetic below.
            guard size >= 0, size <= Self.maxMemberSize else {
                throw BatchFailure(BatchErrorCode.unreadable, "corrupt tar header (member size \(size) is impossible)")
            }
            bodyLeft = size
            paddingLeft = (512 - size % 512) % 512
            switch type {
            case UInt8(ascii: "L"):
                longName = Self.cString(try readMeta(size))
            case UInt8(ascii: "x"):
                let records = Self.paxRecords(try readMeta(size))
                if let p = records["path"] { paxPath = p }
                if let s = records["size"], let n = Int(s) { paxSize = n }
            case UInt8(ascii: "g"), UInt8(ascii: "K"):
                continue
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                var name = Self.cString(Array(header[0..<100]))
                if header[257..<262].elementsEqual("ustar".utf8) {
                    let prefix = Self.cString(Array(header[345..<500]))
                    if !prefix.isEmpty { name = prefix + "/" + name }
                }
                return TarEntry(name: paxPath ?? longName ?? name, size: size)
            default:
                // Directory, link, device, FIFO: nothing to convert. Extension headers apply to it only.
                longName = nil
                paxPath = nil
                paxSize = nil
            }
        }
    }

    /// Larger than any real member (256 TiB): sizes past this are corrupt headers.
    static let maxMemberSize = 1 << 48

    /// The current entry's content; nil (and skipped) when it is over `limit` bytes.
    func readBody(limit: Int) throws -> [UInt8]? {
        if bodyLeft > limit { return nil }
        let body = try source.read(bodyLeft)
        guard body.count == bodyLeft else {
            bodyLeft = 0
            paddingLeft = 0
            throw BatchFailure(BatchErrorCode.truncatedArchive, "the tar archive ends inside a member (\(body.count) of \(body.count + bodyLeft) bytes)")
        }
        bodyLeft = 0
        return body
    }

    private func readMeta(_ size: Int) throws -> [UInt8] {
        guard size <= 1 << 20 else { throw BatchFailure(BatchErrorCode.unreadable, "tar extension header of \(size) bytes") }
        guard let body = try readBody(limit: size) else { return [] }
        return body
    }

    private func skipRest() throws {
        let want = bodyLeft + paddingLeft
        bodyLeft = 0
        paddingLeft = 0
        if want > 0, try source.skip(want) < want {
            throw BatchFailure(BatchErrorCode.truncatedArchive, "the tar archive ends inside a member")
        }
    }

    static func checksumOK(_ header: [UInt8]) -> Bool {
        guard let stored = number(header[148..<156]) else { return false }
        var sum = 0
        for (i, b) in header.enumerated() { sum += (148..<156).contains(i) ? 32 : Int(b) }
        return sum == stored
    }

    /// Octal, NUL/space padded; or GNU base-256 when the high bit of the first byte is set.
    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            var n = 0
            for (i, b) in field.enumerated() {
                let byte = i == 0 ? b & 0x7F : b
                guard n <= (Int.max >> 8) else { return nil }
                n = n << 8 | Int(byte)
            }
            return n
        }
        var n = 0
        var digits = 0
        for b in field {
            if b == 0 || b == 32 { if digits > 0 { break } else { continue } }
            guard (48...55).contains(b) else { return nil }
            n = n * 8 + Int(b - 48)
            digits += 1
        }
        return n
    }

    static func cString(_ bytes: [UInt8]) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return decodeName(Array(bytes[0..<end]))
    }

    /// `len key=value\n` records.
    static func paxRecords(_ bytes: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        var i = 0
        while i < bytes.count {
            guard let space = bytes[i...].firstIndex(of: 32), let len = Int(String(decoding: bytes[i..<space], as: UTF8.self)),
                  len > space - i, len <= bytes.count - i else { break }
            let record = bytes[(space + 1)..<(i + len)]
            if let eq = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<eq], as: UTF8.self)
                var value = Array(record[(eq + 1)...])
                if value.last == 10 { value.removeLast() }
                out[key] = decodeName(value)
            }
            i += len
        }
        return out
    }
}

/// Member names: UTF-8 when valid and plausible, else GB18030 (archives made on Chinese Windows).
/// Short GBK names can be valid UTF-8 by accident (`通知` → `֪ͨ`), so a UTF-8 reading with no
/// Chinese in it loses to a GB18030 reading that is all Chinese.
func decodeName(_ bytes: [UInt8]) -> String {
    func chinese(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.value < 0x80 || Formats.plausibleScalar($0.value) && $0.value >= 0x2E80 }
    }
    let utf8 = String(validating: bytes, as: UTF8.self)
    if let utf8, !bytes.contains(where: { $0 >= 0x80 }) || chinese(utf8) { return utf8 }
    let gb = SourceDecoder.decode(bytes, forcedEncoding: "GB18030").text
    if utf8 == nil || (!gb.unicodeScalars.contains { $0.value == 0xFFFD } && chinese(gb)) { return gb }
    return utf8!
}
