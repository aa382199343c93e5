/// The stages in order. Data flows forward only: each stage takes the previous stage's output.
///   decode → normalize → blocks → outline → extractors → document
package enum Pipeline {
    static func run(_ decoded: DecodedSource, options: ParseOptions) -> Document {
        // Everything that reads the normalized scalars happens in `match`; only their offset map
        // outlives it, so the scalars (4 bytes each) are gone before the tree's strings are built.
        let matched = match(decoded, options: options)
        let mapping = matched.mapping
        let assembler = Assembler(source: decoded.text, text: mapping, outline: matched.outline)
        let children = assembler.nodes()

        let sections = SectionIndex(children)
        var entities: [Entity] = []
        entities.reserveCapacity(matched.found.entities.count)
        for e in matched.found.entities {
            let span = mapping.sourceSpan(e.range)
            let text = assembler.string(span)
            let (path, sectionId) = sections.path(at: span.start)
            entities.append(Entity(id: entities.count, text: text, span: span, value: SourceCharacters.value(e.value, text: text),
                                   sectionPath: path, sectionId: sectionId))
        }

        var diagnostics = decoded.diagnostics
        for d in matched.findings {
            diagnostics.append(Diagnostic(code: d.code, message: d.message, severity: .warning,
                                          span: d.range.map { mapping.sourceSpan($0) }))
        }
        diagnostics.sort { ($0.span?.start ?? -1, $0.code.rawValue) < ($1.span?.start ?? -1, $1.code.rawValue) }

        let source = SourceInfo(path: options.path, id: options.id, encoding: decoded.encoding,
                                bytes: decoded.byteCount, sha256: decoded.sha256, format: options.format)
        return Document(source: source, text: decoded.text, children: children, entities: entities, diagnostics: diagnostics,
                        date: matched.ownDate.flatMap(DocumentDate.init(anchor:)), issuer: IssuingAuthority.find(children))
    }

    /// What the stages that read the normalized text find in it, in normalized positions.
    private struct Matched {
        var mapping: SourceMapping
        var outline: Outline
        var ownDate: DateAnchor?
        var found: ExtractionResult
        var findings: [FoundDiagnostic]
    }

    private static func match(_ decoded: DecodedSource, options: ParseOptions) -> Matched {
        let normalized = Normalizer.normalize(decoded.text, traditionalToSimplified: options.traditionalToSimplified)
        var blocks = BlockSplitter.split(normalized.scalars)
        if blocks.isEmpty && normalized.sourceCount > 0 {
            // Everything was invisible (zero-width characters only): one empty paragraph covers it.
            blocks = [Block(range: 0..<0, content: 0..<0, role: nil, marker: nil)]
        }
        let outline = OutlineBuilder.build(normalized.scalars, blocks)
        let ownDate = DocumentAnchor.find(normalized.scalars, blocks)
        let anchor = ownDate ?? options.anchorDate.map { DateAnchor(date: $0, kind: "option") }
        let found = EntityExtraction.run(ExtractionContext(text: normalized, anchor: anchor))
        let findings = outline.diagnostics + found.diagnostics + Placeholders.scan(normalized.scalars)
        return Matched(mapping: normalized.mapping, outline: outline, ownDate: ownDate, found: found, findings: findings)
    }
}

/// Innermost section containing a position, as the path of markers from the top. Built once per
/// document (sections only, children pre-extracted) and searched by bisection at each level.
struct SectionIndex {
    private struct Entry {
        var span: TextSpan
        var marker: String
        var id: String
        var children: [Entry]
    }

    private let top: [Entry]

    init(_ children: [Node]) {
        func entries(_ nodes: [Node]) -> [Entry] {
            nodes.compactMap { if case .section(let s) = $0 { Entry(span: s.span, marker: s.marker.text, id: s.id, children: entries(s.children)) } else { nil } }
        }
        top = entries(children)
    }

    /// The markers from the top, and the innermost section's id.
    func path(at offset: Int) -> ([String], String?) {
        var path: [String] = []
        var id: String?
        var level = top
        while let e = Self.find(offset, in: level) {
            path.append(e.marker)
            id = e.id
            level = e.children
        }
        return (path, id)
    }

    /// Sibling sections are in source order and do not overlap: binary search.
    private static func find(_ offset: Int, in entries: [Entry]) -> Entry? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < entries.count, entries[lo].span.start <= offset else { return nil }
        return entries[lo]
    }
}

/// The document's own date, from its signature date (成文日期) or, failing that, its dateline,
/// read with the shared date grammar (`DateForms.firstFullDate`).
package enum DocumentAnchor {
    package static func find(_ s: [Unicode.Scalar], _ blocks: [Block]) -> DateAnchor? {
        var dateline: DateAnchor?
        for b in blocks {
            switch b.role {
            case .field(.signatureDate)?:
                if let (d, _) = DateForms.firstFullDate(s, b.content) {
                    return DateAnchor(date: d, kind: "signatureDate", closingStart: b.range.lowerBound, block: b.range)
                }
            case .field(.dateline)?:
                if dateline == nil, let (d, _) = DateForms.firstFullDate(s, b.content) { dateline = DateAnchor(date: d, kind: "dateline", block: b.range) }
            default: continue
            }
        }
        return dateline
    }
}
