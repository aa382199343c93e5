import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// Hostile zip archives, built here byte by byte: offsets past the end, ZIP64 overflow, wrong checksums, bombs, nesting, many members, hostile names. Each gives error records or safe documents, never a trap, in bounded time and memory.
@Suite("Hostile zip") struct ZipHostileTests {

    @Test func zipCentralDirectoryPastTheEndInMemory() throws {
        var zip = try ZipWriter.archive([ZipMember("word/document.xml", Array("<w:p><w:t>通知</w:t></w:p>".utf8))])
        let eocd = ZipWriter.endOfCentralDirectory(zip)
        ZipWriter.patch32(&zip, at: eocd + 16, 0x7FFF_FFF0)
        #expect(throws: BatchFailure.self) { try ZipGuard.check(zip) }
        #expect(HostileArchive.expand(.zip, zip).map(\.code) == [BatchErrorCode.truncatedArchive])
        do throws(FormatError) {
            _ = try DocumentReader.read(bytes: zip, name: "n.docx")
            Issue.record("read a docx with its central directory past the end")
        } catch {
            #expect(error.code == BatchErrorCode.truncatedArchive)
        }
        // A local header offset past the end, and one that leaves the data past the end.
        var lho = try ZipWriter.archive([ZipMember("a.txt", HostileArchive.text)])
        let cd = lho.count - 22 - 46 - 5
        ZipWriter.patch32(&lho, at: cd + 42, 0x00FF_FFFF)
        #expect(HostileArchive.expand(.zip, lho).map(\.code) == [BatchErrorCode.truncatedArchive])
        // Every one-byte-shorter prefix of a valid archive is refused or read, never a trap.
        let whole = try ZipWriter.archive([ZipMember("a.txt", HostileArchive.text), ZipMember("b.txt", HostileArchive.text)])
        for n in stride(from: 0, to: whole.count, by: 3) {
            _ = HostileArchive.expand(.zip, Array(whole.prefix(n)))
        }
    }

    @Test func zip64ValuesThatWouldOverflow() throws {
        var member = try ZipMember("a.txt", HostileArchive.text)
        member.compressedSize = 0xFFFF_FFFF
        var zip = ZipWriter.archive([member])
        // Give the central directory entry a ZIP64 block claiming an absurd compressed size.
        let cdStart = zip.count - 22 - 46 - 5
        let extra: [UInt8] = ZipWriter.le16(1) + ZipWriter.le16(8) + ZipWriter.le64(UInt64.max - 10)
        zip.insert(contentsOf: extra, at: cdStart + 46 + 5)
        zip[cdStart + 30] = UInt8(extra.count)
        ZipWriter.patch32(&zip, at: zip.count - 22 + 12, UInt32(46 + 5 + extra.count))
        #expect(throws: BatchFailure.self) { try ZipGuard.check(zip) }
        #expect(HostileArchive.expand(.zip, zip).map(\.code) == [BatchErrorCode.truncatedArchive])
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
        var member = try ZipMember("a.txt", HostileArchive.text)
        member.crc32 ^= 0xDEAD
        let items = HostileArchive.expand(.zip, ZipWriter.archive([member, try ZipMember("b.txt", HostileArchive.text)]))
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
        let items = HostileArchive.expand(.zip, ZipWriter.archive([lying, honest, ratio]))
        #expect(items.map(\.code) == [BatchErrorCode.archiveBomb, BatchErrorCode.tooLarge, BatchErrorCode.archiveBomb])
    }

    @Test func zipInZipTwelveDeep() throws {
        var bytes = try ZipWriter.archive([ZipMember("core.txt", HostileArchive.text)])
        for depth in 0..<12 { bytes = try ZipWriter.archive([ZipMember("level\(depth).zip", bytes)]) }
        let items = HostileArchive.expand(.zip, bytes)
        #expect(items.count == 1)
        #expect(items.first?.code == BatchErrorCode.archiveBomb)
    }

    @Test func hundredThousandTinyMembers() throws {
        let members = (0..<100_000).map { ZipMember(rawName: Array("m\($0).txt".utf8), content: [65], data: [65], method: 0) }
        let zip = ZipWriter.archive(members)
        try ZipGuard.check(zip)
        let items = HostileArchive.expand(.zip, zip)
        #expect(items.count == 100_000)
        #expect(items.allSatisfy { $0.code == nil && $0.bytes == [65] })
    }

    @Test func hostileMemberNamesStayInsideTheOutputFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gbk = BatchFixture.gb18030("通知.txt")
        let zip = ZipWriter.archive([
            try ZipMember("../../escape.txt", HostileArchive.text),
            try ZipMember("/etc/absolute.txt", HostileArchive.text),
            ZipMember(rawName: gbk, content: HostileArchive.text, data: HostileArchive.text, method: 0),
            try ZipMember("a/./b/../c.txt", HostileArchive.text),
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
            ZipMember(rawName: Array("a\u{0}b.txt".utf8), content: HostileArchive.text, data: HostileArchive.text, method: 0),
            try ZipMember("after.txt", HostileArchive.text),
        ])
        let items = HostileArchive.expand(.zip, zip)
        #expect(items.count == 2)
        #expect(items.last?.path == "x!/after.txt")
    }
}
