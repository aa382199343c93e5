/// The text the parser matches against: width-folded, with one form per punctuation family, and
/// an offset map back to the decoded source so every reported span is a span of the source.
///
/// Index `i` of `scalars` came from source scalar `sourceStart(i)`. Several normalized scalars may
/// come from one source scalar (`㈠` → `(一)`), and a source scalar may vanish (zero-width space);
/// the map is monotone, so a normalized range always maps to a source range.
package struct NormalizedText: Sendable {
    /// The normalized scalars. Line breaks are `\n` only (CR LF, CR, U+2028/2029/0085 folded).
    package let scalars: [Unicode.Scalar]
    /// Normalized positions back to source positions: all that assembly needs once matching is
    /// done, so the pipeline can let the scalars go before building the tree.
    package let mapping: SourceMapping

    /// `toSource[i]` is the source index of the segment normalized scalar `i` came from, with
    /// `toSource[scalars.count] == sourceCount`. Nil when every scalar kept its index (nothing
    /// was dropped or expanded; one-for-one folds need no map).
    package var toSource: OffsetMap? { mapping.toSource }
    /// Number of scalars in the decoded source.
    package var sourceCount: Int { mapping.sourceCount }

    package init(scalars: [Unicode.Scalar], toSource: OffsetMap?, sourceCount: Int) {
        precondition(toSource == nil ? scalars.count == sourceCount : toSource!.count == scalars.count + 1)
        self.scalars = scalars
        mapping = SourceMapping(toSource: toSource, count: scalars.count, sourceCount: sourceCount)
    }

    /// A normalized text that is its own source, for tests of later stages.
    package init(identity text: String) {
        let s = Array(text.unicodeScalars)
        self.init(scalars: s, toSource: nil, sourceCount: s.count)
    }

    package var count: Int { scalars.count }

    @inline(__always) package func sourceStart(_ i: Int) -> Int { mapping.sourceStart(i) }
    @inline(__always) package func sourceEnd(_ i: Int) -> Int { mapping.sourceEnd(i) }
    @inline(__always) package func sourceSpan(_ r: Range<Int>) -> TextSpan { mapping.sourceSpan(r) }
}

/// The offset map of a normalized text, without its scalars.
package struct SourceMapping: Sendable {
    package let toSource: OffsetMap?
    /// Normalized scalars.
    package let count: Int
    package let sourceCount: Int

    /// The source index where normalized scalar `i` (or the end, for `i == count`) begins.
    @inline(__always)
    package func sourceStart(_ i: Int) -> Int {
        guard let map = toSource else { return i }
        return map[i]
    }

    /// The source index just past normalized scalar `i - 1`: the end of a range ending at `i`.
    /// When `i` falls inside an expansion (`㈠` → `(一)`), the whole source scalar is included.
    /// Scalars the normalizer deleted (zero-width characters) sit between segments and go with the
    /// range before them, so that ranges that tile the normalized text tile the source.
    @inline(__always)
    package func sourceEnd(_ i: Int) -> Int {
        guard let map = toSource else { return i }
        if i == 0 { return map[0] }
        let last = map[i - 1]
        var j = i
        while j < count && map[j] == last { j += 1 }
        return map[j]
    }

    /// The source span of a normalized range.
    @inline(__always)
    package func sourceSpan(_ r: Range<Int>) -> TextSpan {
        let s = sourceStart(r.lowerBound)
        return TextSpan(start: s, end: r.isEmpty ? s : sourceEnd(r.upperBound))
    }
}
