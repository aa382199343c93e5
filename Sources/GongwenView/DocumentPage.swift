import Foundation
import Gongwen

/// `gongwen view`: one self-contained page for one document — the text with its outline as a
/// navigation sidebar, every entity highlighted (a colour per kind, a legend that toggles kinds,
/// the resolved value on hover and focus), diagnostics in the margin, boilerplate dimmed, and a
/// table of the entities. Nothing is loaded from anywhere: one inline script and one inline style
/// sheet, both allowed by hash in the page's Content-Security-Policy.
public enum DocumentPage {
    public static func render(_ document: Document) -> String {
        let scalars = Array(document.text.unicodeScalars)
        // A document decoded without its text (`--no-text`) has spans past the end: show what fits.
        let entities = document.entities.filter { $0.span.end <= scalars.count && $0.span.start >= 0 }
        let diagnostics = document.diagnostics.enumerated().map { (index: $0.offset, diagnostic: $0.element) }
        let placed = diagnostics.filter { $0.diagnostic.span.map { $0.start <= scalars.count } ?? false }
            .sorted { ($0.diagnostic.span!.start, $0.index) < ($1.diagnostic.span!.start, $1.index) }
        var writer = BodyWriter(highlighter: Highlighter(scalars: scalars, entities: entities), notes: placed)

        let title = document.title ?? document.source.path ?? "document"
        // A long document lays out only the blocks near the screen (`content-visibility`) and opens
        // with its entity table folded: opening a 3 MB page stays under a second (Sources/Gongwen/Gongwen.docc/Performance.md).
        let big = scalars.count > largeDocument
        var body = "<body\(big ? " class=\"big\"" : "")>\n<a class=\"skip\" href=\"#text\">Skip to the text</a>\n"
        body += header(document, title: title, scalarCount: scalars.count)
        body += "<div class=\"layout\">\n"
        body += outline(document)
        body += "<main id=\"main\">\n"
        body += legend(entities)
        let unplaced = diagnostics.filter { d in !placed.contains { $0.index == d.index } }
        if !unplaced.isEmpty {
            body += "<section id=\"doc-diags\" aria-label=\"Diagnostics about the whole document\"><h2>Diagnostics</h2><ul>"
            for d in unplaced { body += "<li>" + note(d.diagnostic, index: d.index, tag: "span") + "</li>" }
            body += "</ul></section>\n"
        }
        body += "<article id=\"text\" tabindex=\"-1\" lang=\"zh-Hans\">\n"
        writer.nodes(document.children, into: &body)
        writer.rest(upTo: scalars.count, into: &body)
        body += "</article>\n</main>\n"
        body += panel(entities, diagnostics: document.diagnostics, open: !big)
        body += "</div>\n<div id=\"valuebar\" role=\"status\" aria-live=\"polite\"></div>\n"
        body += HTML.jsonBlock(id: "gw-data", PageData(
            entities: entities.map { .init(id: $0.id, kind: $0.kind.rawValue, text: $0.text) },
            sections: sectionIds(document.sections),
            diagnostics: placed.count + unplaced.count))
        body += "\n</body>"
        return HTML.page(title: title + " — Gongwen", script: ViewAssets.script, style: ViewAssets.style, body: body)
    }

    /// What the page's self-test checks the DOM against.
    struct PageData: Encodable {
        struct EntityRef: Encodable { var id: Int; var kind: String; var text: String }
        var entities: [EntityRef]
        var sections: [String]
        var diagnostics: Int
    }

    static func sectionIds(_ sections: [Section]) -> [String] {
        sections.flatMap { [$0.id] + sectionIds($0.subsections) }
    }

    static func header(_ d: Document, title: String, scalarCount: Int) -> String {
        var meta: [String] = []
        if let p = d.source.path { meta.append(p) }
        meta.append(d.source.format.rawValue + ", " + d.source.encoding)
        meta.append(NumberText.grouped(d.source.bytes) + " bytes")
        if let date = d.date { meta.append("dated \(date.date) (\(date.from.rawValue))") }
        if let issuer = d.issuer { meta.append(issuer) }
        meta.append("\(d.entities.count) entities, \(d.diagnostics.count) diagnostics")
        return "<header class=\"top\"><h1>\(HTML.escape(title))</h1><p class=\"meta\">"
            + meta.map(HTML.escape).joined(separator: " · ") + "</p></header>\n"
    }

    static func outline(_ d: Document) -> String {
        func list(_ sections: [Section]) -> String {
            var s = "<ol>"
            for sec in sections {
                s += "<li><a href=\"#s-\(HTML.escape(sec.id))\"><span class=\"mk\">\(HTML.escape(sec.marker.text))</span> \(HTML.escape(sec.heading))</a>"
                if !sec.subsections.isEmpty { s += list(sec.subsections) }
                s += "</li>"
            }
            return s + "</ol>"
        }
        let count = sectionIds(d.sections).count
        var s = "<nav id=\"outline\" aria-label=\"Outline\"><details id=\"outline-box\" open><summary>Outline (\(count) sections)</summary>"
        s += count == 0 ? "<p class=\"none\">No numbered sections.</p>" : list(d.sections)
        return s + "</details></nav>\n"
    }

    static func legend(_ entities: [Entity]) -> String {
        var counts: [EntityKind: Int] = [:]
        for e in entities { counts[e.kind, default: 0] += 1 }
        var s = "<div id=\"legend\" role=\"group\" aria-label=\"Show or hide entity kinds\">"
        for kind in EntityKind.allCases {
            guard let n = counts[kind] else { continue }
            s += "<button type=\"button\" class=\"k-\(kind.rawValue)\" data-toggle=\"\(kind.rawValue)\" aria-pressed=\"true\">"
            s += "<span class=\"sw\" aria-hidden=\"true\"></span>\(HTML.escape(ValueText.label(kind))) <span class=\"n\">\(n)</span></button>"
        }
        if counts.isEmpty { s += "<span class=\"none\">No entities found.</span>" }
        return s + "</div>\n"
    }

    static func note(_ d: Diagnostic, index: Int, tag: String) -> String {
        "<\(tag) class=\"diag sev-\(d.severity.rawValue)\" id=\"d-\(index)\" role=\"note\" data-code=\"\(HTML.escape(d.code.rawValue))\">"
            + "<b>\(HTML.escape(d.code.rawValue))</b> \(HTML.escape(d.message))</\(tag)>"
    }

    /// Scalars past which a page is "big".
    static let largeDocument = 200_000

    static func panel(_ entities: [Entity], diagnostics: [Diagnostic], open: Bool) -> String {
        var s = "<aside id=\"panel\" aria-label=\"Entities and diagnostics\">"
        s += "<details id=\"entity-box\"\(open ? " open" : "")><summary>Entities (\(entities.count))</summary><div class=\"tablewrap\">"
        s += "<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">kind</th><th scope=\"col\">text</th><th scope=\"col\">value</th><th scope=\"col\">section</th></tr></thead><tbody>"
        for e in entities.sorted(by: { $0.id < $1.id }) {
            s += "<tr class=\"k-\(e.kind.rawValue)\"><td><a href=\"#e-\(e.id)\">\(e.id)</a></td><td>\(HTML.escape(ValueText.label(e.kind)))</td>"
            s += "<td>\(HTML.escape(e.text))</td><td>\(HTML.escape(ValueText.summary(e.value)))</td>"
            s += "<td>" + (e.sectionId.map { "<a href=\"#s-\(HTML.escape($0))\">\(HTML.escape(e.sectionPath.joined(separator: " ")))</a>" } ?? "") + "</td></tr>"
        }
        s += "</tbody></table></div></details>"
        if !diagnostics.isEmpty {
            s += "<details id=\"diag-box\"><summary>Diagnostics (\(diagnostics.count))</summary><ul>"
            for (i, d) in diagnostics.enumerated() {
                s += "<li><a href=\"#d-\(i)\">\(HTML.escape(d.code.rawValue))</a> \(HTML.escape(d.message))</li>"
            }
            s += "</ul></details>"
        }
        return s + "</aside>\n"
    }
}

