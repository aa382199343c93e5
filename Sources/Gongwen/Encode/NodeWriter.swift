/// The lossless tree written straight into the JSON writer: the same members in the same order as
/// `Node.encode(to:)` (GongwenCodable.swift), which stays the definition; the round-trip tests
/// encode the corpus with and without this path and require the same bytes. Nodes are the most
/// numerous values in a document, and the generic `Encoder` calls cost more than their bytes.
enum NodeWriter {
    /// The `sections` outline, as `SectionOutline.encode(to:)` writes it.
    static func outline(_ sections: [Section], into w: inout JSONWriter) {
        w.beginArray()
        for s in sections {
            w.beginObject()
            w.key("id"); w.string(s.id)
            w.key("marker"); w.string(s.marker.text)
            w.key("style"); w.string(s.marker.style.rawValue)
            w.key("level"); w.int(s.level)
            w.key("ordinal"); w.int(s.marker.ordinal)
            w.key("heading"); w.string(s.heading)
            w.span("span", s.span)
            w.span("headingSpan", s.headingSpan)
            w.key("children"); outline(s.subsections, into: &w)
            w.endObject()
        }
        w.endArray()
    }

    static func nodes(_ nodes: [Node], into w: inout JSONWriter) {
        w.beginArray()
        for n in nodes { node(n, into: &w) }
        w.endArray()
    }

    private static func node(_ n: Node, into w: inout JSONWriter) {
        w.beginObject()
        w.key("kind"); w.string(n.kind)
        w.span("span", n.span)
        switch n {
        case .section(let s):
            w.key("id"); w.string(s.id)
            w.key("marker"); w.string(s.marker.text)
            w.key("style"); w.string(s.marker.style.rawValue)
            w.key("level"); w.int(s.level)
            w.key("ordinal"); w.int(s.marker.ordinal)
            w.key("heading"); w.string(s.heading)
            w.span("markerSpan", s.marker.span)
            w.span("headingSpan", s.headingSpan)
            w.key("bodyStart"); w.int(s.bodyStart)
            w.key("children"); nodes(s.children, into: &w)
        case .paragraph(let p):
            w.span("textSpan", p.textSpan)
            w.key("text"); w.string(p.text)
            if !p.items.isEmpty {
                w.key("items"); w.beginArray()
                for i in p.items {
                    w.beginObject()
                    w.key("marker"); w.string(i.marker)
                    w.key("ordinal"); w.int(i.ordinal)
                    w.span("span", i.span)
                    w.endObject()
                }
                w.endArray()
            }
        case .field(let f):
            w.key("role"); w.string(f.role.rawValue)
            w.span("textSpan", f.textSpan)
            w.key("text"); w.string(f.text)
        case .boilerplate(let b):
            w.key("boilerplate"); w.string(b.kind.rawValue)
            w.span("textSpan", b.textSpan)
            w.key("text"); w.string(b.text)
        }
        w.endObject()
    }
}
