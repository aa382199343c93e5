import Foundation
import PropertyBased
import Testing
@testable import Gongwen
@testable import GongwenView

/// The generated pages, read back with a small scanner: every `<mark>` balanced, the text under
/// each entity's highlight (its one `data-entity` element and its `data-part-of` continuations)
/// equal to the entity's text.
enum PageScan {
    struct Marks {
        var primaries: [Int: Int] = [:]
        var kinds: [Int: String] = [:]
        var tabindex: [Int: String] = [:]
        var text: [Int: String] = [:]
        var balanced = true
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The five references the pages write, undone scalar by scalar.
    static func unescape(_ s: Substring) -> String {
        let refs: [(String, Unicode.Scalar)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#13;", "\r"), ("&amp;", "&")]
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        outer: while i < u.count {
            if u[i] == "&" {
                for (ref, c) in refs {
                    let r = Array(ref.unicodeScalars)
                    if i + r.count <= u.count && Array(u[i..<i + r.count]) == r { out.append(c); i += r.count; continue outer }
                }
            }
            out.append(u[i]); i += 1
        }
        return String(out)
    }

    /// Scans `<article id="text">…</article>` scalar by scalar (as an HTML parser does: a combining
    /// mark after `>` is text, not part of the tag).
    static func marks(_ html: String) -> Marks {
        var m = Marks()
        let u = Array(html.unicodeScalars)
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.unicodeScalars)
            guard u.count >= n.count else { return nil }
            var i = from
            while i <= u.count - n.count {
                if u[i] == n[0] && Array(u[i..<i + n.count]) == n { return i }
                i += 1
            }
            return nil
        }
        guard let start = find("<article id=\"text\"", from: 0), let end = find("</article>", from: start) else {
            m.balanced = false
            return m
        }
        var stack: [Int?] = []
        var i = start
        while i < end {
            if u[i] == "<" {
                var close = i
                while u[close] != ">" { close += 1 }
                let tag = Substring(String(String.UnicodeScalarView(u[i...close])))
                if tag.hasPrefix("<mark") {
                    if let id = attribute("data-entity", in: tag).flatMap(Int.init) {
                        m.primaries[id, default: 0] += 1
                        m.kinds[id] = attribute("data-kind", in: tag)
                        m.tabindex[id] = attribute("tabindex", in: tag)
                        stack.append(id)
                    } else {
                        stack.append(attribute("data-part-of", in: tag).flatMap(Int.init))
                    }
                } else if tag == "</mark>" {
                    if stack.popLast() == nil { m.balanced = false }
                }
                i = close + 1
            } else {
                var next = i
                while next < end && u[next] != "<" { next += 1 }
                let text = unescape(Substring(String(String.UnicodeScalarView(u[i..<next]))))
                for case let id? in stack { m.text[id, default: ""].unicodeScalars.append(contentsOf: text.unicodeScalars) }
                i = next
            }
        }
        if !stack.isEmpty { m.balanced = false }
        return m
    }

    static func count(_ needle: String, in s: String) -> Int {
        s.components(separatedBy: needle).count - 1
    }
}

