import Foundation
import Testing
@testable import Gongwen

/// The golden outlines in `Corpus/golden/` were written by hand from the five seed documents; they
/// are the specification of the outline the parser must produce.
///
/// Format, one line per node in source order (lines starting with `#` are comments):
/// - `= <role>: <text>` a field line, `~ <kind>: <text>` boilerplate (text trimmed);
/// - `<marker> <heading>` a section, marker exactly as in the source;
/// - `· <marker>` an inline enumeration item of a paragraph (paragraphs themselves are not listed);
/// - two spaces of indentation per enclosing section;
/// - then `--` and one `! <code> @ <source text at the span>` per outline diagnostic
///   (`numbering.*`, `outline.missingLevel`), in source order, ties broken by code.
@Suite struct CoreGoldenOutlineTests {
    static let seeds = SeedCorpus.names

    @Test(arguments: seeds)
    func goldenOutline(_ seed: String) throws {
        let doc = try CoreCorpus.parseSeed(seed)
        let expected = try CoreCorpus.golden(seed)
        let actual = goldenRender(doc).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let actualLines = actual.last == "" ? Array(actual.dropLast()) : actual
        if expected != actualLines {
            Issue.record("""
                outline of \(seed) differs from Corpus/golden/\(seed).outline.txt \
                (- golden, + parser):
                \(lineDiff(expected, actualLines))
                """)
        }
    }

    /// The seeds also satisfy the structural invariants (tiling, bounds, level = depth).
    @Test(arguments: seeds)
    func seedTreeInvariants(_ seed: String) throws {
        let doc = try CoreCorpus.parseSeed(seed)
        let problems = CoreInvariants.violations(doc)
        #expect(problems.isEmpty, "\(seed):\n\(problems.prefix(20).joined(separator: "\n"))")
        #expect(doc.source.encoding == "UTF-8")
    }

    /// Golden files are well-formed (guards against editing mistakes in the hand-written files).
    @Test(arguments: seeds)
    func goldenFileIsWellFormed(_ seed: String) throws {
        let lines = try CoreCorpus.golden(seed)
        let sep = try #require(lines.firstIndex(of: "--"), "\(seed): no -- line")
        var depth = 0
        for line in lines[..<sep] {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent % 2 == 0, "odd indentation: \(line)")
            #expect(indent / 2 <= depth, "indented deeper than an open section allows: \(line)")
            let body = line.dropFirst(indent)
            #expect(!body.isEmpty && body.first != " ", "empty or badly indented line: \(line.debugDescription)")
            if body.hasPrefix("= ") || body.hasPrefix("~ ") || body.hasPrefix("· ") {
                depth = indent / 2
            } else {
                depth = indent / 2 + 1   // a section: its contents may go one level deeper
            }
        }
        for line in lines[(sep + 1)...] {
            #expect(line.hasPrefix("! ") && line.contains(" @ "), "bad diagnostic line: \(line)")
        }
    }

    /// The library's own renderer (`gongwen outline`) must print exactly the golden format too.
    @Test(arguments: seeds)
    func outlineRendererMatchesGolden(_ seed: String) throws {
        let doc = try CoreCorpus.parseSeed(seed)
        let expected = try CoreCorpus.golden(seed)
        let actual = OutlineRenderer.render(doc).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let actualLines = actual.last == "" ? Array(actual.dropLast()) : actual
        #expect(expected == actualLines, "OutlineRenderer output for \(seed) (- golden, + renderer):\n\(lineDiff(expected, actualLines))")
    }
}

// MARK: - Corpus access

enum CoreCorpus {
    /// …/Tests/GongwenTests/Core/<file>.swift → repository root.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static func seedBytes(_ seed: String) throws -> [UInt8] {
        let url = root.appendingPathComponent("Corpus/seeds/\(seed).txt")
        return Array(try Data(contentsOf: url))
    }

    static func parseSeed(_ seed: String) throws -> Document {
        GongwenParser(options: ParseOptions(path: "Corpus/seeds/\(seed).txt")).parse(bytes: try seedBytes(seed))
    }

    /// The golden file's lines without `#` comments and without trailing empty lines.
    static func golden(_ seed: String) throws -> [String] {
        let url = root.appendingPathComponent("Corpus/golden/\(seed).outline.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }
            .filter { !$0.hasPrefix("#") }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}

// MARK: - The golden renderer (independent of the library's own renderer)

/// Renders a document in the golden outline format, walking the public tree only.
func goldenRender(_ d: Document) -> String {
    var lines: [String] = []
    func trim<S: StringProtocol>(_ s: S) -> String {
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo, scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }
    func source(_ span: TextSpan) -> String {
        let n = d.text.unicodeScalars.count
        guard span.start >= 0, span.end <= n else { return "<span \(span) out of bounds>" }
        return String(d.text(of: span))
    }
    func emit(_ nodes: [Node], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        for node in nodes {
            switch node {
            case .field(let f):
                lines.append("\(indent)= \(f.role.rawValue): \(trim(source(f.textSpan)))")
            case .boilerplate(let b):
                lines.append("\(indent)~ \(b.kind.rawValue): \(trim(source(b.textSpan)))")
            case .section(let s):
                let heading = trim(s.heading)
                lines.append(heading.isEmpty ? "\(indent)\(s.marker.text)" : "\(indent)\(s.marker.text) \(heading)")
                emit(s.children, depth: depth + 1)
            case .paragraph(let p):
                for item in p.items { lines.append("\(indent)· \(item.marker)") }
            }
        }
    }
    emit(d.children, depth: 0)
    lines.append("--")
    let diagnostics = d.diagnostics
        .filter { CoreInvariants.outlineCodes.contains($0.code.rawValue) }
        .sorted { a, b in
            let sa = a.span?.start ?? Int.max, sb = b.span?.start ?? Int.max
            if sa != sb { return sa < sb }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return (a.span?.end ?? Int.max) < (b.span?.end ?? Int.max)
        }
    for g in diagnostics {
        lines.append("! \(g.code) @ \(g.span.map { trim(source($0)) } ?? "")")
    }
    return lines.joined(separator: "\n") + "\n"
}

// MARK: - Line diff

/// A readable line diff (LCS), unchanged runs folded down to two lines of context.
func lineDiff(_ a: [String], _ b: [String]) -> String {
    let n = a.count, m = b.count
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    enum Op { case same(String, Int), del(String, Int), ins(String, Int) }
    var ops: [Op] = []
    var i = 0, j = 0
    while i < n || j < m {
        if i < n, j < m, a[i] == b[j] { ops.append(.same(a[i], i + 1)); i += 1; j += 1 }
        else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(.del(a[i], i + 1)); i += 1 }
        else { ops.append(.ins(b[j], j + 1)); j += 1 }
    }
    let changed = ops.indices.filter { if case .same = ops[$0] { false } else { true } }
    var show = Set<Int>()
    for c in changed { for k in max(0, c - 2)...min(ops.count - 1, c + 2) { show.insert(k) } }
    var out: [String] = []
    var skipped = false
    for (k, op) in ops.enumerated() {
        guard show.contains(k) else { skipped = true; continue }
        if skipped { out.append("  …"); skipped = false }
        switch op {
        case .same(let s, _): out.append("  \(s)")
        case .del(let s, _): out.append("- \(s)")
        case .ins(let s, _): out.append("+ \(s)")
        }
    }
    if skipped { out.append("  …") }
    return out.joined(separator: "\n")
}
