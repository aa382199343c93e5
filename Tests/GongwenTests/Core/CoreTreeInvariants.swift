import Testing
@testable import Gongwen

/// Structural checks every parsed document must pass, whatever its input. Shared by the golden,
/// property, encoding and marker tests of the Core suite. Returns human-readable violations
/// (empty when the tree is sound) instead of asserting, so a property test can report the input.
enum CoreInvariants {
    static let outlineCodes: Set<String> = [
        "numbering.gap", "numbering.repeated", "numbering.disorder", "outline.missingLevel",
    ]

    static func violations(_ d: Document) -> [String] {
        var out: [String] = []
        // Sliced from one scalar array: `Document.text(of:)` walks the text per call, which made
        // this check quadratic on documents with 10⁵ sections or entities.
        let scalars = Array(d.text.unicodeScalars)
        let n = scalars.count
        func slice(_ s: TextSpan) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[s.start..<s.end])
            return String(v)
        }
        func inBounds(_ s: TextSpan, _ what: String) -> Bool {
            if s.start < 0 || s.end > n || s.start > s.end {
                out.append("\(what): span \(s) out of bounds 0..<\(n)")
                return false
            }
            return true
        }
        func tiles(_ nodes: [Node], from lo: Int, to hi: Int, _ what: String) {
            var at = lo
            for (i, node) in nodes.enumerated() {
                if node.span.start != at {
                    out.append("\(what): child \(i) (\(node.kind)) starts at \(node.span.start), expected \(at)")
                }
                at = node.span.end
            }
            if at != hi { out.append("\(what): children end at \(at), expected \(hi)") }
        }
        func check(_ nodes: [Node], depth: Int, path: String) {
            for (i, node) in nodes.enumerated() {
                let here = "\(path)/\(i)"
                guard inBounds(node.span, "\(here) \(node.kind)") else { continue }
                switch node {
                case .section(let s):
                    if s.level != depth + 1 {
                        out.append("\(here) section \(s.marker.text): level \(s.level), tree depth \(depth + 1)")
                    }
                    if inBounds(s.headingSpan, "\(here) headingSpan"), !s.span.contains(s.headingSpan) {
                        out.append("\(here) section \(s.marker.text): headingSpan \(s.headingSpan) outside span \(s.span)")
                    }
                    if inBounds(s.marker.span, "\(here) marker.span") {
                        if !s.headingSpan.contains(s.marker.span) {
                            out.append("\(here) section: marker span \(s.marker.span) outside headingSpan \(s.headingSpan)")
                        }
                        if slice(s.marker.span) != s.marker.text {
                            out.append("\(here) section: marker.text \(s.marker.text.debugDescription) != source \(slice(s.marker.span).debugDescription)")
                        }
                    }
                    if s.bodyStart < s.span.start || s.bodyStart > s.span.end {
                        out.append("\(here) section \(s.marker.text): bodyStart \(s.bodyStart) outside span \(s.span)")
                    } else {
                        tiles(s.children, from: s.bodyStart, to: s.span.end, "\(here) section \(s.marker.text)")
                    }
                    check(s.children, depth: depth + 1, path: here)
                case .paragraph(let p):
                    if inBounds(p.textSpan, "\(here) paragraph textSpan"), !p.span.contains(p.textSpan) {
                        out.append("\(here) paragraph: textSpan \(p.textSpan) outside span \(p.span)")
                    }
                    var last = p.textSpan.start
                    for (k, item) in p.items.enumerated() {
                        guard inBounds(item.span, "\(here) item \(k)") else { continue }
                        if !p.textSpan.contains(item.span) {
                            out.append("\(here) item \(item.marker): span \(item.span) outside paragraph text \(p.textSpan)")
                        }
                        if item.span.start < last {
                            out.append("\(here) item \(item.marker): overlaps or precedes the previous item")
                        }
                        last = item.span.end
                        if !slice(item.span).unicodeScalars.starts(with: item.marker.unicodeScalars) { // scalars: a combining mark after the marker makes graphemes differ
                            out.append("\(here) item \(item.marker): source at its span does not start with the marker")
                        }
                    }
                case .field(let f):
                    if inBounds(f.textSpan, "\(here) field textSpan"), !f.span.contains(f.textSpan) {
                        out.append("\(here) field \(f.role): textSpan outside span")
                    }
                case .boilerplate(let b):
                    if inBounds(b.textSpan, "\(here) boilerplate textSpan"), !b.span.contains(b.textSpan) {
                        out.append("\(here) boilerplate \(b.kind): textSpan outside span")
                    }
                }
            }
        }
        tiles(d.children, from: 0, to: n, "document")
        check(d.children, depth: 0, path: "")
        for (i, e) in d.entities.enumerated() where inBounds(e.span, "entity \(i) \(e.kind)") {
            if slice(e.span) != e.text {
                out.append("entity \(i) \(e.kind): text \(e.text.debugDescription) != source \(slice(e.span).debugDescription)")
            }
            if e.value.kind != e.kind { out.append("entity \(i): value kind \(e.value.kind) != kind \(e.kind)") }
        }
        for (i, g) in d.diagnostics.enumerated() {
            if let s = g.span { _ = inBounds(s, "diagnostic \(i) \(g.code)") }
        }
        return out
    }

    /// Every section of the document, depth-first in source order.
    static func sections(_ d: Document) -> [Section] {
        var out: [Section] = []
        d.walk { node, _ in
            if case .section(let s) = node { out.append(s) }
            return true
        }
        return out
    }

    /// Every enumeration item marker, in source order.
    static func itemMarkers(_ d: Document) -> [String] {
        var out: [String] = []
        d.walk { node, _ in
            if case .paragraph(let p) = node { out += p.items.map(\.marker) }
            return true
        }
        return out
    }
}
