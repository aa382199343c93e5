/// Outline (normalized coordinates) → public `Document` (source spans, source text).
///
/// Block ranges tile the normalized text, and the offset map is monotone, so mapping each block's
/// start gives source spans that tile the source.
package struct Assembler {
    let source: SourceText
    /// Normalized positions (the outline's) to source positions.
    let text: SourceMapping
    let outline: Outline

    /// `source` is the decoded text the normalized text of `text` came from.
    package init(source: String, text: SourceMapping, outline: Outline) {
        self.source = SourceText(source)
        self.text = text
        self.outline = outline
    }

    package func nodes() -> [Node] { nodes(outline.nodes, parentId: nil) }

    /// Section ids are the parent's id, a dot, and the ordinal; a number repeated among siblings
    /// (003 has two `(31)`) gets `~2`, `~3` … in source order, so ids stay unique and stable.
    private func nodes(_ list: [OutlineNode], parentId: String?) -> [Node] {
        var used: [Int: Int] = [:]
        return list.map { n in
            guard case .section(let s) = n else { return node(n, id: "") }
            let seen = used[s.marker.ordinal, default: 0] + 1
            used[s.marker.ordinal] = seen
            let own = seen == 1 ? String(s.marker.ordinal) : "\(s.marker.ordinal)~\(seen)"
            return node(n, id: parentId.map { "\($0).\(own)" } ?? own)
        }
    }

    private func node(_ n: OutlineNode, id: String) -> Node {
        switch n {
        case .block(let b): return block(b)
        case .section(let s):
            let markerSpan = text.sourceSpan(s.marker.range)
            let marker = SectionMarker(text: string(markerSpan), style: s.marker.style, ordinal: s.marker.ordinal, span: markerSpan)
            let headingSpan = text.sourceSpan(s.headingRange)
            let headingTextSpan = text.sourceSpan(min(s.headingTextStart, s.headingRange.upperBound)..<s.headingRange.upperBound)
            return .section(Section(id: id, marker: marker, level: s.level, heading: cleaned(headingTextSpan), headingSpan: headingSpan,
                                    span: tiling(s.range), bodyStart: text.sourceStart(s.bodyStart),
                                    children: nodes(s.children, parentId: id)))
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
            for m in markers {
                let itemSpan = text.sourceSpan(m.position..<m.end)
                items.append(Item(marker: string(text.sourceSpan(m.position..<(m.position + 2))), ordinal: m.ordinal, span: itemSpan))
            }
            return .paragraph(Paragraph(span: span, textSpan: textSpan, text: cleaned(textSpan), items: items))
        }
    }

    /// The source span of a tiling range: starts map exactly, so neighbours stay adjacent.
    /// Scalars the normalizer deleted at the very start (a BOM, a zero-width space) belong to the
    /// first node.
    private func tiling(_ r: Range<Int>) -> TextSpan {
        TextSpan(start: r.lowerBound == 0 ? 0 : text.sourceStart(r.lowerBound), end: text.sourceStart(r.upperBound))
    }

    /// Whether the UTF-8 holds a line break (LF, CR, U+2028 or U+2029: E2 80 A8/A9) or ends in
    /// a line space (`ScalarText.isLineSpace`: space, tab, U+3000 E3 80 80, U+00A0 C2 A0), which
    /// `cleaned` drops.
    private static func needsCleaning(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        if n > 0 && (utf8[n - 1] == 0x20 || utf8[n - 1] == 0x09) { return true }
        if n >= 2 && utf8[n - 2] == 0xC2 && utf8[n - 1] == 0xA0 { return true }
        if n >= 3 && utf8[n - 3] == 0xE3 && utf8[n - 2] == 0x80 && utf8[n - 1] == 0x80 { return true }
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D { return true }
            if b == 0xE2, i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 { return true }
            i += 1
        }
        return false
    }

    func string(_ span: TextSpan) -> String {
        source.string(span.start..<span.end)
    }

    /// Source text with the line breaks inside it (and the indentation around them) removed.
    func cleaned(_ span: TextSpan) -> String {
        // Most paragraphs hold no line break and end in no space: their text is the source's
        // bytes as they are.
        if let plain = source.withUTF8(span.start..<span.end, { Self.needsCleaning($0) ? nil : String(decoding: $0, as: UTF8.self) }) {
            return plain
        }
        return Self.cleaned(source.scalars(span.start..<span.end))
    }

    /// `cleaned` scalar by scalar: the definition the fast path above must agree with (tested).
    static func cleaned(_ source: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count * 3)
        var pendingSpaceStart = -1
        let end = source.count
        var i = 0
        while i < end {
            let c = source[i]
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                // Drop the break, the spaces before it, and the indentation after it.
                pendingSpaceStart = -1
                i += 1
                while i < end && (ScalarText.isLineSpace(source[i]) || source[i] == "\n" || source[i] == "\r") { i += 1 }
                continue
            }
            if ScalarText.isLineSpace(c) {
                if pendingSpaceStart < 0 { pendingSpaceStart = i }
            } else {
                if pendingSpaceStart >= 0 {
                    for k in pendingSpaceStart..<i { ScalarText.appendUTF8(source[k], to: &bytes) }
                    pendingSpaceStart = -1
                }
                ScalarText.appendUTF8(c, to: &bytes)
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
