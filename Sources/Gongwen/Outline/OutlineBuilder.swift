/// A section as the outline stage builds it, in normalized coordinates.
struct OutlineSection: Sendable {
    var marker: MarkerMatch
    var level: Int
    /// Marker start … end of heading text (sentence-end punctuation not included).
    var headingRange: Range<Int>
    /// Where the heading text starts (after the marker and any white space or line break).
    var headingTextStart: Int
    var range: Range<Int>
    var bodyStart: Int
    var children: [OutlineNode]
}

enum OutlineNode: Sendable {
    case section(OutlineSection)
    case block(Block)

    var range: Range<Int> {
        switch self {
        case .section(let s): s.range
        case .block(let b): b.range
        }
    }
}

/// The outline stage's result.
package struct Outline: Sendable {
    /// How many top-level nodes (for the benchmark, which times stages alone).
    package var topLevelCount: Int { nodes.count }
    var nodes: [OutlineNode]
    /// Inline enumeration items by the start of the paragraph block that holds them.
    var items: [Int: [ItemMarker]]
    var diagnostics: [FoundDiagnostic]
}

/// Builds the section tree from markers as they come, not from a fixed table of levels:
/// - a marker whose style is already open closes everything below it and becomes its sibling;
/// - a style the document has already shown to contain an open style closes that one too
///   (`问题15:` right after `(37)` closes `(37)`);
/// - any other style becomes a child of the innermost open section.
/// So a document that starts at `1.` has `1.` at the top, and a skipped level is a diagnostic,
/// not a broken tree.
package enum OutlineBuilder {
    private final class Open {
        let marker: MarkerMatch
        let block: Block
        let headingRange: Range<Int>
        let headingTextStart: Int
        let bodyStart: Int
        var children: [Element] = []
        /// The last child section of each style, for numbering checks.
        var lastChild: [MarkerStyle: MarkerMatch] = [:]
        init(marker: MarkerMatch, block: Block, headingRange: Range<Int>, headingTextStart: Int, bodyStart: Int) {
            self.marker = marker
            self.block = block
            self.headingRange = headingRange
            self.headingTextStart = headingTextStart
            self.bodyStart = bodyStart
        }
    }

    private enum Element {
        case section(Open)
        case block(Block)
    }

    package static func build(_ s: [Unicode.Scalar], _ blocks: [Block]) -> Outline {
        // Trailing boilerplate and the signature block stand outside the last section.
        var tailStart = blocks.count
        while tailStart > 0, let role = blocks[tailStart - 1].role {
            if case .field(let f) = role, ![.signatory, .signatureDate, .distribution, .contact, .attachmentNote].contains(f) { break }
            tailStart -= 1
        }

        var top: [Element] = []
        var topLast: [MarkerStyle: MarkerMatch] = [:]
        var stack: [Open] = []
        var numbering = NumberingChecker()

        func append(_ e: Element) {
            if let open = stack.last { open.children.append(e) } else { top.append(e) }
        }

        for (index, block) in blocks.enumerated() {
            // A note (附件说明 `附件:`, 附注 `注:`) stands at the top level, after the sections; a list
            // after it is a list of its own.
            if index < tailStart, let listStart = note(s, block) {
                stack.removeAll()
                topLast.removeAll()
                // `附件:1.项目申报表` then `2.汇总表`: the first item is inside the note's line.
                if let first = MarkerScanner.scan(s, at: listStart, end: block.content.upperBound) { topLast[first.style] = first }
                append(.block(block))
                continue
            }
            guard index < tailStart, let marker = block.marker else {
                if index >= tailStart { stack.removeAll() }
                append(.block(block))
                continue
            }
            let style = marker.style
            if let k = stack.firstIndex(where: { $0.marker.style == style }) {
                stack.removeSubrange(k...)
            } else if let k = stack.firstIndex(where: { numbering.contains(style, $0.marker.style) }) {
                stack.removeSubrange(k...)
            }
            let parent = stack.last
            numbering.place(marker, parent: parent.map { ObjectIdentifier($0) }, parentStyle: parent?.marker.style,
                            previousSibling: parent == nil ? topLast[style] : parent!.lastChild[style])
            if let p = parent { p.lastChild[style] = marker } else { topLast[style] = marker }

            let (headingRange, headingTextStart, restStart) = heading(s, block, marker)
            let open: Open
            if restStart < block.content.upperBound {
                open = Open(marker: marker, block: block, headingRange: headingRange, headingTextStart: headingTextStart, bodyStart: restStart)
                open.children.append(.block(Block(range: restStart..<block.range.upperBound,
                                                  content: firstNonSpace(s, restStart, block.content.upperBound)..<block.content.upperBound,
                                                  role: nil, marker: nil)))
            } else {
                open = Open(marker: marker, block: block, headingRange: headingRange, headingTextStart: headingTextStart, bodyStart: block.range.upperBound)
            }
            append(.section(open))
            stack.append(open)
        }

        var items: [Int: [ItemMarker]] = [:]
        func convert(_ elements: [Element], level: Int) -> [OutlineNode] {
            Enumeration.collect(s, elements.compactMap { if case .block(let b) = $0, b.role == nil { b } else { nil } }, into: &items)
            return elements.map { e in
                switch e {
                case .block(let b): return .block(b)
                case .section(let o):
                    let children = convert(o.children, level: level + 1)
                    let end = children.last?.range.upperBound ?? o.block.range.upperBound
                    return .section(OutlineSection(marker: o.marker, level: level, headingRange: o.headingRange,
                                                   headingTextStart: o.headingTextStart,
                                                   range: o.block.range.lowerBound..<max(end, o.block.range.upperBound),
                                                   bodyStart: o.bodyStart, children: children))
                }
            }
        }
        let nodes = convert(top, level: 1)
        return Outline(nodes: nodes, items: items, diagnostics: numbering.diagnostics)
    }

    /// The heading is the text after the marker up to the first sentence end or line end; a marker
    /// alone on its line takes its heading from the next line. Returns the heading range (marker
    /// included, end punctuation not), where its text starts, and where the rest of the block starts.
    private static func heading(_ s: [Unicode.Scalar], _ block: Block, _ marker: MarkerMatch) -> (Range<Int>, Int, Int) {
        let end = block.content.upperBound
        var i = marker.range.upperBound
        while i < end && (ScalarClass.isSpace(s[i]) || s[i] == "\n") { i += 1 }
        let textStart = i
        while i < end && !ScalarClass.endsHeading(s[i]) { i += 1 }
        var headingEnd = i
        while headingEnd > textStart && ScalarClass.isSpace(s[headingEnd - 1]) { headingEnd -= 1 }
        var rest = i
        if rest < end && s[rest] != "\n" { rest += 1 } // the sentence-end punctuation belongs to the heading line
        while rest < end && ScalarClass.isSpace(s[rest]) { rest += 1 }
        return (marker.range.lowerBound..<max(headingEnd, marker.range.upperBound), textStart, rest)
    }

    static let noteWords: [[Unicode.Scalar]] = ["注:", "注：", "附注:", "附注：", "附件:", "附件：", "备注:", "备注："].map(W)

    /// A block that starts with a note word (or is an attachment note line): where the text after
    /// the note word starts, or nil.
    private static func note(_ s: [Unicode.Scalar], _ block: Block) -> Int? {
        guard block.role == nil || block.role == .field(.attachmentNote), block.marker == nil else { return nil }
        var i = block.content.lowerBound
        while i < block.content.upperBound && ScalarClass.isSpace(s[i]) { i += 1 }
        for w in noteWords where i + w.count <= block.content.upperBound {
            if (0..<w.count).allSatisfy({ s[i + $0] == w[$0] }) {
                var k = i + w.count
                while k < block.content.upperBound && ScalarClass.isSpace(s[k]) { k += 1 }
                return k
            }
        }
        return block.role == .field(.attachmentNote) ? block.content.upperBound : nil
    }

    private static func firstNonSpace(_ s: [Unicode.Scalar], _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end && (ScalarClass.isSpace(s[i]) || s[i] == "\n") { i += 1 }
        return i
    }
}
