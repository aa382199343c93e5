import Foundation
import Gongwen

/// `gongwen report`: one self-contained page over a corpus, from a `CorpusSummary`.
public enum ReportPage {
    public static func render(_ s: CorpusSummary, top: Int = 20, title: String = "Corpus report") -> String {
        var w = ReportWriter(s: s, top: max(1, top))
        let totalEntities = s.entitiesByKind.values.reduce(0, +)
        var body = "<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n"
        body += "<header class=\"top\"><h1>\(HTML.escape(title))</h1><p class=\"meta\">\(s.documents.count) documents · \(s.errors.count) error records · \(NumberText.grouped(totalEntities)) entities</p></header>\n"
        let parts: [(String, String)] = [("documents", "Documents and errors"), ("entities", "Entities by kind"), ("titles", "Most cited titles"),
                                         ("money", "Money"), ("timeline", "Timeline"), ("attendance", "Attendance"), ("numbering", "Numbering diagnostics")]
        body += "<nav id=\"toc\" aria-label=\"Report sections\"><ul>" + parts.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }.joined() + "</ul></nav>\n"
        body += "<main id=\"main\">\n"
        body += w.documents() + w.entities() + w.titles() + w.money() + w.timeline() + w.attendance() + w.numbering()
        body += "</main>\n"
        body += HTML.jsonBlock(id: "gw-data", ["documents": s.documents.count, "errors": s.errors.count, "entities": totalEntities])
        body += "\n</body>"
        return HTML.page(title: title, script: ReportAssets.script, style: ReportAssets.style, body: body)
    }
}

private struct ReportWriter {
    let s: CorpusSummary
    let top: Int
    var figure = 0

    func docLink(_ i: Int) -> String {
        let d = s.documents[i]
        let name = HTML.escape(d.name)
        return d.link.map { "<a href=\"\(HTML.escape($0))\">\(name)</a>" } ?? name
    }

