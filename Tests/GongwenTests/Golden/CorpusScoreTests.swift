import Foundation
import Testing
@testable import Gongwen

/// Issue 10: the documents collected beyond the seeds (`Corpus/collected`, real; `Corpus/constructed`,
/// written by hand), with golden entity lists and outlines written by hand before the parser ran on
/// them. This suite measures value F1 per kind and outline F1 and prints them (the numbers go in the
/// closing note); it fails only on broken invariants (an entity whose text is not its span), not on
/// the score, so that a golden is never tuned to pass.
@Suite struct CorpusScoreTests {
    static let documents = [
        "collected/c01_holiday_guoqing", "collected/c02_holiday_zhongqiu", "collected/c03_spring_festival_2017",
        "collected/c04_tw_shemianfa", "collected/c05_tw_tishenfa", "collected/c06_party_meeting_report",
        "collected/c07_provincial_notice",
        "constructed/k01_budget_report_fullwidth", "constructed/k02_meeting_minutes_attendance",
        "constructed/k03_ranges_across_years", "constructed/k04_tw_market_regulation",
    ]

    struct Tally { var matched = 0, produced = 0, expected = 0
        var f1: Double { produced + expected == 0 ? 1 : 2 * Double(matched) / Double(produced + expected) }
    }

    static func lines(_ path: String) throws -> [String] {
        let url = GoldenEntityTests.root.appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func parse(_ doc: String) throws -> Document {
        let data = try Data(contentsOf: GoldenEntityTests.root.appendingPathComponent("Corpus/\(doc).txt"))
        return GongwenParser().parse(bytes: [UInt8](data))
    }

    static func golden(_ doc: String, _ ext: String) -> String {
        "Corpus/golden/\(doc.split(separator: "/").last!).\(ext)"
    }

    /// Multiset intersection size.
    static func matched(_ a: [String], _ b: [String]) -> Int {
        var counts: [String: Int] = [:]
        for x in b { counts[x, default: 0] += 1 }
        var n = 0
        for x in a where (counts[x] ?? 0) > 0 { counts[x]! -= 1; n += 1 }
        return n
    }

    @Test func scoreTheNewDocuments() throws {
        var byKind: [String: Tally] = [:]
        var overall = Tally(), outline = Tally()
        var misses: [String] = []
        for doc in Self.documents {
            let parsed = try Self.parse(doc)
            for e in parsed.entities {
                #expect(String(parsed.text(of: e.span)) == e.text, "\(doc): span text differs for \(e.text)")
            }
            let expected = try Self.lines(Self.golden(doc, "entities.tsv"))
            let actual = parsed.entities.map(GoldenEntityTests.render)
            for kind in Set((expected + actual).map { String($0.split(separator: "\t").first!) }) {
                let e = expected.filter { $0.hasPrefix(kind + "\t") }, a = actual.filter { $0.hasPrefix(kind + "\t") }
                let m = Self.matched(a, e)
                byKind[kind, default: Tally()].matched += m
                byKind[kind, default: Tally()].produced += a.count
                byKind[kind, default: Tally()].expected += e.count
            }
            let m = Self.matched(actual, expected)
            overall.matched += m; overall.produced += actual.count; overall.expected += expected.count
            misses += GoldenEntityTests.minus(expected, actual).map { "  - \(doc): \(GoldenEntityTests.show($0))" }
            misses += GoldenEntityTests.minus(actual, expected).map { "  + \(doc): \(GoldenEntityTests.show($0))" }

            let goldenOutline = try Self.lines(Self.golden(doc, "outline.txt")).prefix { $0 != "--" }
            let rendered = goldenRender(parsed).split(separator: "\n").map(String.init).prefix { $0 != "--" }
            let om = Self.matched(Array(rendered), Array(goldenOutline))
            outline.matched += om; outline.produced += rendered.count; outline.expected += goldenOutline.count
            misses += GoldenEntityTests.minus(Array(goldenOutline), Array(rendered)).map { "  - \(doc) outline: \($0)" }
            misses += GoldenEntityTests.minus(Array(rendered), Array(goldenOutline)).map { "  + \(doc) outline: \($0)" }
        }
        var report = "value F1 on \(Self.documents.count) new documents (matched/produced/golden):\n"
        for (k, t) in byKind.sorted(by: { $0.key < $1.key }) {
            report += "  \(k): \(String(format: "%.3f", t.f1)) (\(t.matched)/\(t.produced)/\(t.expected))\n"
        }
        report += "  overall: \(String(format: "%.3f", overall.f1)) (\(overall.matched)/\(overall.produced)/\(overall.expected))\n"
        report += "outline F1: \(String(format: "%.3f", outline.f1)) (\(outline.matched)/\(outline.produced)/\(outline.expected))\n"
        report += "differences (- golden only, + parser only):\n" + misses.joined(separator: "\n")
        print(report)
        try report.write(toFile: NSTemporaryDirectory() + "gongwen-corpus-score.txt", atomically: true, encoding: .utf8)
    }
}
