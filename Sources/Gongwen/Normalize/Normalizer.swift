import CICU

/// Source text → `NormalizedText`: NFKC (ICU) width folding, Gongwen's punctuation folds, line
/// breaks to `\n`, optional Traditional→Simplified; with a map back to source offsets.
///
/// One pass over the scalars. A BMP scalar that forms a segment on its own (the next scalar does not
/// combine with it) is looked up in `FoldTable`; only combining sequences and non-BMP scalars go
/// to ICU. Text whose scalars all keep their index (one-for-one folds) needs no offset map at all.
package enum Normalizer {
    /// Source scalars are decoded and normalized a chunk at a time, so the whole source never
    /// exists as a scalar array (4 bytes a scalar) beside the normalized one.
    package static let chunkScalars = 1 << 16

    package static func normalize(_ text: String, traditionalToSimplified: Bool = false) -> NormalizedText {
        normalize(text, traditionalToSimplified: traditionalToSimplified, chunkScalars: chunkScalars)
    }

    /// `chunkScalars` is a parameter so tests can prove chunked and whole normalization agree.
    package static func normalize(_ text: String, traditionalToSimplified: Bool, chunkScalars: Int) -> NormalizedText {
        var out: [Unicode.Scalar] = []
        // An upper bound but for expansions (a scalar is at least a byte); pages never written are
        // never resident, so the spare capacity costs address space only.
        out.reserveCapacity(text.utf8.count + 16)
        var map = OffsetMap()
        var base = 0
        ScalarText.forEachChunk(of: text, scalars: chunkScalars, splitAfter: isSafeSplit) { chunk in
            fold(chunk, base: base, into: &out, map: &map)
            base += chunk.count
        }
        return finish(out, map, sourceCount: base, traditionalToSimplified: traditionalToSimplified)
    }

    package static func normalize(_ src: [Unicode.Scalar], traditionalToSimplified: Bool = false) -> NormalizedText {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(src.count)
        var map = OffsetMap()
        src.withUnsafeBufferPointer { fold($0, base: 0, into: &out, map: &map) }
        return finish(out, map, sourceCount: src.count, traditionalToSimplified: traditionalToSimplified)
    }

    /// A chunk may end after scalar `i` when nothing looks across: `i` is a line feed (never the
    /// CR of a CR LF) and `next` does not combine with it.
    @inline(__always)
    private static func isSafeSplit(_ s: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        s == "\n" && !isJoiner(next.value, FoldTable.shared)
    }

    @inline(__always)
    private static func isJoiner(_ v: UInt32, _ table: FoldTable) -> Bool {
        v < 0x10000 ? table.joinsPrevious[Int(v)] != 0 : joinsNonBMP(v)
    }

    private static func finish(_ out: [Unicode.Scalar], _ map: OffsetMap, sourceCount n: Int, traditionalToSimplified: Bool) -> NormalizedText {
        var map = map
        map.append(Int32(n))
        let result = NormalizedText(scalars: out, toSource: map.isIdentity ? nil : map, sourceCount: n)
        guard traditionalToSimplified else { return result }
        // The transliterator's output is not always normalized (it may decompose): normalize it
        // again and compose the two offset maps.
        let simplified = simplify(result)
        let again = normalize(simplified.scalars)
        guard let inner = again.toSource else { return simplified }
        var composed = OffsetMap()
        for i in 0..<inner.count { composed.append(Int32(simplified.sourceStart(inner[i]))) }
        return NormalizedText(scalars: again.scalars, toSource: composed, sourceCount: n)
    }

    /// Folds one chunk (source indexes from `base`), appending to `out` and `map`. Segment by
    /// segment: the chunk boundaries are where no segment spans them (`isSafeSplit`).
    private static func fold(_ s: UnsafeBufferPointer<Unicode.Scalar>, base: Int, into out: inout [Unicode.Scalar], map: inout OffsetMap) {
        let table = FoldTable.shared
        let n = s.count
        table.action.withUnsafeBufferPointer { action in
        table.joinsPrevious.withUnsafeBufferPointer { joins in
        table.single.withUnsafeBufferPointer { single in
        table.passThrough.withUnsafeBufferPointer { pass in
            @inline(__always) func isJoiner(_ v: UInt32) -> Bool {
                v < 0x10000 ? joins[Int(v)] != 0 : joinsNonBMP(v)
            }
            @inline(__always) func source(_ k: Int) -> Int32 { Int32(truncatingIfNeeded: base + k) }
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
                    map.append(run: source(i), length: j - i)
                    i = j
                    if i >= n { break }
                }

                // Slow path: one segment (a scalar and the marks that combine with it).
                let v = s[i].value
                var e = i + 1
                while e < n && isJoiner(s[e].value) { e += 1 }
                if v == 0x0D {
                    // CR LF → LF (the CR vanishes and goes with what precedes); lone CR → LF.
                    if !(e < n && s[e].value == 0x0A) { out.append("\n"); map.append(source(i)) }
                    i = e
                    continue
                }
                if e == i + 1 && v < 0x10000 {
                    switch action[Int(v)] {
                    case 0:
                        out.append(s[i])
                        map.append(source(i))
                    case 1:
                        out.append(Unicode.Scalar(UInt32(single[Int(v)]))!)
                        map.append(source(i))
                    case 2:
                        // An invisible scalar vanishes, unless combining marks follow it: deleting
                        // it would bring them onto the scalar before and break idempotence.
                        if e < n && isJoiner(s[e].value) { out.append(s[i]); map.append(source(i)) }
                    default:
                        for r in table.multi[UInt16(v)]! { out.append(r); map.append(source(i)) }
                    }
                    i = e
                    continue
                }
                // A combining sequence or a non-BMP scalar: ask ICU, then apply our folds.
                let segment = s[i..<e]
                let normalized = nfkc(segment)
                if normalized.elementsEqual(segment) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: segment))
                    map.append(run: source(i), length: e - i)
                } else {
                    for r in normalized { out.append(r); map.append(source(i)) }
                }
                i = e
            }
        }}}}
    }

    private static func joinsNonBMP(_ v: UInt32) -> Bool {
        v >= 0x10000 && cicu_nfkc_has_boundary_before(v) == 0
    }

    private static func nfkc(_ segment: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> [Unicode.Scalar] {
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
        var map = OffsetMap()
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
