import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// Shared by the hostile-archive suites: expanding an archive held in memory into the items
/// workers would convert, and tar headers with any size field.
enum HostileArchive {
    struct Item {
        var path: String
        var code: String?
        var bytes: [UInt8]?
    }

    /// The items an archive held in memory expands to (what workers would convert).
    static func expand(_ kind: PlannedInput.Kind, _ bytes: [UInt8], options: BatchOptions = BatchOptions(jobs: 1)) -> [Item] {
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
    static func header(_ name: String, size: [UInt8], type: UInt8 = UInt8(ascii: "0")) -> [UInt8] {
        var h = TarWriter.header(name: Array(name.utf8), size: 0, type: type)
        h.replaceSubrange(124..<136, with: size)
        for i in 148..<156 { h[i] = 32 }
        let sum = h.reduce(0) { $0 + Int($1) }
        let octal = Array(String(sum, radix: 8).utf8)
        h.replaceSubrange(148..<156, with: [UInt8](repeating: 48, count: 6 - octal.count) + octal + [0, 32])
        return h
    }

    static func pax(_ records: String) -> [UInt8] {
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
}
