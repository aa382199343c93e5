import CICU

/// Source text → `NormalizedText`: NFKC (ICU) width folding, Gongwen's punctuation folds, line
/// breaks to `\n`, optional Traditional→Simplified; with a map back to source offsets.
///
/// One pass over the scalars. A BMP scalar that forms a segment on its own (the next scalar does not
/// combine with it) is looked up in `FoldTable`; only combining sequences and non-BMP scalars go
/// to ICU. Text that needs no change allocates no offset map at all.
package enum Normalizer {
    package static func normalize(_ text: String, traditionalToSimplified: Bool = false) -> NormalizedText {
        normalize(Array(text.unicodeScalars), traditionalToSimplified: traditionalToSimplified)
    }

    package static func normalize(_ src: [Unicode.Scalar], traditionalToSimplified: Bool = false) -> NormalizedText {
        let table = FoldTable.shared
        let n = src.count
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n)
        var map: [Int32]? = nil

        // Switches to an explicit map the first time output and source stop lining up.
        @inline(__always) func ensureMap() {
            if map == nil {
                var m = [Int32]()
                m.reserveCapacity(n + 1)
                for k in 0..<out.count { m.append(Int32(k)) }
                map = m
            }
        }

        table.action.withUnsafeBufferPointer { action in
        table.joinsPrevious.withUnsafeBufferPointer { joins in
        table.single.withUnsafeBufferPointer { single in
            var i = 0
            while i < n {
                let s = src[i]
                let v = s.value
                // Segment end: following scalars that combine with this one.
                var j = i + 1
                while j < n, src[j].value < 0x10000 ? joins[Int(src[j].value)] != 0 : joinsNonBMP(src[j].value) { j += 1 }

                if v == 0x0D {
                    // CR LF → LF (the CR vanishes); lone CR → LF.
                    if j < n, src[j].value == 0x0A { ensureMap(); i = j; continue }
                    appendOne("\n", from: i)
                    i = j
                    continue
                }
                if j == i + 1 && v < 0x10000 {
                    switch action[Int(v)] {
                    case 0:
                        if map == nil { out.append(s) } else { out.append(s); map!.append(Int32(i)) }
                    case 1:
                        appendOne(Unicode.Scalar(UInt32(single[Int(v)]))!, from: i)
                    case 2:
                        ensureMap()
                    default:
                        ensureMap()
                        for r in table.multi[UInt16(v)]! { out.append(r); map!.append(Int32(i)) }
                    }
                    i = j
                    continue
                }
                // A combining sequence or a non-BMP scalar: ask ICU, then apply our folds.
                let segment = src[i..<j]
                let normalized = nfkc(segment)
                if normalized.elementsEqual(segment) {
                    if map == nil { out.append(contentsOf: segment) } else {
                        for k in i..<j { out.append(src[k]); map!.append(Int32(k)) }
                    }
                } else {
                    ensureMap()
                    for r in normalized { out.append(r); map!.append(Int32(i)) }
                }
                i = j
            }
        }}}
        if map != nil { map!.append(Int32(n)) }

        var result = NormalizedText(scalars: out, toSource: map, sourceCount: n)
        if traditionalToSimplified { result = simplify(result) }
        return result

        @inline(__always) func appendOne(_ r: Unicode.Scalar, from i: Int) {
            if map == nil && r == src[i] { out.append(r); return }
            ensureMap()
            out.append(r)
            map!.append(Int32(i))
        }
    }

    private static func joinsNonBMP(_ v: UInt32) -> Bool {
        v >= 0x10000 && cicu_nfkc_has_boundary_before(v) == 0
    }

    private static func nfkc(_ segment: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var units: [UInt16] = []
        for s in segment { units.append(contentsOf: UTF16.encode(s)!) }
        var buf = [UInt16](repeating: 0, count: units.count * 18 + 8)
        let k = cicu_nfkc(units, Int32(units.count), &buf, Int32(buf.count))
        guard k >= 0, Int(k) <= buf.count else { return Array(segment) }
        let scalars = String(decoding: buf[0..<Int(k)], as: UTF16.self).unicodeScalars
        return FoldTable.applyCustom(scalars)
    }

    /// Traditional → Simplified per line. Where a line keeps its length (the usual case: the
    /// mapping is character for character) offsets carry over; otherwise the line is mapped one
    /// scalar at a time so every output scalar still knows its source.
    private static func simplify(_ text: NormalizedText) -> NormalizedText {
        let src = text.scalars
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(src.count)
        var map: [Int32] = []
        map.reserveCapacity(src.count + 1)
        var lineStart = 0
        while lineStart < src.count {
            var lineEnd = lineStart
            while lineEnd < src.count && src[lineEnd] != "\n" { lineEnd += 1 }
            if lineEnd < src.count { lineEnd += 1 }
            let line = src[lineStart..<lineEnd]
            let converted = t2s(line)
            if converted.count == line.count {
                out.append(contentsOf: converted)
                for k in lineStart..<lineEnd { map.append(Int32(text.sourceStart(k))) }
            } else {
                for k in lineStart..<lineEnd {
                    for r in t2s(src[k..<(k + 1)]) { out.append(r); map.append(Int32(text.sourceStart(k))) }
                }
            }
            lineStart = lineEnd
        }
        map.append(Int32(text.sourceCount))
        return NormalizedText(scalars: out, toSource: map, sourceCount: text.sourceCount)
    }

    private static func t2s(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var units: [UInt16] = []
        for s in scalars { units.append(contentsOf: UTF16.encode(s)!) }
        var cap = units.count * 2 + 16
        while true {
            var buf = [UInt16](repeating: 0, count: cap)
            let k = cicu_trad_to_simp(units, Int32(units.count), &buf, Int32(cap))
            if k < 0 { return Array(scalars) }
            if Int(k) <= cap { return Array(String(decoding: buf[0..<Int(k)], as: UTF16.self).unicodeScalars) }
            cap = Int(k) + 16
        }
    }
}

extension Normalizer {
    /// ICU NFKC of the whole text in one call, without folds or offsets (benchmark reference).
    package static func icuOnly(_ text: String) -> Int {
        let units = Array(text.utf16)
        var buf = [UInt16](repeating: 0, count: units.count * 2 + 16)
        return Int(cicu_nfkc(units, Int32(units.count), &buf, Int32(buf.count)))
    }
}
