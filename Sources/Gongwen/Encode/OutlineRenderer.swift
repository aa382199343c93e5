/// The outline for a person: fields, boilerplate, section markers with headings, enumeration items,
/// indented by depth; then the outline diagnostics. Also the format of the golden outline files
/// in `Corpus/golden/`.
package enum OutlineRenderer {
    package static func render(_ document: Document, allDiagnostics: Bool = false) -> String {
        var out = ""
        func line(_ depth: Int, _ text: String) {
            out += String(repeating: "  ", count: depth) + text + "\n"
        }
        func go(_ nodes: [Node], depth: Int) {
            for node in nodes {
                switch node {
                case .field(let f): line(depth, "= \(f.role.rawValue): \(f.text)")
                case .boilerplate(let b): line(depth, "~ \(b.kind.rawValue): \(b.text)")
                case .paragraph(let p):
                    for item in p.items { line(depth, "· \(item.marker)") }
                case .section(let s):
                    line(depth, s.heading.isEmpty ? s.marker.text : "\(s.marker.text) \(s.heading)")
                    go(s.children, depth: depth + 1)
                }
            }
        }
        go(document.children, depth: 0)
        out += "--\n"
        let scalars = Array(document.text.unicodeScalars)
        for d in document.diagnostics where allDiagnostics || d.code.rawValue.hasPrefix("numbering.") || d.code.rawValue.hasPrefix("outline.") {
            let at = d.span.map { " @ " + ScalarText.string(scalars[$0.start..<$0.end]) } ?? ""
            out += "! \(d.code)\(at)\n"
        }
        return out
    }
}
