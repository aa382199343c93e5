import Foundation
import Testing
@testable import GongwenFormats
import GongwenTestSupport

/// Seeded byte mutations of valid archives and documents (flipped bytes, overwritten size and
/// offset fields, cuts): every one must end as documents or error records, never a trap. A cheap
/// net under the fuzzers, with a fixed seed so a failure reproduces.
@Suite("Mutation smoke") struct MutationSmokeTests {
    static let text = Array("关于开展工作的通知\n一、总体要求\n经费548.74万元。\n".utf8)

    func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var b = bytes
        switch random.next(below: 4) {
        case 0: // a few random bytes
            for _ in 0..<(1 + random.next(below: 4)) { b[random.next(below: b.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case 1: // a 32-bit field set to an extreme
            let at = random.next(below: b.count - 4)
            let values: [UInt32] = [0, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, UInt32(b.count), UInt32(b.count + 1)]
            ZipWriter.patch32(&b, at: at, values[random.next(below: values.count)])
        case 2: // cut
            b = Array(b.prefix(random.next(below: b.count)))
        default: // an octal or base-256 size field in a tar header position
            let at = (random.next(below: max(1, b.count / 512))) * 512 + 124
            if at + 12 <= b.count {
                let fields: [[UInt8]] = [Array("77777777777\0".utf8), [0xFF] + [UInt8](repeating: 0xFF, count: 11),
                                         [0x80] + [UInt8](repeating: 0xFF, count: 11), Array("-0000000001\0".utf8)]
                b.replaceSubrange(at..<(at + 12), with: fields[random.next(below: fields.count)])
            }
        }
        return b
    }

    func expandAll(_ kind: PlannedInput.Kind, _ bytes: [UInt8]) -> Int {
        var n = 0
        let options = BatchOptions(jobs: 1, maxBytes: 1 << 20)
        ArchiveExpander(options: options).expand(kind, source: .bytes(bytes), display: "m", mirror: "m", depth: 0) { item in
            n += 1
            if case .bytes(let b, _) = item.payload { _ = ItemConverter(options: options).convert(bytes: b, path: item.path, id: nil, format: nil) }
        }
        return n
    }

    @Test func mutatedArchivesNeverTrap() throws {
        let zip = ZipWriter.archive([try ZipMember("a.txt", Self.text), try ZipMember("b/c.txt", Self.text, deflate: false)])
        let tar = TarWriter.archive([("a.txt", Self.text), (String(repeating: "长", count: 40) + ".txt", Self.text)])
        let tgz = try GzipWriter.compress(tar)
        let inner = TarWriter.archive([("in.zip", zip), ("in.tar", tar)])
        var random = SeededRandom(state: 0x9E37_79B9_7F4A_7C15)
        for round in 0..<600 {
            #expect(expandAll(.zip, mutate(zip, &random)) >= 1, "zip round \(round)")
            #expect(expandAll(.tar, mutate(tar, &random)) >= 1, "tar round \(round)")
            #expect(expandAll(.tarGz, mutate(tgz, &random)) >= 1, "tgz round \(round)")
            #expect(expandAll(.tar, mutate(inner, &random)) >= 1, "nested round \(round)")
        }
    }

    @Test func mutatedDocumentsNeverTrap() throws {
        let docx = try BatchFixture.docx()
        let html = Array(BatchFixture.htmlPage.utf8)
        var random = SeededRandom(state: 0xD1B5_4A32_D192_ED03)
        for _ in 0..<400 {
            for bytes in [mutate(docx, &random), mutate(html, &random)] {
                do throws(FormatError) { _ = try DocumentReader.read(bytes: bytes, name: "m") } catch { #expect(!error.code.isEmpty) }
            }
        }
    }
}
