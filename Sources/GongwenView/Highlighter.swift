import Gongwen

/// Writes ranges of the source text with every entity as a `<mark>`: nested entities nest, and an
/// entity that crosses another (or crosses the end of a block) gets its one highlight element
/// (`data-entity`, `data-kind`, `tabindex="0"`) where it starts and continuation elements
/// (`data-part-of`) for the rest, so every entity has exactly one highlight and the HTML stays
/// well formed.
struct Highlighter {
    private let scalars: [Unicode.Scalar]
    private let entities: [Entity]
    /// Opening tags, computed once per entity.
    private let openTags: [String]
    private let partTags: [String]
    private var next = 0
    /// Entities that continue past the end of the previous range.
    private var carried: [Int] = []

    init(scalars: [Unicode.Scalar], entities: [Entity]) {
        self.scalars = scalars
        self.entities = entities.sorted { a, b in
            a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end != b.span.end ? a.span.end > b.span.end : a.id < b.id
        }
        openTags = self.entities.map(Highlighter.openTag)
        partTags = self.entities.map { "<mark class=\"e k-\($0.kind.rawValue)\" data-part-of=\"\($0.id)\">" }
    }

    static func openTag(_ e: Entity) -> String {
        var tag = "<mark id=\"e-\(e.id)\" class=\"e k-\(e.kind.rawValue)\" data-entity=\"\(e.id)\" data-kind=\"\(e.kind.rawValue)\""
        for (name, value) in e.value.fields {
            let n = kebab(name)
            tag += HTML.attr(["entity", "kind", "part-of", "tip"].contains(n) ? "data-value-" + n : "data-" + n, value.cellText)
        }
        if let sid = e.sectionId { tag += HTML.attr("data-section", sid) }
        tag += HTML.attr("data-tip", ValueText.label(e.kind) + ": " + ValueText.summary(e.value))
        tag += " tabindex=\"0\">"
        return tag
    }

    private struct Piece {
        var entity: Int
        var start: Int
        var end: Int
        var primary: Bool

        static func before(_ a: Piece, _ b: Piece) -> Bool {
            a.start != b.start ? a.start < b.start : a.end != b.end ? a.end > b.end : a.entity < b.entity
        }
    }

    /// The end of `range` without its trailing white space, unless an entity reaches into it.
    private func visibleEnd(_ range: Range<Int>, pieces: [Piece]) -> Int {
        var end = range.upperBound
        while end > range.lowerBound, scalars[end - 1].properties.isWhitespace { end -= 1 }
        for p in pieces where p.end > end { return range.upperBound }
        return end
    }

    /// Appends `range` of the text, escaped, with its entities highlighted. Ranges must come in
    /// source order and not overlap.
    mutating func render(_ range: Range<Int>, into out: inout String) {
        var pieces: [Piece] = []
        var stillCarried: [Int] = []
        for i in carried where entities[i].span.end > range.lowerBound {
            pieces.append(Piece(entity: i, start: range.lowerBound, end: min(entities[i].span.end, range.upperBound), primary: false))
            if entities[i].span.end > range.upperBound { stillCarried.append(i) }
        }
        while next < entities.count, entities[next].span.start < range.upperBound {
            let e = entities[next]
            // An entity before this range (in text no range covered) still gets its highlight here.
            let start = max(e.span.start, range.lowerBound)
            pieces.append(Piece(entity: next, start: start, end: max(start, min(e.span.end, range.upperBound)), primary: true))
            if e.span.end > range.upperBound { stillCarried.append(next) }
            next += 1
        }
        carried = stillCarried
        let end = visibleEnd(range, pieces: pieces)
        pieces.sort(by: Piece.before)

        var stack: [Piece] = []
        var pos = range.lowerBound
        var i = 0
        while i < pieces.count {
            var p = pieces[i]
            while let top = stack.last, top.end <= p.start {
                text(pos..<top.end, &out); out += "</mark>"; pos = top.end; stack.removeLast()
            }
            text(pos..<p.start, &out); pos = p.start
            if let top = stack.last, p.end > top.end {
                let rest = Piece(entity: p.entity, start: top.end, end: p.end, primary: false)
                p.end = top.end
                var j = i + 1
                while j < pieces.count, Piece.before(pieces[j], rest) { j += 1 }
                pieces.insert(rest, at: j)
            }
            out += p.primary ? openTags[p.entity] : partTags[p.entity]
            stack.append(p)
            i += 1
        }
        while let top = stack.popLast() {
            text(pos..<top.end, &out); out += "</mark>"; pos = top.end
        }
        text(pos..<end, &out)
    }

    private func text(_ r: Range<Int>, _ out: inout String) {
        if r.isEmpty { return }
        HTML.append(scalars[r], to: &out)
    }
}
