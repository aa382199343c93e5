@testable import Gongwen
import GongwenTestSupport

/// Runs the whole extraction (with overlap resolution) on already-normalized text and renders
/// the entities of one kind as `text|summary`.
func extracted(_ text: String, kind: EntityKind, anchor: DateAnchor? = nil) -> [String] {
    let nt = NormalizedText(identity: text)
    let r = EntityExtraction.run(ExtractionContext(text: nt, anchor: anchor))
    let s = nt.scalars
    return r.entities.filter { $0.value.kind == kind }.map { e in
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[e.range])
        return String(v) + "|" + e.value.goldenSummary
    }
}

func diagnostics(_ text: String, anchor: DateAnchor? = nil) -> [String] {
    let nt = NormalizedText(identity: text)
    let r = EntityExtraction.run(ExtractionContext(text: nt, anchor: anchor))
    let s = nt.scalars
    return r.diagnostics.map { d in
        var v = String.UnicodeScalarView()
        if let range = d.range { v.append(contentsOf: s[range]) }
        return d.code.rawValue + "|" + String(v)
    }
}

func allEntities(_ text: String, anchor: DateAnchor? = nil) -> [FoundEntity] {
    EntityExtraction.run(ExtractionContext(text: NormalizedText(identity: text), anchor: anchor)).entities
}