    func table(_ header: [String], numeric: Set<Int> = [], _ rows: [[String]]) -> String {
        var t = "<div class=\"tablewrap\"><table><thead><tr>"
        for (i, h) in header.enumerated() { t += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>" }
        t += "</tr></thead><tbody>"
        for r in rows {
            t += "<tr>" + r.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\($0.element)</td>" }.joined() + "</tr>"
        }
        if rows.isEmpty { t += "<tr><td colspan=\"\(header.count)\" class=\"none\">none</td></tr>" }
        return t + "</tbody></table></div>"
    }

    /// A chart and the table with its numbers, as one figure.
    mutating func chart(_ title: String, _ bars: [SVGChart.Bar], colour: String = "#3b6fb6", table: String) -> String {
        figure += 1
        let svg = bars.isEmpty ? "" : SVGChart.bars(id: "fig\(figure)", title: title, bars, colour: colour)
        return "<figure class=\"chart-figure\"><figcaption>\(HTML.escape(title))</figcaption>\(svg)\(table)</figure>\n"
    }

    func section(_ id: String, _ heading: String, _ note: String, _ content: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\"><h2 id=\"\(id)-h\">\(HTML.escape(heading))</h2>"
            + (note.isEmpty ? "" : "<p class=\"note\">\(HTML.escape(note))</p>") + content + "</section>\n"
    }

    mutating func documents() -> String {
        let codes = s.errorsByCode
        var c = chart("Error records by code", codes.map { .init(label: $0.code, value: Double($0.count), display: String($0.count)) }, colour: "#c62828",
                      table: table(["code", "records"], numeric: [1], codes.map { [HTML.escape($0.code), String($0.count)] }))
        c += "<details><summary>Documents (\(s.documents.count))</summary>"
        c += table(["document", "path", "year", "entities", "diagnostics"], numeric: [2, 3, 4], s.documents.indices.map { i in
            let d = s.documents[i]
            return [docLink(i), HTML.escape(d.path ?? ""), d.year.map(String.init) ?? "", String(d.entities), String(d.diagnostics)]
        }) + "</details>"
        if !s.errors.isEmpty {
            c += "<details><summary>Error records (\(s.errors.count))</summary>"
            c += table(["path", "code", "message"], s.errors.map { [HTML.escape($0.path ?? ""), HTML.escape($0.code), HTML.escape($0.message)] }) + "</details>"
        }
        return section("documents", "Documents and errors", "\(s.documents.count) documents and \(s.errors.count) error records (inputs that gave no document).", c)
    }

    mutating func entities() -> String {
        let rows = EntityKind.allCases.compactMap { k in s.entitiesByKind[k].map { (k, $0) } }
        return section("entities", "Entities by kind", "", chart("Entities by kind", rows.map { .init(label: ValueText.label($0.0), value: Double($0.1), display: NumberText.grouped($0.1)) },
                                                               table: table(["kind", "entities"], numeric: [1], rows.map { [ValueText.label($0.0), NumberText.grouped($0.1)] })))
    }

    mutating func titles() -> String {
        let ranked = Array(s.rankedTitles.prefix(top))
        let rows = ranked.map { t in
            ["《" + HTML.escape(t.title) + "》", t.category.rawValue, String(t.citations), String(t.documents.count),
             t.documents.map(docLink).joined(separator: "<br>")]
        }
        return section("titles", "Most cited titles", "Counted by key (width folded, inner brackets and spaces removed), so one title written two ways counts once. The top \(top) of \(s.titles.count).",
                       chart("Citations of the most cited titles", ranked.map { .init(label: "《\($0.title)》", value: Double($0.citations), display: String($0.citations)) }, colour: "#b8325a",
                             table: table(["title", "category", "citations", "documents", "cited by"], numeric: [2, 3], rows)))
    }

    static func totals(_ t: [String: ExactDecimal]) -> String {
        t.sorted { $0.key < $1.key }.map { NumberText.grouped($0.value) + " " + $0.key }.joined(separator: "<br>")
    }

    static func double(_ d: ExactDecimal?) -> Double { d.flatMap { Double($0.description) } ?? 0 }

    mutating func money() -> String {
        let byTotal = s.money.sorted { Self.double($0.totals["CNY"]) > Self.double($1.totals["CNY"]) }
        let shown = Array(byTotal.prefix(top))
        let rows = byTotal.map { m in
            [docLink(m.document), Self.totals(m.totals) + (m.overflow ? " (overflow: a lower bound)" : ""), String(m.amounts),
             m.rates.map { HTML.escape($0.text) + " = " + NumberText.grouped($0.amount) + " " + $0.currency + "/" + HTML.escape($0.per) }.joined(separator: "<br>")]
        }
        var c = chart("Money per document (CNY totals, rates excluded)", shown.filter { $0.totals["CNY"] != nil }.map {
            .init(label: s.documents[$0.document].name, value: Self.double($0.totals["CNY"]), display: NumberText.grouped($0.totals["CNY"]!) + " CNY")
        }, colour: "#a87200", table: table(["document", "total", "amounts", "rates (not summed)"], numeric: [1, 2], rows))
        let years = s.moneyByYear.sorted { ($0.key ?? Int.max) < ($1.key ?? Int.max) }
        c += chart("Money per year of the document's date (CNY)", years.filter { $0.value["CNY"] != nil }.map {
            .init(label: $0.key.map(String.init) ?? "undated", value: Self.double($0.value["CNY"]), display: NumberText.grouped($0.value["CNY"]!) + " CNY")
        }, colour: "#a87200", table: table(["year", "total"], numeric: [1], years.map { [$0.key.map(String.init) ?? "undated", Self.totals($0.value)] }))
        return section("money", "Money", "Exact sums of the amounts in each document, per currency; a range counts at its lower bound. Rates (元/人 and other amounts with a per unit) are listed apart and never added to totals. Years are the document's own date (成文日期 or dateline).", c)
    }

    mutating func timeline() -> String {
        var perDoc: [Int: [CorpusSummary.Event]] = [:]
        for e in s.events { perDoc[e.document, default: []].append(e) }
        let docs = perDoc.keys.sorted()
        let lanes = docs.prefix(top).map { i in
            SVGChart.Lane(label: s.documents[i].name, spans: perDoc[i]!.map { (SVGChart.dayNumber($0.firstDay), SVGChart.dayNumber($0.lastDay), $0.text) })
        }
        figure += 1
        var c = "<figure class=\"chart-figure\"><figcaption>Dated events per document</figcaption>"
        c += SVGChart.timeline(id: "fig\(figure)", title: "Dated events per document (dots: days, bars: longer spans)", lanes)
        c += table(["document", "dated events", "earliest", "latest"], numeric: [1], docs.map { i in
            let ev = perDoc[i]!
            return [docLink(i), String(ev.count), ev.map(\.firstDay).min()!.description, ev.map(\.lastDay).max()!.description]
        })
        c += "</figure>\n"
        var perYear: [Int: Int] = [:]
        for e in s.events { perYear[e.firstDay.year, default: 0] += 1 }
        let years = perYear.sorted { $0.key < $1.key }
        c += chart("Dated events per year", years.map { .init(label: String($0.key), value: Double($0.value), display: String($0.value)) }, colour: "#1c6fb8",
                   table: table(["year", "events"], numeric: [1], years.map { [String($0.key), String($0.value)] }))
        return section("timeline", "Timeline", "Every date and date range, at its first and last day (a month or a year covers all its days).", c)
    }

    mutating func attendance() -> String {
        let rows = s.attendance.sorted { $0.largest > $1.largest }
        return section("attendance", "Attendance", "People counted as attending (参加, 出席, 参会 …) in each meeting document.",
                       chart("Largest attendance per document", rows.prefix(top).map { .init(label: s.documents[$0.document].name, value: Double($0.largest), display: NumberText.grouped($0.largest)) },
                             colour: "#1f8a3a", table: table(["document", "largest", "counts"], numeric: [1], rows.map { a in
                                 [docLink(a.document), NumberText.grouped(a.largest), a.counts.map { HTML.escape($0.text) + ($0.approximate ? " (approx.)" : "") }.joined(separator: "<br>")]
                             })))
    }

    mutating func numbering() -> String {
        let codes = CorpusSummary.numberingCodes.map(\.rawValue)
        let rows = s.numbering.sorted { $0.codes.values.reduce(0, +) > $1.codes.values.reduce(0, +) }
        return section("numbering", "Numbering diagnostics", "Skipped, repeated and out-of-order section numbers, and missing outline levels, per document.",
                       chart("Numbering diagnostics per document", rows.prefix(top).map { .init(label: s.documents[$0.document].name, value: Double($0.codes.values.reduce(0, +)), display: String($0.codes.values.reduce(0, +))) },
                             colour: "#c0561b", table: table(["document"] + codes + ["total"], numeric: Set(1...codes.count + 1), rows.map { r in
                                 [docLink(r.document)] + codes.map { String(r.codes[$0] ?? 0) } + [String(r.codes.values.reduce(0, +))]
                             })))
    }
}

enum ReportAssets {
    static let script = SharedAssets.selftestCore + #"""
(function () {
  'use strict';
  window.gw.whenSelftest(function (check) {
    var data = JSON.parse(document.getElementById('gw-data').textContent);
    var figures = document.querySelectorAll('figure.chart-figure');
    var bare = Array.prototype.filter.call(figures, function (f) { return !f.querySelector('table'); }).length;
    check('every chart has its numbers in a table', figures.length > 0 && bare === 0, bare + ' of ' + figures.length);
    var rows = document.querySelectorAll('#documents details:first-of-type tbody tr').length;
    check('one row per document', rows === Math.max(1, data.documents), rows + ' rows for ' + data.documents);
  });
})();
"""#

    static let style = SharedAssets.baseStyle + #"""
#toc{background:#f4f4ef;border-bottom:1px solid #ddd;padding:.25rem 1.25rem}
#toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
main{max-width:68rem;margin:0 auto;padding:0 1.25rem 3rem}
section{margin-top:1.5rem}
h2{font-size:1.2rem;border-bottom:2px solid #1d4f91;padding-bottom:.2rem}
.note{color:#444;font-size:.9rem}
figure.chart-figure{margin:1rem 0 1.5rem;padding:0}
figcaption{font-weight:600;margin-bottom:.35rem}
svg.chart{display:block;width:100%;max-width:720px;height:auto;margin-bottom:.5rem}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:600}
@media (max-width:700px){ main{padding:0 .6rem 3rem} header.top{padding:.6rem .75rem} #toc{padding:.25rem .75rem} }
"""#
}
