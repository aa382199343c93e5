import Foundation
import ZIPFoundation

/// What a member may expand to.
struct ZipLimits: Sendable {
    var maxBytes: Int
    /// Uncompressed : compressed, above which a member (over 1 MiB) is treated as a bomb.
    var maxRatio: Int
}

enum ZipReading {
    private struct Overflow: Error {}

    /// Reads one member into memory, checking it against its declared size and the limits.
    static func read(_ entry: Entry, from archive: Archive, limits: ZipLimits, name: String) throws -> [UInt8] {
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = Int(clamping: entry.compressedSize)
        if declared > limits.maxBytes {
            throw BatchFailure(BatchErrorCode.tooLarge, "declares \(declared) bytes, over the limit of \(limits.maxBytes) bytes (--max-bytes)", bytes: declared)
        }
        if declared > 1 << 20, compressed == 0 || declared / max(compressed, 1) > limits.maxRatio {
            throw BatchFailure(BatchErrorCode.archiveBomb, "compression ratio \(declared / max(compressed, 1)):1 is over the limit of \(limits.maxRatio):1", bytes: declared)
        }
        var out: [UInt8] = []
        out.reserveCapacity(declared)
        do {
            // ZIPFoundation computes the checksum but leaves comparing it to the caller.
            let crc = try archive.extract(entry, skipCRC32: false) { data in
                if out.count + data.count > declared { throw Overflow() }
                out.append(contentsOf: data)
            }
            if crc != entry.checksum {
                throw BatchFailure(BatchErrorCode.unreadable, "checksum mismatch (CRC-32): the member is corrupt", bytes: declared)
            }
        } catch let failure as BatchFailure {
            throw failure
        } catch is Overflow {
            throw BatchFailure(BatchErrorCode.archiveBomb, "expands past its declared size of \(declared) bytes", bytes: declared)
        } catch Archive.ArchiveError.invalidCRC32 {
            throw BatchFailure(BatchErrorCode.unreadable, "checksum mismatch: the member is corrupt", bytes: declared)
        } catch {
            throw BatchFailure(BatchErrorCode.unreadable, "cannot read member: \(error)", bytes: declared)
        }
        if out.count != declared {
            throw BatchFailure(BatchErrorCode.truncatedArchive, "expanded to \(out.count) of \(declared) declared bytes", bytes: declared)
        }
        return out
    }

    /// Member names: the UTF-8 flag is often missing on archives made on Chinese Windows, whose
    /// names are GBK. Recover the raw bytes (ISO 8859-1 maps bytes 1:1) and decode them ourselves.
    static func name(of entry: Entry) -> String {
        // With the UTF-8 flag set, `path` is already decoded as UTF-8.
        let flagged = entry.path(using: .utf8)
        if entry.path == flagged, flagged.unicodeScalars.contains(where: { $0.value >= 0x80 }) { return flagged }
        let latin1 = entry.path(using: .isoLatin1)
        let raw = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        if latin1.unicodeScalars.allSatisfy({ $0.value < 0x100 }) { return decodeName(raw) }
        return entry.path
    }

    /// An archive on disk, its directory checked first (`ZipGuard`).
    static func open(path: String) throws -> Archive {
        try ZipGuard.check(file: path)
        do { return try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw openFailure(error, head: (try? FileSource(path: path).read(4)) ?? [])
        }
    }

    /// An archive in memory, checked first: ZIPFoundation traps on an offset past the end of data
    /// in memory (it does not on a file), so every offset it will seek to is checked here.
    static func open(bytes: [UInt8]) throws -> Archive {
        try ZipGuard.check(bytes)
        do { return try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw openFailure(error, head: Array(bytes.prefix(4)))
        }
    }

    private static func openFailure(_ error: Error, head: [UInt8]) -> BatchFailure {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return BatchFailure(BatchErrorCode.truncatedArchive, "the zip archive has no central directory (truncated?)")
        }
        if head.isEmpty { return BatchFailure(BatchErrorCode.empty, "empty file") }
        return BatchFailure(BatchErrorCode.unreadable, "not a zip archive (\(error))")
    }
}
