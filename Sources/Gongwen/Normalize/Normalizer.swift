import CICU

/// Source text → `NormalizedText`: NFKC (ICU) width folding, Gongwen's punctuation folds, line
/// breaks to `\n`, optional Traditional→Simplified; with a map back to source offsets.
///
/// One pass over the scalars. A BMP scalar that forms a segment on its own (the next scalar does not
/// combine with it) is looked up in `FoldTable`; only combining sequences and non-BMP scalars go
/// to ICU. Text that needs no change allocates no offset map at all.
package enum Normalizer {
    package static func normalize(_ text: String, traditionalToSimplified: Bool = false) -> NormalizedText {
        normalize(ScalarText.scalars(of: text), traditionalToSimplified: traditionalToSimplified)
    }

    package static func normalize(_ src: [Unicode.Scalar], traditionalToSimplified: Bool = false) -> NormalizedText {
        let table = FoldTable.shared
        let n = src.count
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n)
        // Empty while output and source line up one to one; filled (and kept) from the first change.
        var map: [Int32] = []
        var mapped = false

        src.withUnsafeBufferPointer { s in
        table.action.withUnsafeBufferPointer { action in
        table.joinsPrevious.withUnsafeBufferPointer { joins in
        table.single.withUnsafeBufferPointer { single in
        table.passThrough.withUnsafeBufferPointer { pass in
            @inline(__always) func isJoiner(_ v: UInt32) -> Bool {
                v < 0x10000 ? joins[Int(v)] != 0 : joinsNonBMP(v)
            }
            var i = 0
            while i < n {
                // Fast path: a run of scalars that stay as they are and combine with nothing.
                var j = i
                while j < n {
                    let v = s[j].value
                    if v >= 0x10000 || pass[Int(v)] == 0 { break }
                    j += 1
                }
                // A combining mark at j belongs with the scalar before it: leave that one to the slow path.
                if j < n && j > i && isJoiner(s[j].value) { j -= 1 }
                if j > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<j]))
                    if mapped { for k in i..<j { map.append(Int32(k)) } }
                    i = j
                    if i >= n { break }
                }

                // Slow path: one segment (a scalar and the marks that combine with it).
                let v = s[i].value
                var e = i + 1
                while e < n && isJoiner(s[e].value) { e += 1 }
                if !mapped && (v == 0x0D || e > i + 1 || v >= 0x10000 || action[Int(v)] != 0) {
                    mapped = true
                    map.reserveCapacity(n + 1)
                    for k in 0..<out.count { map.append(Int32(k)) }
                }
                if v == 0x0D {
                    // CR LF → LF (the CR vanishes and goes with what precedes); lone CR → LF.
                    if !(e < n && s[e].value == 0x0A) { out.append("\n"); map.append(Int32(i)) }
                    i = e
                    continue
                }
                if e == i + 1 && v < 0x10000 {
                    switch action[Int(v)] {
                    case 0:
                        out.append(s[i])
                        if mapped { map.append(Int32(i)) }
                    case 1:
                        out.append(Unicode.Scalar(UInt32(single[Int(v)]))!)
                        map.append(Int32(i))
                    case 2:
                        // An invisible scalar vanishes, unless combining marks follow it: deleting
                        // it would bring them onto the scalar before and break idempotence.
                        if e < n && isJoiner(s[e].value) { out.append(s[i]); map.append(Int32(i)) }
                    default:
                        for r in table.multi[UInt16(v)]! { out.append(r); map.append(Int32(i)) }
                    }
                    i = e
                    continue
                }
                // A combining sequence or a non-BMP scalar: ask ICU, then apply our folds.
                let segment = src[i..<e]
                let normalized = nfkc(segment)
                if normalized.elementsEqual(segment) {
                    for k in i..<e { out.append(s[k]); map.append(Int32(k)) }
                } else {
                    for r in normalized { out.append(r); map.append(Int32(i)) }
                }
                i = e
            }
        }}}}}
        if mapped { map.append(Int32(n)) }

        let result = NormalizedText(scalars: out, toSource: mapped ? map : nil, sourceCount: n)
        guard traditionalToSimplified else { return result }
        // The transliterator's output is not always normalized (it may decompose): normalize it
        // again and compose the two offset maps.
        let simplified = simplify(result)
        let again = normalize(simplified.scalars)
        guard let inner = again.toSource else { return simplified }
        var composed = [Int32]()
        composed.reserveCapacity(inner.count)
        for k in inner { composed.append(Int32(simplified.sourceStart(Int(k)))) }
        return NormalizedText(scalars: again.scalars, toSource: composed, sourceCount: n)
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
        return FoldTable.applyCustom(scalars, deleting: false)
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
            if converted.elementsEqual(line) {
                out.append(contentsOf: line)
                for k in lineStart..<lineEnd { map.append(Int32(text.sourceStart(k))) }
            } else if converted.count == line.count && t2s(converted[...]) == converted {
                out.append(contentsOf: converted)
                for k in lineStart..<lineEnd { map.append(Int32(text.sourceStart(k))) }
            } else {
                // One scalar at a time, and only where the mapping is stable: ICU's table maps a
                // few characters in a cycle (苧 → 苎 → 苧), which would break idempotence.
                for k in lineStart..<lineEnd {
                    let one = t2s(src[k..<(k + 1)])
                    let stable = one.elementsEqual(src[k..<(k + 1)]) || t2s(one[...]) == one
                    for r in stable ? one : [src[k]] { out.append(r); map.append(Int32(text.sourceStart(k))) }
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
