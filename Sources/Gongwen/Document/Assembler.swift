/// Outline (normalized coordinates) → public `Document` (source spans, source text).
///
/// Block ranges tile the normalized text, and the offset map is monotone, so mapping each block's
/// start gives source spans that tile the source.
struct Assembler {
    let source: [Unicode.Scalar]
    let text: NormalizedText
    let outline: Outline

    func nodes() -> [Node] { outline.nodes.map(node) }

    private func node(_ n: OutlineNode) -> Node {
        switch n {
        case .block(let b): return block(b)
        case .section(let s):
            let markerSpan = text.sourceSpan(s.marker.range)
            let marker = SectionMarker(text: string(markerSpan), style: s.marker.style, ordinal: s.marker.ordinal, span: markerSpan)
            let headingSpan = text.sourceSpan(s.headingRange)
            let headingTextSpan = text.sourceSpan(min(s.headingTextStart, s.headingRange.upperBound)..<s.headingRange.upperBound)
            return .section(Section(marker: marker, level: s.level, heading: cleaned(headingTextSpan), headingSpan: headingSpan,
                                    span: tiling(s.range), bodyStart: text.sourceStart(s.bodyStart),
                                    children: s.children.map(node)))
        }
    }

    private func block(_ b: Block) -> Node {
        let span = tiling(b.range)
        let textSpan = text.sourceSpan(b.content)
        switch b.role {
        case .boilerplate(let kind)?:
            return .boilerplate(Boilerplate(kind: kind, span: span, textSpan: textSpan, text: cleaned(textSpan)))
        case .field(let role)?:
            return .field(Field(role: role, span: span, textSpan: textSpan, text: cleaned(textSpan)))
        case nil:
            let markers = outline.items[b.range.lowerBound] ?? []
            var items: [Item] = []
            for (k, m) in markers.enumerated() {
                let end = k + 1 < markers.count ? markers[k + 1].position : b.content.upperBound
                var e = end
                while e > m.position && (ScalarClass.isSpace(text.scalars[e - 1]) || text.scalars[e - 1] == "\n") { e -= 1 }
                let itemSpan = text.sourceSpan(m.position..<e)
                items.append(Item(marker: string(text.sourceSpan(m.position..<(m.position + 2))), ordinal: m.ordinal, span: itemSpan))
            }
            return .paragraph(Paragraph(span: span, textSpan: textSpan, text: cleaned(textSpan), items: items))
        }
    }

    /// The source span of a tiling range: starts map exactly, so neighbours stay adjacent.
    private func tiling(_ r: Range<Int>) -> Span {
        Span(start: text.sourceStart(r.lowerBound), end: text.sourceStart(r.upperBound))
    }

    func string(_ span: Span) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: source[span.start..<span.end])
        return String(v)
    }

    /// Source text with the line breaks inside it (and the indentation around them) removed.
    func cleaned(_ span: Span) -> String {
        var v = String.UnicodeScalarView()
        var pendingSpace = 0
        var i = span.start
        while i < span.end {
            let c = source[i]
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                // Drop the break, the spaces before it, and the indentation after it.
                pendingSpace = 0
                i += 1
                while i < span.end && (source[i] == " " || source[i] == "\t" || source[i] == "\u{3000}" || source[i] == "\u{00A0}" || source[i] == "\n" || source[i] == "\r") { i += 1 }
                continue
            }
            if c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}" {
                pendingSpace += 1
            } else {
                if pendingSpace > 0 {
                    v.append(contentsOf: source[(i - pendingSpace)..<i])
                    pendingSpace = 0
                }
                v.append(c)
            }
            i += 1
        }
        return String(v)
    }
}
