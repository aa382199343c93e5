import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// Hostile archives, built here byte by byte: each gives error records or safe documents, never a
/// trap, in bounded time and memory.
@Suite("Hostile archives") struct ArchiveHostileTests {
    struct Item {
        var path: String
        var code: String?
        var bytes: [UInt8]?
    }

    /// The items an archive held in memory expands to (what workers would convert).
    func expand(_ kind: PlannedInput.Kind, _ bytes: [UInt8], options: BatchOptions = BatchOptions(jobs: 1)) -> [Item] {
        var items: [Item] = []
        ArchiveExpander(options: options).expand(kind, source: .bytes(bytes), display: "x", mirror: "x", depth: 0) { item in
            switch item.payload {
            case .bytes(let b, _): items.append(Item(path: item.path ?? "", code: nil, bytes: b))
            case .failure(let f, _): items.append(Item(path: item.path ?? "", code: f.code, bytes: nil))
            case .file: items.append(Item(path: item.path ?? "", code: "file?", bytes: nil))
            }
        }
        return items
    }

    static let text = Array("一、总体要求\n做好工作。\n".utf8)

    /// A tar header with any size field, checksum fixed.
    func header(_ name: String, size: [UInt8], type: UInt8 = UInt8(ascii: "0")) -> [UInt8] {
        var h = TarWriter.header(name: Array(name.utf8), size: 0, type: type)
        h.replaceSubrange(124..<136, with: size)
        for i in 148..<156 { h[i] = 32 }
        let sum = h.reduce(0) { $0 + Int($1) }
        let octal = Array(String(sum, radix: 8).utf8)
        h.replaceSubrange(148..<156, with: [UInt8](repeating: 48, count: 6 - octal.count) + octal + [0, 32])
        return h
    }

    func pax(_ records: String) -> [UInt8] {
        var body: [UInt8] = []
        for r in records.split(separator: "\n") {
            let line = " \(r)\n"
            var len = line.utf8.count + 1
            if String(len).count + line.utf8.count != len { len += 1 }
            body += Array("\(len)\(line)".utf8)
        }
        return TarWriter.header(name: Array("PaxHeader".utf8), size: body.count, type: UInt8(ascii: "x"))
            + body + [UInt8](repeating: 0, count: (512 - body.count % 512) % 512)
    }

    // MARK: tar

    @Test func tarMemberWithANegativeSizeInMemory() throws {
        let tar = pax("size=-5") + TarWriter.header(name: Array("a.txt".utf8), size: 0, type: UInt8(ascii: "0")) + [UInt8](repeating: 0, count: 1024)
        let items = expand(.tar, tar)
        #expect(items.map(\.code) == [BatchErrorCode.unreadable])
        // Inside a .tar.gz held in memory (the original trap was MemorySource.read).
        let gz = try GzipWriter.compress(tar)
        #expect(expand(.tarGz, gz).map(\.code) == [BatchErrorCode.unreadable])
        #expect(try MemorySource([1, 2, 3]).read(-7) == [])
    }

