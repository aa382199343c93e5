/// Inline enumerations — `一是……二是……`, `一要……二要……` — inside paragraphs. They are items, not
/// sections. A run counts only when it starts at 一 and reaches 二 with the same suffix, within the
/// paragraphs of one container (004 writes each `一是` as its own paragraph).
enum Enumeration {
    static func collect(_ s: [Unicode.Scalar], _ paragraphs: [Block], into items: inout [Int: [ItemMarker]]) {
        var candidates: [(block: Int, marker: ItemMarker)] = []
        for b in paragraphs where !b.content.isEmpty {
            var i = b.content.lowerBound
            let end = b.content.upperBound - 1
            while i < end {
                let next = s[i + 1]
                if next == "是" || next == "要" || next == "则",
                   let m = ItemMarker.at(s, i, contentStart: b.content.lowerBound) {
                    candidates.append((b.range.lowerBound, m))
                }
                i += 1
            }
        }
        guard candidates.count >= 2 else { return }
        var open: [Unicode.Scalar: [(block: Int, marker: ItemMarker)]] = [:]
        var touched: Set<Int> = []
        func finish(_ chain: [(block: Int, marker: ItemMarker)]?) {
            guard let chain, chain.count >= 2 else { return }
            for c in chain { items[c.block, default: []].append(c.marker); touched.insert(c.block) }
        }
        for c in candidates {
            let suffix = c.marker.suffix
            if c.marker.ordinal == 1 {
                finish(open[suffix])
                open[suffix] = [c]
            } else if let chain = open[suffix], chain.last!.marker.ordinal == c.marker.ordinal - 1 {
                open[suffix]!.append(c)
            }
        }
        for chain in open.values { finish(chain) }
        guard !touched.isEmpty else { return }
        let contentEnd = Dictionary(paragraphs.filter { touched.contains($0.range.lowerBound) }.map { ($0.range.lowerBound, $0.content.upperBound) }, uniquingKeysWith: { a, _ in a })
        for k in touched {
            var list = items[k]!
            list.sort { $0.position < $1.position }
            for j in list.indices {
                var e = j + 1 < list.count ? list[j + 1].position : contentEnd[k]!
                while e > list[j].position && (ScalarClass.isSpace(s[e - 1]) || s[e - 1] == "\n") { e -= 1 }
                list[j].end = e
            }
            items[k] = list
        }
    }
}
