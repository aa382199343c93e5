/// Encodes documents as JSON in schema `gongwen/1` (docs/SCHEMA.md). Hand-written for speed and a
/// fixed key order, so the same document always gives the same bytes.
public enum GongwenJSON {
    /// One document as a single line of JSON (no trailing newline), or pretty-printed.
    /// `includeText: false` leaves out the decoded source text (spans then need the original file).
    public static func encode(_ document: Document, pretty: Bool = false, includeText: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: document.text.utf8.count * (includeText ? 3 : 2) + 1024)
        w.beginObject()
        w.key("schema"); w.string(Document.schema)
        source(&w, document.source)
        w.key("title")
        if let t = document.title { w.string(t) } else { w.null() }
        if includeText { w.key("text"); w.string(document.text) }
        w.key("sections"); w.beginArray()
        for s in document.sections { section(&w, s) }
        w.endArray()
        w.key("nodes"); w.beginArray()
        for n in document.children { node(&w, n) }
        w.endArray()
        w.key("entities"); w.beginArray()
        for e in document.entities { entity(&w, e) }
        w.endArray()
        w.key("diagnostics"); w.beginArray()
        for d in document.diagnostics { diagnostic(&w, d) }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// The record for an input that could not be read: `{"schema", "source", "error": {code, message}}`.
    public static func encodeError(source info: SourceInfo, code: String, message: String, pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: 512)
        w.beginObject()
        w.key("schema"); w.string(Document.schema)
        source(&w, info)
        w.key("error"); w.beginObject()
        w.key("code"); w.string(code)
        w.key("message"); w.string(message)
        w.endObject()
        w.endObject()
        return w.bytes
    }

    private static func source(_ w: inout JSONWriter, _ s: SourceInfo) {
        w.key("source"); w.beginObject()
        w.key("path")
        if let p = s.path { w.string(p) } else { w.null() }
        w.member("id", s.id)
        w.key("encoding"); w.string(s.encoding)
        w.key("format"); w.string(s.format)
        w.key("bytes"); w.int(s.bytes)
        w.key("sha256"); w.string(s.sha256)
        w.endObject()
    }

    private static func section(_ w: inout JSONWriter, _ s: Section) {
        w.beginObject()
        w.key("marker"); w.string(s.marker.text)
        w.key("style"); w.string(s.marker.style.rawValue)
        w.key("level"); w.int(s.level)
        w.key("ordinal"); w.int(s.marker.ordinal)
        w.key("heading"); w.string(s.heading)
        w.span("span", s.span)
        w.span("headingSpan", s.headingSpan)
        w.key("children"); w.beginArray()
        for c in s.subsections { section(&w, c) }
        w.endArray()
        w.endObject()
    }

    private static func node(_ w: inout JSONWriter, _ n: Node) {
        w.beginObject()
        w.key("kind"); w.string(n.kind)
        w.span("span", n.span)
        switch n {
        case .section(let s):
            w.key("marker"); w.string(s.marker.text)
            w.key("level"); w.int(s.level)
            w.key("bodyStart"); w.int(s.bodyStart)
            w.key("children"); w.beginArray()
            for c in s.children { node(&w, c) }
            w.endArray()
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

    private static func entity(_ w: inout JSONWriter, _ e: Entity) {
        w.beginObject()
        w.key("kind"); w.string(e.kind.rawValue)
        w.key("text"); w.string(e.text)
        w.span("span", e.span)
        w.strings("section", e.sectionPath)
        w.key("value"); w.beginObject()
        switch e.value {
        case .date(let v):
            w.key("date"); w.string(v.date)
            w.key("precision"); w.string(v.precision.rawValue)
            w.member("time", v.time)
            w.member("partOfDay", v.partOfDay)
            inference(&w, v.inferred)
            w.member("era", v.era)
        case .dateRange(let v):
            w.key("start"); w.string(v.start)
            w.key("end"); w.string(v.end)
            w.key("precision"); w.string(v.precision.rawValue)
            inference(&w, v.inferred)
            w.member("period", v.period)
            w.member("era", v.era)
        case .money(let v):
            w.key("amount"); w.string(v.amount)
            w.member("amountMax", v.amountMax)
            w.key("currency"); w.string(v.currency)
            w.key("approximate"); w.bool(v.approximate)
            w.member("qualifier", v.qualifier)
            w.member("per", v.per)
        case .personCount(let v):
            w.key("count"); w.int(v.count)
            w.member("countMax", v.countMax)
            w.key("approximate"); w.bool(v.approximate)
            w.member("qualifier", v.qualifier)
            w.key("unit"); w.string(v.unit)
            w.member("role", v.role)
        case .title(let v):
            w.key("title"); w.string(v.title)
            w.key("category"); w.string(v.category.rawValue)
            w.key("key"); w.string(v.key)
            w.strings("nested", v.nested)
        case .documentNumber(let v):
            w.key("issuer"); w.string(v.issuer)
            w.member("year", v.year)
            w.key("serial"); w.int(v.serial)
        case .percentage(let v):
            w.key("value"); w.string(v.value)
            w.key("unit"); w.string(v.unit)
        case .phone(let v):
            w.key("number"); w.string(v.number)
        case .email(let v):
            w.key("address"); w.string(v.address)
        }
        w.endObject()
        w.endObject()
    }

    private static func inference(_ w: inout JSONWriter, _ i: DateInference?) {
        guard let i else { return }
        w.key("inferred"); w.beginObject()
        w.strings("fields", i.fields)
        w.key("from"); w.string(i.from)
        w.key("anchor"); w.string(i.anchor)
        w.endObject()
    }

    private static func diagnostic(_ w: inout JSONWriter, _ d: Diagnostic) {
        w.beginObject()
        w.key("code"); w.string(d.code)
        w.key("severity"); w.string(d.severity.rawValue)
        w.key("message"); w.string(d.message)
        if let s = d.span { w.span("span", s) }
        w.endObject()
    }
}
