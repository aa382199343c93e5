import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// Hostile tar archives, built here byte by byte: sizes from the file, links and devices, cuts. Each gives error records or safe documents, never a trap, in bounded time and memory.
@Suite("Hostile tar") struct TarHostileTests {

    @Test func tarMemberWithANegativeSizeInMemory() throws {
        let tar = HostileArchive.pax("size=-5") + TarWriter.header(name: Array("a.txt".utf8), size: 0, type: UInt8(ascii: "0")) + [UInt8](repeating: 0, count: 1024)
        let items = HostileArchive.expand(.tar, tar)
        #expect(items.map(\.code) == [BatchErrorCode.unreadable])
        // Inside a .tar.gz held in memory (the original trap was MemorySource.read).
        let gz = try GzipWriter.compress(tar)
        #expect(HostileArchive.expand(.tarGz, gz).map(\.code) == [BatchErrorCode.unreadable])
        #expect(try MemorySource([1, 2, 3]).read(-7) == [])
    }

    @Test func tarMemberOfSizeIntMax() throws {
        // GNU base-256: 0x80 then Int.max big-endian; and pax size=Int.max.
        let base256: [UInt8] = [0x80, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        let a = HostileArchive.header("big.txt", size: base256) + [UInt8](repeating: 0, count: 1024)
        #expect(HostileArchive.expand(.tar, a).map(\.code) == [BatchErrorCode.unreadable])
        let b = HostileArchive.pax("size=\(Int.max)") + TarWriter.header(name: Array("b.txt".utf8), size: 0, type: UInt8(ascii: "0")) + [UInt8](repeating: 0, count: 1024)
        #expect(HostileArchive.expand(.tar, b).map(\.code) == [BatchErrorCode.unreadable])
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
        tar += TarWriter.archive([("ok.txt", HostileArchive.text)])
        let items = HostileArchive.expand(.tar, tar)
        #expect(items.map(\.path) == ["x!/ok.txt"])
        #expect(items.first?.bytes == HostileArchive.text)
    }

    @Test func truncatedTarKeepsTheMembersBeforeTheCut() {
        let tar = TarWriter.archive([("a.txt", HostileArchive.text), ("b.txt", [UInt8](repeating: 65, count: 5000))])
        let cut = Array(tar.prefix(512 + 512 + 512 + 1000))
        let items = HostileArchive.expand(.tar, cut)
        #expect(items.map(\.code) == [nil, BatchErrorCode.truncatedArchive])
        #expect(items.first?.bytes == HostileArchive.text)
        let insideHeader = Array(tar.prefix(512 + 512 + 100))
        #expect(HostileArchive.expand(.tar, insideHeader).map(\.code) == [nil, BatchErrorCode.truncatedArchive])
    }
}
