import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// Hostile gzip streams: cut, concatenated, bombs, and a large `.txt.gz` that must stream. Each gives error records or safe documents, never a trap, in bounded time and memory.
@Suite("Hostile gzip") struct GzipHostileTests {

    @Test func gzipTruncatedConcatenatedAndBomb() throws {
        let gz = try GzipWriter.compress(Array(String(repeating: "一、总体要求\n", count: 500).utf8))
        #expect(throws: BatchFailure.self) { try Gzip.decompress(Array(gz.prefix(gz.count / 2)), limit: 1 << 20) }
        do {
            _ = try Gzip.decompress(Array(gz.prefix(gz.count / 2)), limit: 1 << 20)
        } catch let f as BatchFailure {
            #expect(f.code == BatchErrorCode.truncatedArchive)
        }
        let two = try GzipWriter.compress(Array("甲".utf8)) + GzipWriter.compress(Array("乙".utf8))
        #expect(try Gzip.decompress(two, limit: 100) == Array("甲乙".utf8))
        let (zeros, size) = GzipWriter.deflatedZeros(count: 1 << 31)
        let bomb = GzipWriter.gzip(deflated: zeros, crc32: 0, size: UInt32(truncatingIfNeeded: size))
        do {
            _ = try Gzip.decompress(bomb, limit: 1 << 20)
            Issue.record("a gzip bomb decompressed")
        } catch let f as BatchFailure {
            #expect(f.code == BatchErrorCode.tooLarge)
        }
    }

    /// Counts what a stream hands out, to show a decompressor stops early.
    final class CountingSource: ByteSource {
        let inner: ByteSource
        var delivered = 0
        init(_ inner: ByteSource) { self.inner = inner }
        func read(_ count: Int) throws -> [UInt8] {
            let out = try inner.read(count)
            delivered += out.count
            return out
        }
    }

    @Test func aLargeTxtGzStreamsAndStopsAtTheLimit() throws {
        // 300 MB of zeros compressed to about 2 MB: reading stops at the limit, not at the end.
        let (zeros, size) = GzipWriter.deflatedZeros(count: 300_000_000)
        let gz = GzipWriter.gzip(deflated: zeros, crc32: 0, size: UInt32(truncatingIfNeeded: size))
        let source = CountingSource(MemorySource(gz))
        #expect(throws: BatchFailure.self) { try Gzip.decompress(from: source, limit: 4 << 20) }
        #expect(source.delivered < gz.count / 4, "read \(source.delivered) of \(gz.count) compressed bytes")
        // From a file, the same.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).txt.gz").path
        try Data(gz).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try Gzip.decompress(file: path, limit: 4 << 20)
            Issue.record("decompressed past the limit")
        } catch let f as BatchFailure {
            #expect(f.code == BatchErrorCode.tooLarge)
        }
    }
}
