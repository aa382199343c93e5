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
    /// Scalars the normalizer deleted at the very start (a BOM, a zero-width space) belong to the
    /// first node.
    private func tiling(_ r: Range<Int>) -> Span {
        Span(start: r.lowerBound == 0 ? 0 : text.sourceStart(r.lowerBound), end: text.sourceStart(r.upperBound))
    }

    func string(_ span: Span) -> String {
        ScalarText.string(source[span.start..<span.end])
    }

    /// Source text with the line breaks inside it (and the indentation around them) removed.
    func cleaned(_ span: Span) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(span.count * 3)
        var pendingSpaceStart = -1
        var i = span.start
        while i < span.end {
            let c = source[i]
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                // Drop the break, the spaces before it, and the indentation after it.
                pendingSpaceStart = -1
                i += 1
                while i < span.end && (ScalarText.isLineSpace(source[i]) || source[i] == "\n" || source[i] == "\r") { i += 1 }
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

/// Building strings from scalars: encoding to UTF-8 bytes directly is several times faster than
/// appending to a `String.UnicodeScalarView` one scalar at a time.
enum ScalarText {
    static func string<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars { appendUTF8(s, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func appendUTF8(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The scalars of a string in one pass over its UTF-8 (`Array(s.unicodeScalars)` walks it twice:
    /// once to count, once to copy).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 -> [Unicode.Scalar] in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                var i = 0, k = 0
                let n = utf8.count
                while i < n {
                    let b0 = UInt32(utf8[i])
                    var v: UInt32
                    if b0 < 0x80 { v = b0; i += 1 }
                    else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2 }
                    else if b0 < 0xF0 { v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3 }
                    else { v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F); i += 4 }
                    // A String's UTF-8 is always valid, so every v is a scalar.
                    out.initializeElement(at: k, to: Unicode.Scalar(v)!)
                    k += 1
                }
                count = k
            }
        }
    }

    @inline(__always) static func isLineSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}"
    }
}