/// Writes the tree: one block element per leaf node and per section heading, each block's text
/// highlighted, each diagnostic as a margin note in the block where its span starts.
private struct BodyWriter {
    var highlighter: Highlighter
    let notes: [(index: Int, diagnostic: Diagnostic)]
    var nextNote = 0
    var pos = 0

    init(highlighter: Highlighter, notes: [(index: Int, diagnostic: Diagnostic)]) {
        self.highlighter = highlighter
        self.notes = notes
    }

    mutating func nodes(_ nodes: [Node], into out: inout String) {
        for node in nodes {
            switch node {
            case .section(let s):
                let h = "h\(min(s.level + 1, 6))"
                out += "<section class=\"sec lvl-\(s.level)\" aria-labelledby=\"s-\(HTML.escape(s.id))\">"
                out += "<\(h) id=\"s-\(HTML.escape(s.id))\" class=\"blk h\" data-section-id=\"\(HTML.escape(s.id))\" data-style=\"\(s.marker.style.rawValue)\">"
                block(s.span.start..<max(s.span.start, s.bodyStart), into: &out)
                out += "</\(h)>\n"
                self.nodes(s.children, into: &out)
                out += "</section>\n"
            case .paragraph(let p):
                out += "<div class=\"blk p\">"
                block(p.span.range, into: &out)
                out += "</div>\n"
            case .field(let f):
                out += "<div class=\"blk f role-\(f.role.rawValue)\" data-role=\"\(f.role.rawValue)\">"
                block(f.span.range, into: &out)
                out += "</div>\n"
            case .boilerplate(let b):
                out += "<div class=\"blk b bp-\(b.kind.rawValue)\" data-boilerplate=\"\(b.kind.rawValue)\" title=\"boilerplate: \(b.kind.rawValue)\">"
                block(b.span.range, into: &out)
                out += "</div>\n"
            }
        }
    }

    /// Text no node covers (there is none in a well-formed tree, but a page never drops text).
    mutating func rest(upTo end: Int, into out: inout String) {
        if pos < end {
            out += "<div class=\"blk p\">"
            block(pos..<end, into: &out)
            out += "</div>\n"
        }
        while nextNote < notes.count {
            out += DocumentPage.note(notes[nextNote].diagnostic, index: notes[nextNote].index, tag: "div")
            nextNote += 1
        }
    }

    private mutating func block(_ range: Range<Int>, into out: inout String) {
        let r = max(range.lowerBound, pos)..<max(range.upperBound, pos)
        while nextNote < notes.count, notes[nextNote].diagnostic.span!.start < max(r.upperBound, r.lowerBound + 1) {
            out += DocumentPage.note(notes[nextNote].diagnostic, index: notes[nextNote].index, tag: "span")
            nextNote += 1
        }
        highlighter.render(r, into: &out)
        pos = r.upperBound
    }
}
