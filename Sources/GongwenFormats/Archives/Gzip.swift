import CompressNIO
import NIOCore

/// Streams the decompressed bytes of a gzip stream (concatenated members included), so a large
/// `.tar.gz` is read with flat memory. A stream that stops before its end is `truncated-archive`,
/// corrupt data is `unreadable`.
final class GzipSource: ByteSource {
    private let raw: ByteSource
    private let inflater: ZlibDecompressor
    private var input = ByteBuffer()
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var finished = false
    private var producedAny = false
    private let chunk = 1 << 18

    init(_ raw: ByteSource) throws {
        self.raw = raw
        do { inflater = try ZlibDecompressor(algorithm: .gzip) } catch {
            throw BatchFailure(BatchErrorCode.unreadable, "cannot start gzip decompression: \(error)")
        }
    }

    func read(_ count: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(count, 1 << 20))
        while out.count < count {
            if pendingOffset < pending.count {
                let take = min(count - out.count, pending.count - pendingOffset)
                out.append(contentsOf: pending[pendingOffset..<(pendingOffset + take)])
                pendingOffset += take
                continue
            }
            if finished { break }
            try refill()
        }
        return out
    }

    private func refill() throws {
        pending = []
        pendingOffset = 0
        while pending.isEmpty && !finished {
            if input.readableBytes == 0 {
                let more = try raw.read(chunk)
                if more.isEmpty {
                    if try streamEnded() {
                        finished = true
                        return
                    }
                    throw BatchFailure(BatchErrorCode.truncatedArchive, "the gzip stream ends before its end marker")
                }
                input = ByteBuffer(bytes: more)
            }
            var output = ByteBufferAllocator().buffer(capacity: chunk)
            var ended = false
            do {
                try inflater.inflate(from: &input, to: &output)
                // zlib stops short of the input only at the end of a stream.
                ended = input.readableBytes > 0
            } catch let error as CompressNIOError where error == .bufferOverflow || error == .inputBufferOverflow {
                // Output full, or more input needed: go round again.
            } catch let error as CompressNIOError where error == .corruptData {
                if !producedAny { throw BatchFailure(BatchErrorCode.unreadable, "not gzip data, or corrupt") }
                throw BatchFailure(BatchErrorCode.unreadable, "corrupt gzip data")
            } catch {
                throw BatchFailure(BatchErrorCode.unreadable, "gzip: \(error)")
            }
            if output.readableBytes > 0 {
                pending = output.readBytes(length: output.readableBytes) ?? []
                producedAny = true
            }
            if ended {
                // Another gzip member follows (`cat a.gz b.gz`), or trailing junk we ignore.
                let next = input.getBytes(at: input.readerIndex, length: min(2, input.readableBytes)) ?? []
                if next == [0x1F, 0x8B] {
                    try? inflater.reset()
                } else {
                    finished = true
                }
            }
        }
    }

    /// Whether zlib has seen the end of the stream: with no input left, a finished stream reports
    /// its end again, an unfinished one asks for more input.
    private func streamEnded() throws -> Bool {
        var empty = ByteBufferAllocator().buffer(capacity: 8)
        empty.writeInteger(UInt8(0))
        empty.moveReaderIndex(forwardBy: 1)
        var output = ByteBufferAllocator().buffer(capacity: 64)
        do {
            try inflater.inflate(from: &empty, to: &output)
            return true
        } catch {
            return false
        }
    }
}

enum Gzip {
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Decompresses a whole gzip stream held in memory, refusing output over `limit` bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        try decompress(from: MemorySource(bytes), limit: limit)
    }

    /// Decompresses a `.gz` file as a stream: reading stops one byte past `limit`, so a 300 MB
    /// `.txt.gz` costs `limit` bytes of memory and the time to inflate them, not the whole file.
    static func decompress(file path: String, limit: Int) throws -> [UInt8] {
        try decompress(from: FileSource(path: path), limit: limit)
    }

    static func decompress(from raw: ByteSource, limit: Int) throws -> [UInt8] {
        let source = try GzipSource(raw)
        let (want, overflow) = max(0, limit).addingReportingOverflow(1)
        let out = try source.read(overflow ? Int.max : want)
        if out.count > limit {
            throw BatchFailure(BatchErrorCode.tooLarge, "decompresses to over the limit of \(limit) bytes (--max-bytes)", bytes: out.count)
        }
        return out
    }
}
