/// Checks numbering as sections are placed, and learns which styles contain which.
///
/// Numbering may restart under each parent or run on across parents (`(1)`…`(40)` through every
/// `问题`): both are valid. Anything else is reported, never repaired: a repeat, a gap, or disorder.
struct NumberingChecker {
    private(set) var diagnostics: [FoundDiagnostic] = []
    /// outer style → inner styles seen directly under it.
    private var children: [MarkerStyle: Set<MarkerStyle>] = [:]
    /// The parent style a style was first seen under (nil entry: seen at top level).
    private var usualParent: [MarkerStyle: MarkerStyle?] = [:]
    private var maxOrdinal: [MarkerStyle: Int] = [:]
    private var used: [MarkerStyle: Set<Int>] = [:]
    private var reportedMissingLevel: Set<ObjectIdentifier> = []
    private var topLevelToken = ObjectIdentifier(NumberingChecker.TopLevel.self)
    private enum TopLevel {}

    /// Whether the document has shown `outer` containing `inner`, directly or through other styles.
    func contains(_ outer: MarkerStyle, _ inner: MarkerStyle) -> Bool {
        var seen: Set<MarkerStyle> = [outer]
        var frontier = [outer]
        while let o = frontier.popLast() {
            for c in children[o] ?? [] where !seen.contains(c) {
                if c == inner { return true }
                seen.insert(c)
                frontier.append(c)
            }
        }
        return false
    }

    mutating func place(_ marker: MarkerMatch, parent: ObjectIdentifier?, parentStyle: MarkerStyle?, previousSibling previous: MarkerMatch?) {
        let style = marker.style
        // A level skipped: this style is usually under X, X usually under the parent's style.
        if let usual = usualParent[style], let x = usual, x != parentStyle,
           let p = parentStyle, contains(p, x), !contains(style, x) {
            let token = parent ?? topLevelToken
            if !reportedMissingLevel.contains(token) {
                reportedMissingLevel.insert(token)
                diagnostics.append(FoundDiagnostic(code: DiagnosticCode.outlineMissingLevel,
                                                   message: "a \(x) heading is missing between the enclosing section and this \(style) marker",
                                                   range: marker.range))
            }
        }
        if usualParent[style] == nil { usualParent[style] = .some(parentStyle) }
        if let p = parentStyle, p != style { children[p, default: []].insert(style) }

        // An inserted article (`第12-1條`) follows the article it is inserted after: no numbering of its own.
        if marker.inserted != nil { return }
        let n = marker.ordinal
        let maxSoFar = maxOrdinal[style]
        var ok = false
        if let prev = previous { ok = n == prev.ordinal + 1 }
        else { ok = n == 1 || (maxSoFar.map { n == $0 + 1 } ?? false) }
        if !ok {
            let expected = previous.map { $0.ordinal + 1 } ?? (maxSoFar.map { $0 + 1 } ?? 1)
            if used[style, default: []].contains(n) {
                diagnostics.append(FoundDiagnostic(code: DiagnosticCode.numberingRepeated,
                                                   message: "number \(n) repeats an earlier one; expected \(expected)",
                                                   range: marker.range))
            } else if n > expected {
                let missing = expected == n - 1 ? "\(expected)" : "\(expected)–\(n - 1)"
                diagnostics.append(FoundDiagnostic(code: DiagnosticCode.numberingGap,
                                                   message: "number \(missing) is missing before \(n)",
                                                   range: marker.range))
            } else {
                diagnostics.append(FoundDiagnostic(code: DiagnosticCode.numberingDisorder,
                                                   message: "number \(n) is out of order; expected \(expected)",
                                                   range: marker.range))
            }
        }
        used[style, default: []].insert(n)
        maxOrdinal[style] = max(maxSoFar ?? 0, n)
    }
}