@Suite struct ViewPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ name: String) throws -> Document {
        GongwenParser(options: ParseOptions(path: "Corpus/seeds/\(name).txt"))
            .parse(bytes: [UInt8](try Data(contentsOf: root.appendingPathComponent("Corpus/seeds/\(name).txt"))))
    }

    static func expectOneHighlightEach(_ doc: Document, _ html: String) {
        let m = PageScan.marks(html)
        #expect(m.balanced)
        #expect(m.primaries.count == doc.entities.count)
        for e in doc.entities {
            #expect(m.primaries[e.id] == 1, "entity \(e.id) \(e.text)")
            #expect(m.kinds[e.id] == e.kind.rawValue)
            #expect(m.tabindex[e.id] == "0")
            // HTML cannot carry U+0000 (a parser drops it from text), so the page shows U+FFFD there.
            let shown = e.text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }
            #expect(Array((m.text[e.id] ?? "").unicodeScalars) == shown, "entity \(e.id)")
        }
    }

    @Test(arguments: SeedCorpus.names)
    func oneHighlightPerEntityOnTheSeeds(_ name: String) throws {
        let doc = try Self.seed(name)
        #expect(!doc.entities.isEmpty)
        let html = DocumentPage.render(doc)
        Self.expectOneHighlightEach(doc, html)
        // Every outline link and every table link has its anchor.
        let ids = Set(html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        for href in html.components(separatedBy: "href=\"#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(ids.contains(PageScan.unescape(Substring(href))), "#\(href)")
        }
        #expect(PageScan.count("<a href=\"#s-", in: html.components(separatedBy: "<main").first!) == DocumentPage.sectionIds(doc.sections).count)
        #expect(PageScan.count("class=\"diag ", in: html) == doc.diagnostics.count)
    }

    @Test func oneHighlightPerEntityOnArbitraryText() async {
        await propertyCheck(count: 150, input: CorePropertyTests.text) { text in
            let doc = GongwenParser().parse(text)
            Self.expectOneHighlightEach(doc, DocumentPage.render(doc))
        }
    }

    @Test func theViewOfADecodedRecordIsTheViewOfTheParse() throws {
        let doc = try Self.seed(SeedCorpus.names[3])
        guard case .document(let decoded) = try GongwenJSON.decode(GongwenJSON.encode(doc)) else {
            Issue.record("not a document")
            return
        }
        #expect(DocumentPage.render(decoded) == DocumentPage.render(doc))
    }

    /// Crossing, nested and boundary-crossing spans, made by hand.
    @Test func overlappingSpansNestAndContinue() {
        let text = "甲乙丙丁戊己庚\n辛壬癸"
        let money = EntityValue.money(MoneyValue(amount: ExactDecimal("90")!))
        let spans = [(0, 4), (2, 6), (1, 3), (2, 6), (5, 10), (3, 3), (8, 11)]
        let entities = spans.enumerated().map { i, s in
            Entity(id: i, text: String(String.UnicodeScalarView(Array(text.unicodeScalars)[s.0..<s.1])),
                   span: TextSpan(start: s.0, end: s.1), value: money)
        }
        let doc = Document(source: SourceInfo(encoding: "UTF-8", bytes: 0, sha256: ""), text: text, children: [
            .paragraph(Paragraph(span: TextSpan(start: 0, end: 8), textSpan: TextSpan(start: 0, end: 7), text: "甲乙丙丁戊己庚", items: [])),
            .paragraph(Paragraph(span: TextSpan(start: 8, end: 11), textSpan: TextSpan(start: 8, end: 11), text: "辛壬癸", items: [])),
        ], entities: entities, diagnostics: [])
        let html = DocumentPage.render(doc)
        Self.expectOneHighlightEach(doc, html)
        #expect(html.contains("data-part-of=\"1\""))   // (2,6) crosses (0,4)
        #expect(html.contains("data-part-of=\"4\""))   // (5,10) crosses the end of the first paragraph
    }

    @Test func markupInTheTextIsShownAsText() {
        let source = "关于<script>alert(\"x\")</script>&amp;的通知\n\n一、总体要求\n\"引号\"与'撇号' & <b>粗体</b> 548.74万元。\n依据《关于\"引号\"&<b>的通知》执行。\n"
        let doc = GongwenParser().parse(source)
        let html = DocumentPage.render(doc)
        // Only the page's own script and its JSON data block.
        #expect(PageScan.count("<script", in: html) == 2)
        #expect(!html.contains("<b>粗体"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;"))
        #expect(html.contains("&quot;引号&quot;与&#39;撇号&#39; &amp; &lt;b&gt;粗体&lt;/b&gt;"))
        // Attribute values: the title entity's data-title keeps quotes and markup as text.
        #expect(html.contains("data-title=\"关于&quot;引号&quot;&amp;&lt;b&gt;的通知\""))
        #expect(HTML.escape("a\r\nb<&>\"'") == "a&#13;\nb&lt;&amp;&gt;&quot;&#39;")
        // The data block cannot be closed early.
        let data = html.components(separatedBy: "id=\"gw-data\">").last!
        #expect(!data.components(separatedBy: "</script>").first!.contains("<"))
        Self.expectOneHighlightEach(doc, html)
    }

    @Test func pageStructureAndPolicy() throws {
        let doc = try Self.seed(SeedCorpus.names[0])
        let html = DocumentPage.render(doc)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let policy = HTML.contentSecurityPolicy(script: ViewAssets.script, style: ViewAssets.style)
        #expect(policy.hasPrefix("default-src 'none'; script-src 'sha256-"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTML.escape(policy))\">"))
        #expect(html.contains("<script>\(ViewAssets.script)</script>"))
        #expect(html.contains("<style>\(ViewAssets.style)</style>"))
        // Nothing a strict policy would block, nothing loaded from anywhere.
        #expect(!html.contains(" style=\""))
        #expect(!html.contains(" onclick="))
        #expect(!html.contains("src=\""))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("Noto Sans CJK SC") && html.contains("WenQuanYi"))
        for kind in Set(doc.entities.map(\.kind)) { #expect(html.contains("data-toggle=\"\(kind.rawValue)\"")) }
        #expect(html.contains("<nav id=\"outline\"") && html.contains("<table>") && html.contains("id=\"valuebar\""))
        // Boilerplate is kept and marked.
        #expect(html.contains("data-boilerplate=\"photoCaption\""))
    }

    @Test func valuesForPeople() {
        let doc = GongwenParser().parse("关于召开会议的通知\n\n会议于9月23—24日召开，经费548.74万元，标准399.5元/人。\n\n2020年9月25日\n")
        let tips = Dictionary(doc.entities.map { ($0.text, ValueText.summary($0.value)) }, uniquingKeysWith: { a, _ in a })
        #expect(tips["548.74万元"] == "5,487,400 CNY")
        #expect(tips["9月23—24日"] == "2020-09-23 … 2020-09-24 · year from the signature date (2020-09-25)")
        #expect(tips["399.5元/人"]?.hasPrefix("399.5 CNY per 人") == true)
        let html = DocumentPage.render(doc)
        #expect(html.contains("data-amount=\"5487400\" data-currency=\"CNY\""))
        #expect(html.contains("data-first-day=\"2020-09-23\""))
        #expect(NumberText.grouped("1234567.25") == "1,234,567.25")
        #expect(kebab("firstDay") == "first-day")
    }
}

@Suite struct ReportTests {
    static func entity(_ id: Int, _ text: String, _ value: EntityValue) -> Entity {
        Entity(id: id, text: text, span: TextSpan(start: 0, end: text.unicodeScalars.count), value: value)
    }

    static func corpus() -> [ReportRecord] {
        let title = EntityValue.title(TitleValue(title: "甘肃省促进科技成果转化条例", category: .regulation, key: "甘肃省促进科技成果转化条例"))
        let other = EntityValue.title(TitleValue(title: "中国共产党章程", category: .regulation, key: "中国共产党章程"))
        let d1 = ReportDocument(id: "a", path: "a.txt", title: "甲通知", date: DocumentDate(date: CalendarDate(year: 2020, month: 9, day: 25), from: .signatureDate), issuer: nil, entities: [
            entity(0, "548.74万元", .money(MoneyValue(amount: ExactDecimal("5487400")!))),
            entity(1, "90元", .money(MoneyValue(amount: ExactDecimal("90")!))),
            entity(2, "399.5元/人", .money(MoneyValue(amount: ExactDecimal("399.5")!, per: "人"))),
            entity(3, "《甘肃省促进科技成果转化条例》", title),
            entity(4, "《甘肃省促进科技成果转化条例》", title),
            entity(5, "共43人参加", .personCount(PersonCountValue(count: 43, unit: .person, role: .attendance))),
            entity(6, "9月23—24日", .dateRange(DateRangeValue(start: PartialDate(year: 2020, month: 9, day: 23), end: PartialDate(year: 2020, month: 9, day: 24), precision: .day))),
        ], diagnostics: [Diagnostic(code: .numberingGap, message: "gap"), Diagnostic(code: .numberingRepeated, message: "rep"), Diagnostic(code: .placeholder, message: "XXX")])
        let d2 = ReportDocument(id: "b", path: "b.txt", title: nil, date: DocumentDate(date: CalendarDate(year: 2021, month: 1, day: 2), from: .dateline), issuer: nil, entities: [
            entity(0, "2000万元", .money(MoneyValue(amount: ExactDecimal("20000000")!))),
            entity(1, "0.5元", .money(MoneyValue(amount: ExactDecimal("0.5")!))),
            entity(2, "《甘肃省促进科技成果转化条例》", title),
            entity(3, "《中国共产党章程》", other),
            entity(4, "2016年5月11日", .date(DateValue(date: PartialDate(year: 2016, month: 5, day: 11)))),
        ], diagnostics: [])
        let d3 = ReportDocument(id: "c", path: "dir/c.txt", title: "", date: nil, issuer: nil, entities: [
            entity(0, "10元", .money(MoneyValue(amount: ExactDecimal("10")!))),
        ], diagnostics: [])
        return [.document(d1), .error(path: "x.pdf", code: .unsupportedFormat, message: "PDF"), .document(d2),
                .error(path: "e1", code: .empty, message: "empty"), .error(path: "e2", code: .empty, message: "empty"), .document(d3)]
    }

    @Test func numbersOfAHandMadeCorpus() {
        let s = CorpusSummary(records: Self.corpus())
        #expect(s.documents.map(\.name) == ["甲通知", "b.txt", "c.txt"])
        #expect(s.errorsByCode.map { "\($0.code)=\($0.count)" } == ["empty=2", "unsupported-format=1"])
        #expect(s.entitiesByKind[.money] == 6 && s.entitiesByKind[.title] == 4 && s.entitiesByKind[.date] == 1)
        let t = s.rankedTitles
        #expect(t.first?.key == "甘肃省促进科技成果转化条例" && t.first?.citations == 3 && t.first?.documents == [0, 1])
        #expect(t.last?.key == "中国共产党章程" && t.last?.citations == 1)
        // Rates never join totals; sums are exact.
        #expect(s.money.map { $0.totals["CNY"]?.description } == ["5487490", "20000000.5", "10"])
        #expect(s.money[0].rates.count == 1 && s.money[0].amounts == 2)
        #expect(s.moneyByYear[2020]?["CNY"]?.description == "5487490")
        #expect(s.moneyByYear[2021]?["CNY"]?.description == "20000000.5")
        #expect(s.moneyByYear[nil]?["CNY"]?.description == "10")
        #expect(s.events.count == 2 && s.events.map(\.firstDay.description).sorted() == ["2016-05-11", "2020-09-23"])
        #expect(s.attendance.count == 1 && s.attendance[0].largest == 43 && s.attendance[0].document == 0)
        #expect(s.numbering.count == 1 && s.numbering[0].codes == ["numbering.gap": 1, "numbering.repeated": 1])

        let html = ReportPage.render(s, top: 10)
        for needle in ["5,487,490 CNY", "20,000,000.5 CNY", "399.5元/人 = 399.5 CNY/人", "<td>empty</td><td class=\"num\">2</td>",
                       "《甘肃省促进科技成果转化条例》", "共43人参加", "<svg class=\"chart\""] {
            #expect(html.contains(needle), "\(needle)")
        }
        #expect(!html.contains(" style=\"") && !html.contains("src=\""))
        // Every chart comes with its table.
        let figures = html.components(separatedBy: "<figure class=\"chart-figure\">").dropFirst()
        #expect(figures.count >= 8 && figures.allSatisfy { $0.components(separatedBy: "</figure>")[0].contains("<table>") })
    }

    @Test func readsJSONLinesAndLinksViews() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = GongwenParser(options: ParseOptions(path: "a/通知 1.txt")).parse("关于<b>的通知\n\n经费548.74万元。\n")
        var lines = GongwenJSON.encode(doc) + [0x0A]
        lines += GongwenJSON.encodeError(source: SourceInfo(path: "x.pdf", encoding: "", bytes: 1, sha256: ""), code: .unsupportedFormat, message: "PDF") + [0x0A]
        let file = dir.appendingPathComponent("corpus.jsonl")
        try Data(lines).write(to: file)
        var summary = CorpusSummary()
        try JSONLinesCorpus(path: file.path).forEach { record, document in
            #expect((document == nil) == (summary.documents.count == 1))
            summary.add(record, viewLink: "views/x.html")
        }
        #expect(summary.documents.count == 1 && summary.errors.count == 1)
        #expect(ReportPage.render(summary).contains("<a href=\"views/x.html\">关于&lt;b&gt;的通知</a>"))
        #expect(ReportLinks.viewFileName(doc) == "通知_1-\(doc.id).html")
        #expect(ReportLinks.relative(from: dir, to: dir.appendingPathComponent("views/a b.html")) == "views/a%20b.html")
        #expect(ReportLinks.relative(from: dir.appendingPathComponent("out"), to: dir.appendingPathComponent("views/v.html")) == "../views/v.html")
        try Data("not json\n".utf8).write(to: file)
        #expect(throws: CorpusReadError.self) { try JSONLinesCorpus(path: file.path).forEach { _, _ in } }
    }
}
