/// The text the parser matches against: width-folded, with one form per punctuation family, and
/// an offset map back to the decoded source so every reported span is a span of the source.
///
/// Index `i` of `scalars` came from source scalar `sourceStart(i)`. Several normalized scalars may
/// come from one source scalar (`㈠` → `(一)`), and a source scalar may vanish (zero-width space);
/// the map is monotone, so a normalized range always maps to a source range.
package struct NormalizedText: Sendable {
    /// The normalized scalars. Line breaks are `\n` only (CR LF, CR, U+2028/2029/0085 folded).
    package let scalars: [Unicode.Scalar]
    /// `toSource[i]` is the source index of the segment normalized scalar `i` came from, with
    /// `toSource[scalars.count] == sourceCount`. Nil when the text needed no change (identity map).
    package let toSource: [Int32]?
    /// Number of scalars in the decoded source.
    package let sourceCount: Int

    package init(scalars: [Unicode.Scalar], toSource: [Int32]?, sourceCount: Int) {
        precondition(toSource == nil ? scalars.count == sourceCount : toSource!.count == scalars.count + 1)
        self.scalars = scalars
        self.toSource = toSource
        self.sourceCount = sourceCount
    }

    /// A normalized text that is its own source, for tests of later stages.
    package init(identity text: String) {
        let s = Array(text.unicodeScalars)
        self.init(scalars: s, toSource: nil, sourceCount: s.count)
    }

    package var count: Int { scalars.count }

    /// The source index where normalized scalar `i` (or the end, for `i == count`) begins.
    @inline(__always)
    package func sourceStart(_ i: Int) -> Int {
        guard let map = toSource else { return i }
        return Int(map[i])
    }

    /// The source index just past normalized scalar `i - 1`: the end of a range ending at `i`.
    /// When `i` falls inside an expansion (`㈠` → `(一)`), the whole source scalar is included.
    /// Scalars the normalizer deleted (zero-width characters) sit between segments and go with the
    /// range before them, so that ranges that tile the normalized text tile the source.
    @inline(__always)
    package func sourceEnd(_ i: Int) -> Int {
        guard let map = toSource else { return i }
        if i == 0 { return Int(map[0]) }
        let last = map[i - 1]
        var j = i
        while j < scalars.count && map[j] == last { j += 1 }
        return Int(map[j])
    }

    /// The source span of a normalized range.
    @inline(__always)
    package func sourceSpan(_ r: Range<Int>) -> TextSpan {
        let s = sourceStart(r.lowerBound)
        return TextSpan(start: s, end: r.isEmpty ? s : sourceEnd(r.upperBound))
    }
}