    @Test func tarMemberOfSizeIntMax() throws {
        // GNU base-256: 0x80 then Int.max big-endian; and pax size=Int.max.
        let base256: [UInt8] = [0x80, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        let a = header("big.txt", size: base256) + [UInt8](repeating: 0, count: 1024)
        #expect(expand(.tar, a).map(\.code) == [BatchErrorCode.unreadable])
        let b = pax("size=\(Int.max)") + TarWriter.header(name: Array("b.txt".utf8), size: 0, type: UInt8(ascii: "0")) + [UInt8](repeating: 0, count: 1024)
        #expect(expand(.tar, b).map(\.code) == [BatchErrorCode.unreadable])
        // A pax record whose length field is huge is ignored, not added to an index.
        #expect(TarReader.paxRecords(Array("9223372036854775807 path=x\n".utf8)).isEmpty)
    }

    @Test func tarLinksDevicesAndFIFOsAreNotDocuments() {
        var tar: [UInt8] = []
        for type in ["1", "2", "3", "4", "5", "6"] {
            var h = TarWriter.header(name: Array("link\(type)".utf8), size: 0, type: Array(type.utf8)[0])
            h.replaceSubrange(157..<168, with: Array("/etc/passwd".utf8)) // link target
            for i in 148..<156 { h[i] = 32 }
            let sum = h.reduce(0) { $0 + Int($1) }
            let octal = Array(String(sum, radix: 8).utf8)
            h.replaceSubrange(148..<156, with: [UInt8](repeating: 48, count: 6 - octal.count) + octal + [0, 32])
            tar += h
        }
        tar += TarWriter.archive([("ok.txt", Self.text)])
        let items = expand(.tar, tar)
        #expect(items.map(\.path) == ["x!/ok.txt"])
        #expect(items.first?.bytes == Self.text)
    }

    @Test func truncatedTarKeepsTheMembersBeforeTheCut() {
        let tar = TarWriter.archive([("a.txt", Self.text), ("b.txt", [UInt8](repeating: 65, count: 5000))])
        let cut = Array(tar.prefix(512 + 512 + 512 + 1000))
        let items = expand(.tar, cut)
        #expect(items.map(\.code) == [nil, BatchErrorCode.truncatedArchive])
        #expect(items.first?.bytes == Self.text)
        let insideHeader = Array(tar.prefix(512 + 512 + 100))
        #expect(expand(.tar, insideHeader).map(\.code) == [nil, BatchErrorCode.truncatedArchive])
    }

    // MARK: zip

    @Test func zipCentralDirectoryPastTheEndInMemory() throws {
        var zip = try ZipWriter.archive([ZipMember("word/document.xml", Array("<w:p><w:t>通知</w:t></w:p>".utf8))])
        let eocd = ZipWriter.endOfCentralDirectory(zip)
        ZipWriter.patch32(&zip, at: eocd + 16, 0x7FFF_FFF0)
        #expect(throws: BatchFailure.self) { try ZipGuard.check(zip) }
        #expect(expand(.zip, zip).map(\.code) == [BatchErrorCode.truncatedArchive])
        do throws(FormatError) {
            _ = try DocumentReader.read(bytes: zip, name: "n.docx")
            Issue.record("read a docx with its central directory past the end")
        } catch {
            #expect(error.code == BatchErrorCode.truncatedArchive)
        }
        // A local header offset past the end, and one that leaves the data past the end.
        var lho = try ZipWriter.archive([ZipMember("a.txt", Self.text)])
        let cd = lho.count - 22 - 46 - 5
        ZipWriter.patch32(&lho, at: cd + 42, 0x00FF_FFFF)
        #expect(expand(.zip, lho).map(\.code) == [BatchErrorCode.truncatedArchive])
        // Every one-byte-shorter prefix of a valid archive is refused or read, never a trap.
        let whole = try ZipWriter.archive([ZipMember("a.txt", Self.text), ZipMember("b.txt", Self.text)])
        for n in stride(from: 0, to: whole.count, by: 3) {
            _ = expand(.zip, Array(whole.prefix(n)))
        }
    }

    @Test func zip64ValuesThatWouldOverflow() throws {
        var member = try ZipMember("a.txt", Self.text)
        member.compressedSize = 0xFFFF_FFFF
        var zip = ZipWriter.archive([member])
        // Give the central directory entry a ZIP64 block claiming an absurd compressed size.
        let cdStart = zip.count - 22 - 46 - 5
        let extra: [UInt8] = ZipWriter.le16(1) + ZipWriter.le16(8) + ZipWriter.le64(UInt64.max - 10)
        zip.insert(contentsOf: extra, at: cdStart + 46 + 5)
        zip[cdStart + 30] = UInt8(extra.count)
        ZipWriter.patch32(&zip, at: zip.count - 22 + 12, UInt32(46 + 5 + extra.count))
        #expect(throws: BatchFailure.self) { try ZipGuard.check(zip) }
        #expect(expand(.zip, zip).map(\.code) == [BatchErrorCode.truncatedArchive])
        // Deflated with a data descriptor, on disk: ZIPFoundation's own sum overflowed here (a trap
        // for files too), so the directory of a zip on disk is checked the same way.
        zip[cdStart + 10] = 8
        zip[cdStart + 8] |= 0x08
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("z64-\(UUID().uuidString).zip").path
        try Data(zip).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: BatchFailure.self) { try ZipGuard.check(file: path) }
        var items: [String?] = []
        ArchiveExpander(options: BatchOptions(jobs: 1)).expand(.zip, source: .path(path), display: "z", mirror: "z", depth: 0) { item in
            if case .failure(let f, _) = item.payload { items.append(f.code) } else { items.append(nil) }
        }
        #expect(items == [BatchErrorCode.truncatedArchive])
    }

