/// Walking the tree. `walk` visits every node depth-first in source order; return `false` from the
/// closure to skip a node's children. `DocumentVisitor` is the typed form for larger jobs.
extension Document {
    /// Visits every node, depth-first, in source order, with the sections that contain it.
    public func walk(_ visit: (Node, _ ancestors: [Section]) -> Bool) {
        var ancestors: [Section] = []
        func go(_ nodes: [Node]) {
            for node in nodes {
                guard visit(node, ancestors) else { continue }
                if case .section(let s) = node {
                    ancestors.append(s)
                    go(s.children)
                    ancestors.removeLast()
                }
            }
        }
        go(children)
    }

    /// Sends every node to the visitor, depth-first in source order.
    public func accept<V: DocumentVisitor>(_ visitor: inout V) {
        func go(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .section(let s):
                    if visitor.visitSection(s) { go(s.children) }
                    visitor.leaveSection(s)
                case .paragraph(let p): visitor.visitParagraph(p)
                case .field(let f): visitor.visitField(f)
                case .boilerplate(let b): visitor.visitBoilerplate(b)
                }
            }
        }
        go(children)
    }
}

/// A typed walk over a document. Every method has a default that does nothing, so a visitor
/// implements only what it needs.
public protocol DocumentVisitor {
    /// Return false to skip the section's children.
    mutating func visitSection(_ section: Section) -> Bool
    mutating func leaveSection(_ section: Section)
    mutating func visitParagraph(_ paragraph: Paragraph)
    mutating func visitField(_ field: Field)
    mutating func visitBoilerplate(_ boilerplate: Boilerplate)
}

extension DocumentVisitor {
    public mutating func visitSection(_ section: Section) -> Bool { true }
    public mutating func leaveSection(_ section: Section) {}
    public mutating func visitParagraph(_ paragraph: Paragraph) {}
    public mutating func visitField(_ field: Field) {}
    public mutating func visitBoilerplate(_ boilerplate: Boilerplate) {}
}
