#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a zip before ZIPFoundation reads it. ZIPFoundation seeks to the offsets the archive
/// states (central directory, local headers, data descriptors) and, for data in memory, traps
/// when one lies past the end; for files too it adds 64-bit sizes from the archive without
/// overflow checks. This walks the same structures the same way (the end-of-central-directory
/// record, the ZIP64 record before it, every central directory entry and its local header) and
/// refuses the archive (`truncated-archive`) if any position it would seek to is outside the
/// bytes or any ZIP64 value is beyond a real archive.
enum ZipGuard {
    /// No real member is near this size; refusing larger values rules out overflow in any sum.
    static let implausible: UInt64 = 1 << 40

    static func check(_ b: [UInt8]) throws {
        try check(count: b.count) { at, n in Array(b[at..<(at + n)]) }
    }

    /// The same for a zip on disk, reading only its directory structures.
    static func check(file path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw BatchFailure(BatchErrorCode.unreadable, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BatchFailure(BatchErrorCode.unreadable, "cannot stat: \(String(cString: strerror(errno)))") }
        try check(count: max(0, Int(st.st_size))) { at, n in
            var out = [UInt8](repeating: 0, count: n)
            var filled = 0
            while filled < n {
                let got = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, n - filled, off_t(at + filled)) }
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { throw BatchFailure(BatchErrorCode.unreadable, "read failed: the zip archive changed or cannot be read") }
                filled += got
            }
            return out
        }
    }

    /// `read(offset, n)` gives `n` bytes at `offset`; it is only asked for bytes inside `count`.
    static func check(count: Int, read: (Int, Int) throws -> [UInt8]) throws {
        let total = UInt64(count)
        func truncated(_ what: String) -> BatchFailure {
            BatchFailure(BatchErrorCode.truncatedArchive, "the zip archive is cut short or corrupt: \(what) lies past its end")
        }
        let noDirectory = BatchFailure(BatchErrorCode.truncatedArchive, "the zip archive has no central directory (truncated?)")
        guard count >= 22 else { throw noDirectory }
        // The last end-of-central-directory signature in the last 64 KiB (a comment is at most that).
        let tailStart = max(0, count - 22 - 0xFFFF)
        let tail = try read(tailStart, count - tailStart)
        var p = tail.count - 22
        while p >= 0, !(tail[p] == 0x50 && tail[p + 1] == 0x4B && tail[p + 2] == 0x05 && tail[p + 3] == 0x06) { p -= 1 }
        guard p >= 0 else {
            let head = try read(0, 4)
            if head != [0x50, 0x4B, 0x03, 0x04] { throw BatchFailure(BatchErrorCode.unreadable, "not a zip archive (no zip signature)") }
            throw noDirectory
        }
        let eocd = tailStart + p
        let end = Fields(Array(tail[p..<(p + 22)]))
        var entries = end.u16(10), cdSize = end.u32(12), cdOffset = end.u32(16)
        // ZIP64 as ZIPFoundation reads it: a locator just before the record, the record just before the locator.
        if eocd > 20, eocd - 20 > 56 {
            let z = Fields(try read(eocd - 20 - 56, 56 + 20))
            if z.u32(56) == 0x0706_4B50, z.u32(0) == 0x0606_4B50, z.u16(14) >= 45 {
                entries = z.u64(32)
                cdSize = z.u64(40)
                cdOffset = z.u64(48)
            }
        }
        guard cdOffset <= total, cdSize <= implausible else { throw truncated("the central directory") }
        var at = Int(cdOffset)
        var index: UInt64 = 0
        while index < entries {
            guard at + 46 <= count else { break } // ZIPFoundation stops at a short or unsigned entry too
            let h = Fields(try read(at, 46))
            guard h.u32(0) == 0x0201_4B50 else { break }
            let nameLength = Int(h.u16(28)), extraLength = Int(h.u16(30)), commentLength = Int(h.u16(32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= count else { throw truncated("a central directory entry") }
            let compressed32 = h.u32(20), uncompressed32 = h.u32(24), offset32 = h.u32(42)
            let zip64 = zip64Fields(Fields(try read(at + 46 + nameLength, extraLength)),
                                    uncompressed: uncompressed32 == 0xFFFF_FFFF, compressed: compressed32 == 0xFFFF_FFFF,
                                    offset: offset32 == 0xFFFF_FFFF, disk: h.u16(34) == 0xFFFF)
            if let zip64, zip64.values.contains(where: { $0 > implausible }) { throw truncated("a ZIP64 size") }
            let isZIP64 = h.u16(6) & 0xFF >= 45 || zip64 != nil
            func effective(_ value32: UInt64, _ value64: UInt64?) -> UInt64 {
                if isZIP64, let value64, value64 > 0 { return value64 }
                return value32
            }
            let localOffset = effective(offset32, zip64?.offset)
            guard localOffset <= total, localOffset + 30 <= total else { throw truncated("a local file header") }
            let local = Fields(try read(Int(localOffset), 30))
            if local.u32(0) == 0x0403_4B50 {
                let dataOffset = localOffset + 30 + local.u16(26) + local.u16(28)
                guard dataOffset <= total else { throw truncated("member data") }
                let flags = h.u16(8)
                let dataSize = h.u16(10) != 0 ? effective(compressed32, zip64?.compressed) : effective(uncompressed32, zip64?.uncompressed)
                if flags & 0x08 != 0 {
                    guard dataSize <= total, dataOffset + dataSize <= total else { throw truncated("a data descriptor") }
                }
                // A symbolic link's target is read whole, by the local header's own size.
                let madeOnUnix = h.u16(4) >> 8 == 3 || h.u16(4) >> 8 == 19
                let isLink = madeOnUnix && (h.u32(38) >> 16) & 0o170000 == 0o120000
                guard !isLink || local.u32(18) <= total - dataOffset else { throw truncated("a symbolic link's target") }
            }
            at = next
            index += 1
        }
    }

    /// Little-endian fields of one structure.
    struct Fields {
        let b: [UInt8]
        init(_ b: [UInt8]) { self.b = b }
        func u16(_ at: Int) -> UInt64 { UInt64(b[at]) | UInt64(b[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt64 { u16(at) | u16(at + 2) << 16 }
        func u64(_ at: Int) -> UInt64 { u32(at) | u32(at + 4) << 32 }
    }

    /// The ZIP64 extended information of an entry, read as ZIPFoundation reads it: only the fields
    /// whose 32-bit value is saturated, in order, and only when the block has exactly their size.
    static func zip64Fields(_ extra: Fields, uncompressed: Bool, compressed: Bool, offset: Bool,
                            disk: Bool) -> (uncompressed: UInt64?, compressed: UInt64?, offset: UInt64?, values: [UInt64])? {
        let n = extra.b.count
        var at = 0
        while at < n - 4 {
            let id = extra.u16(at), size = Int(extra.u16(at + 2))
            let next = at + 4 + size
            guard next <= n else { return nil }
            if id == 0x0001 {
                let expected = (uncompressed ? 8 : 0) + (compressed ? 8 : 0) + (offset ? 8 : 0) + (disk ? 4 : 0)
                guard size == expected else { return nil }
                var read = at + 4
                func take(_ present: Bool) -> UInt64? {
                    guard present else { return nil }
                    defer { read += 8 }
                    return extra.u64(read)
                }
                let u = take(uncompressed), c = take(compressed), o = take(offset)
                return (u, c, o, [u, c, o].compactMap { $0 })
            }
            at = next
        }
        return nil
    }
}