    @Test func zipMemberWithAWrongChecksumIsUnreadable() throws {
        var member = try ZipMember("a.txt", Self.text)
        member.crc32 ^= 0xDEAD
        let items = expand(.zip, ZipWriter.archive([member, try ZipMember("b.txt", Self.text)]))
        #expect(items.map(\.code) == [BatchErrorCode.unreadable, nil])
    }

    @Test func zipBombs() throws {
        let (zeros, size) = GzipWriter.deflatedZeros(count: 1 << 31)
        #expect(size >= 1 << 31 - 4096)
        // 2 GiB of zeros declared as 100 bytes: stops after 100 bytes.
        var lying = ZipMember(rawName: Array("zeros.txt".utf8), content: [], data: zeros, method: 8)
        lying.uncompressedSize = 100
        // The same declared honestly: refused before inflating anything.
        var honest = lying
        honest.name = Array("honest.txt".utf8)
        honest.uncompressedSize = UInt32(truncatingIfNeeded: size)
        // 60 MiB declared, 2 GiB inside: inflation stops just past the declared size.
        var ratio = lying
        ratio.name = Array("ratio.txt".utf8)
        ratio.uncompressedSize = 60 << 20
        let items = expand(.zip, ZipWriter.archive([lying, honest, ratio]))
        #expect(items.map(\.code) == [BatchErrorCode.archiveBomb, BatchErrorCode.tooLarge, BatchErrorCode.archiveBomb])
    }

    @Test func zipInZipTwelveDeep() throws {
        var bytes = try ZipWriter.archive([ZipMember("core.txt", Self.text)])
        for depth in 0..<12 { bytes = try ZipWriter.archive([ZipMember("level\(depth).zip", bytes)]) }
        let items = expand(.zip, bytes)
        #expect(items.count == 1)
        #expect(items.first?.code == BatchErrorCode.archiveBomb)
    }

    @Test func hundredThousandTinyMembers() throws {
        let members = (0..<100_000).map { ZipMember(rawName: Array("m\($0).txt".utf8), content: [65], data: [65], method: 0) }
        let zip = ZipWriter.archive(members)
        try ZipGuard.check(zip)
        let items = expand(.zip, zip)
        #expect(items.count == 100_000)
        #expect(items.allSatisfy { $0.code == nil && $0.bytes == [65] })
    }

    @Test func hostileMemberNamesStayInsideTheOutputFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gbk = BatchFixture.gb18030("通知.txt")
        let zip = ZipWriter.archive([
            try ZipMember("../../escape.txt", Self.text),
            try ZipMember("/etc/absolute.txt", Self.text),
            ZipMember(rawName: gbk, content: Self.text, data: Self.text, method: 0),
            try ZipMember("a/./b/../c.txt", Self.text),
        ])
        try Data(zip).write(to: URL(fileURLWithPath: dir + "/in/names.zip"))
        let out = dir + "/out/"
        let summary = try BatchConverter(options: BatchOptions(jobs: 1)).run(inputs: [dir + "/in/names.zip"], output: .directory(out))
        #expect(summary.inputs == 4)
        #expect(summary.documents == 4)
        let written = FileManager.default.enumerator(atPath: out)?.compactMap { $0 as? String } ?? []
        #expect(written.contains { $0.hasSuffix("通知.txt.json") }, "GBK names are decoded")
        for file in written {
            let real = URL(fileURLWithPath: out + file).standardizedFileURL.path
            #expect(real.hasPrefix(URL(fileURLWithPath: out).standardizedFileURL.path))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/escape.txt.json"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/absolute.txt.json"))
    }

    @Test func nulInAMemberNameIsAnItemNotATrap() throws {
        let zip = ZipWriter.archive([
            ZipMember(rawName: Array("a\u{0}b.txt".utf8), content: Self.text, data: Self.text, method: 0),
            try ZipMember("after.txt", Self.text),
        ])
        let items = expand(.zip, zip)
        #expect(items.count == 2)
        #expect(items.last?.path == "x!/after.txt")
    }

    // MARK: gzip

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
