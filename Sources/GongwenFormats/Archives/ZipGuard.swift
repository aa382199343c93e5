/// Checks a zip held in memory before ZIPFoundation reads it. ZIPFoundation seeks to the offsets
/// the archive states (central directory, local headers, data descriptors) and, for data in
/// memory, traps when one lies past the end; it also adds 64-bit sizes without overflow checks.
/// This walks the same structures the same way (last end-of-central-directory record, ZIP64
/// record before it, every central directory entry and its local header) and refuses the
/// archive if any position it would seek to is outside the bytes.
enum ZipGuard {
    /// No real member is near this size; refusing larger values rules out overflow in any sum.
    static let implausible: UInt64 = 1 << 40

    static func check(_ b: [UInt8]) throws {
        let count = UInt64(b.count)
        func u16(_ at: Int) -> UInt64 { UInt64(b[at]) | UInt64(b[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt64 { u16(at) | u16(at + 2) << 16 }
        func u64(_ at: Int) -> UInt64 { u32(at) | u32(at + 4) << 32 }
        func truncated(_ what: String) -> BatchFailure {
            BatchFailure(BatchErrorCode.truncatedArchive, "the zip archive is cut short or corrupt: \(what) lies past its end")
        }
        guard b.count >= 22 else { throw BatchFailure(BatchErrorCode.truncatedArchive, "the zip archive has no central directory (truncated?)") }
        // The last end-of-central-directory signature, as ZIPFoundation scans (from 22 bytes before the end back).
        var eocd = -1
        var p = b.count - 22
        while p >= 0 {
            if b[p] == 0x50, b[p + 1] == 0x4B, b[p + 2] == 0x05, b[p + 3] == 0x06 { eocd = p; break }
            p -= 1
        }
        guard eocd >= 0 else { throw BatchFailure(BatchErrorCode.truncatedArchive, "the zip archive has no central directory (truncated?)") }
        var entries = u16(eocd + 10)
        var cdSize = u32(eocd + 12)
        var cdOffset = u32(eocd + 16)
        // ZIP64: a locator just before the record, the ZIP64 record just before the locator.
        if eocd > 20, eocd - 20 > 56 {
            let locator = eocd - 20, record = locator - 56
            if u32(locator) == 0x0706_4B50, u32(record) == 0x0606_4B50, u16(record + 14) >= 45 {
                entries = u64(record + 32)
                cdSize = u64(record + 40)
                cdOffset = u64(record + 48)
            }
        }
        guard cdOffset <= count, cdSize <= implausible else { throw truncated("the central directory") }
        var at = Int(cdOffset)
        var index: UInt64 = 0
        while index < entries {
            guard at + 46 <= b.count, u32(at) == 0x0201_4B50 else { break } // ZIPFoundation stops here too
            let versionNeeded = u16(at + 6) & 0xFF
            let flags = u16(at + 8)
            let method = u16(at + 10)
            let compressed32 = u32(at + 20), uncompressed32 = u32(at + 24)
            let nameLength = Int(u16(at + 28)), extraLength = Int(u16(at + 30)), commentLength = Int(u16(at + 32))
            let disk32 = u16(at + 34)
            let offset32 = u32(at + 42)
            let extraStart = at + 46 + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= b.count else { throw truncated("a central directory entry") }
            let zip64 = zip64Fields(b, extraStart..<(extraStart + extraLength),
                                    uncompressed: uncompressed32 == 0xFFFF_FFFF, compressed: compressed32 == 0xFFFF_FFFF,
                                    offset: offset32 == 0xFFFF_FFFF, disk: disk32 == 0xFFFF)
            if let zip64, zip64.values.contains(where: { $0 > implausible }) { throw truncated("a ZIP64 size") }
            let isZIP64 = versionNeeded >= 45 || zip64 != nil
            func effective(_ value32: UInt64, _ value64: UInt64?) -> UInt64 {
                if isZIP64, let value64, value64 > 0 { return value64 }
                return value32
            }
            let compressed = effective(compressed32, zip64?.compressed)
            let uncompressed = effective(uncompressed32, zip64?.uncompressed)
            let localOffset = effective(offset32, zip64?.offset)
            guard localOffset <= count, localOffset + 30 <= count else { throw truncated("a local file header") }
            let local = Int(localOffset)
            if u32(local) == 0x0403_4B50 {
                let dataOffset = localOffset + 30 + u16(local + 26) + u16(local + 28)
                guard dataOffset <= count else { throw truncated("member data") }
                let dataSize = method != 0 ? compressed : uncompressed
                if flags & 0x08 != 0 {
                    guard dataSize <= count, dataOffset + dataSize <= count else { throw truncated("a data descriptor") }
                }
                // A symbolic link's target is read whole, by the local header's own size.
                let madeOnUnix = (u16(at + 4) >> 8) == 3 || (u16(at + 4) >> 8) == 19
                let isLink = madeOnUnix && (u32(at + 38) >> 16) & 0o170000 == 0o120000
                guard !isLink || u32(local + 18) <= count - dataOffset else { throw truncated("a symbolic link's target") }
            }
            at = next
            index += 1
        }
    }

    /// The ZIP64 extended information of an entry, read as ZIPFoundation reads it: only the fields
    /// whose 32-bit value is saturated, in order, and only when the block has exactly their size.
    static func zip64Fields(_ b: [UInt8], _ extra: Range<Int>, uncompressed: Bool, compressed: Bool, offset: Bool,
                            disk: Bool) -> (uncompressed: UInt64?, compressed: UInt64?, offset: UInt64?, values: [UInt64])? {
        guard !extra.isEmpty else { return nil }
        func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func u64(_ at: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in (0..<8).reversed() { v = v << 8 | UInt64(b[at + k]) }
            return v
        }
        var at = extra.lowerBound
        while at < extra.upperBound - 4 {
            let id = u16(at), size = u16(at + 2)
            let next = at + 4 + size
            guard next <= extra.upperBound else { return nil }
            if id == 0x0001 {
                let expected = (uncompressed ? 8 : 0) + (compressed ? 8 : 0) + (offset ? 8 : 0) + (disk ? 4 : 0)
                guard size == expected else { return nil }
                var read = at + 4
                func take(_ present: Bool) -> UInt64? {
                    guard present else { return nil }
                    defer { read += 8 }
                    return u64(read)
                }
                let u = take(uncompressed), c = take(compressed), o = take(offset)
                return (u, c, o, [u, c, o].compactMap { $0 })
            }
            at = next
        }
        return nil
    }
}
