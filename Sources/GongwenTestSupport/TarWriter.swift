/// Builds tar archives for test fixtures: ustar headers, GNU `L` records for long names.
public enum TarWriter {
    public static func archive(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for m in members {
            let nameBytes = Array(m.name.utf8)
            if nameBytes.count > 99 {
                out += header(name: Array("././@LongLink".utf8), size: nameBytes.count + 1, type: UInt8(ascii: "L"))
                out += pad(nameBytes + [0])
            }
            out += header(name: Array(nameBytes.prefix(99)), size: m.bytes.count, type: UInt8(ascii: "0"))
            out += pad(m.bytes)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }

    private static func pad(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
    }

    private static func octal(_ n: Int, width: Int) -> [UInt8] {
        let s = String(n, radix: 8)
        return Array((String(repeating: "0", count: max(0, width - 1 - s.count)) + s).utf8) + [0]
    }

    public static func header(name: [UInt8], size: Int, type: UInt8) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        h.replaceSubrange(0..<name.count, with: name)
        h.replaceSubrange(100..<108, with: octal(0o644, width: 8))
        h.replaceSubrange(108..<116, with: octal(0, width: 8))
        h.replaceSubrange(116..<124, with: octal(0, width: 8))
        h.replaceSubrange(124..<136, with: octal(size, width: 12))
        h.replaceSubrange(136..<148, with: octal(0, width: 12))
        h[156] = type
        h.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
        h.replaceSubrange(263..<265, with: Array("00".utf8))
        for i in 148..<156 { h[i] = 32 }
        let sum = h.reduce(0) { $0 + Int($1) }
        h.replaceSubrange(148..<156, with: octal(sum, width: 7) + [32])
        return h
    }
}
