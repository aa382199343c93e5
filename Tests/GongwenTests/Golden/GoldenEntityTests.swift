import Foundation
import Testing
@testable import Gongwen
import GongwenTestSupport

/// The golden entity lists in `Corpus/golden/<seed>.entities.tsv` were written by hand from the five
/// seed documents; they are the specification the extractors are checked against.
///
/// Format, UTF-8, one line per entity in source order (by start offset, then end):
/// `kind<TAB>text<TAB>summary`, where `text` is the exact source text at the entity's span and
/// `summary` is `EntityValue.goldenSummary` (space-separated `key=value` for the non-nil fields).
/// Lines starting with `#` (the judgment calls) and blank lines are ignored.
@Suite struct GoldenEntityTests {
    static let seeds = SeedCorpus.names

    /// Repo root: this file is `<root>/Tests/GongwenTests/Golden/GoldenEntityTests.swift`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Golden
        .deletingLastPathComponent()   // GongwenTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // root

    static func parseSeed(_ seed: String) throws -> Document {
        let url = root.appendingPathComponent("Corpus/seeds/\(seed).txt")
        let data = try Data(contentsOf: url)
        return GongwenParser().parse(bytes: [UInt8](data))
    }

    static func goldenLines(_ seed: String) throws -> [String] {
        let url = root.appendingPathComponent("Corpus/golden/\(seed).entities.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func render(_ entity: Entity) -> String {
        "\(entity.kind.rawValue)\t\(entity.text)\t\(entity.value.goldenSummary)"
    }

    /// Makes tabs and unusual spaces visible in failure messages.
    static func show(_ line: String) -> String {
        line.replacingOccurrences(of: "\t", with: " ⇥ ")
            .replacingOccurrences(of: "\u{00A0}", with: "⍽")
    }

    /// Multiset difference `a - b`, keeping `a`'s order.
    static func minus(_ a: [String], _ b: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for x in b { counts[x, default: 0] += 1 }
        var out: [String] = []
        for x in a {
            if let n = counts[x], n > 0 { counts[x] = n - 1 } else { out.append(x) }
        }
        return out
    }

    @Test(arguments: seeds)
    func goldenEntities(_ seed: String) throws {
        let doc = try Self.parseSeed(seed)
        let expected = try Self.goldenLines(seed)
        let actual = doc.entities.map(Self.render)
        if expected == actual { return }

        let missing = Self.minus(expected, actual)
        let unexpected = Self.minus(actual, expected)
        var report = "entities of \(seed) differ from Corpus/golden/\(seed).entities.tsv\n"
        if !missing.isEmpty {
            report += "missing (in golden, not produced) — \(missing.count):\n"
            report += missing.map { "  - \(Self.show($0))" }.joined(separator: "\n") + "\n"
        }
        if !unexpected.isEmpty {
            report += "unexpected (produced, not in golden) — \(unexpected.count):\n"
            report += unexpected.map { "  + \(Self.show($0))" }.joined(separator: "\n") + "\n"
        }
        if missing.isEmpty && unexpected.isEmpty {
            // Same lines, different order: show the first place where they part.
            let i = expected.indices.first { $0 >= actual.count || expected[$0] != actual[$0] } ?? expected.count
            report += "same entities in a different order; first difference at entity #\(i + 1):\n"
            report += "  golden: \(i < expected.count ? Self.show(expected[i]) : "(end)")\n"
            report += "  parser: \(i < actual.count ? Self.show(actual[i]) : "(end)")\n"
        }
        Issue.record(Comment(rawValue: report))
    }

    /// Entities come out in source order: by start offset, then end offset.
    @Test(arguments: seeds)
    func entitiesInSourceOrder(_ seed: String) throws {
        let doc = try Self.parseSeed(seed)
        for (a, b) in zip(doc.entities, doc.entities.dropFirst()) {
            #expect((a.span.start, a.span.end) <= (b.span.start, b.span.end),
                    "\(seed): \(Self.show(Self.render(a))) comes before \(Self.show(Self.render(b)))")
        }
    }

    /// Corpus-wide: every entity's `text` is exactly the source text at its span.
    @Test func entityTextMatchesSpanAcrossCorpus() throws {
        var checked = 0
        for seed in Self.seeds {
            let doc = try Self.parseSeed(seed)
            let count = doc.text.unicodeScalars.count
            for entity in doc.entities {
                guard entity.span.start >= 0, entity.span.start <= entity.span.end, entity.span.end <= count else {
                    Issue.record("\(seed): span \(entity.span.start)..<\(entity.span.end) out of bounds for \(Self.show(entity.text))")
                    continue
                }
                #expect(String(doc.text(of: entity.span)) == entity.text,
                        "\(seed): text at \(entity.span.start)..<\(entity.span.end) is \(Self.show(String(doc.text(of: entity.span)))), entity says \(Self.show(entity.text))")
                checked += 1
            }
        }
        #expect(checked > 0, "no entities at all in the seed corpus")
    }

    /// The hand-written files are well-formed: three tab-separated fields, a known kind, text that
    /// occurs in the seed in the listed order.
    @Test(arguments: seeds)
    func goldenFileIsWellFormed(_ seed: String) throws {
        let source = try Self.parseSeed(seed).text
        var rest = Substring(source)
        for line in try Self.goldenLines(seed) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 3, "\(seed): not kind<TAB>text<TAB>summary: \(Self.show(line))")
            guard fields.count == 3 else { continue }
            #expect(EntityKind(rawValue: String(fields[0])) != nil, "\(seed): unknown kind in \(Self.show(line))")
            #expect(!fields[2].isEmpty, "\(seed): empty summary in \(Self.show(line))")
            if let r = rest.range(of: fields[1]) {
                rest = source[r.lowerBound...].dropFirst()
            } else {
                Issue.record("\(seed): \(Self.show(String(fields[1]))) not found in the seed after the previous entity")
            }
        }
    }
}
