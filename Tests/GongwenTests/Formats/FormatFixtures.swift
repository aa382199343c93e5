import Foundation
@testable import Gongwen
@testable import GongwenFormats

/// Fixtures the format tests make themselves: PDFs printed by headless Chromium (its running header
/// has the date and the file name, its footer the URL and `1/2`: exactly the chrome to find),
/// images by Chromium's screenshot, image-only PDFs by img2pdf. Written once per run under a
/// temporary folder, keyed by the content.
enum FormatFixture {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-format-fixtures-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool (no shell) and fails with its status when it does not exit 0.
    static func run(_ tool: String, _ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw ToolFailure(description: "\(tool) is not installed (apt-get install chromium img2pdf fonts-noto-cjk)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ToolFailure(description: "\(tool) \(arguments) exited \(p.terminationStatus)") }
    }

    static func chromium(_ arguments: [String]) throws {
        let profile = folder.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                      "--user-data-dir=\(profile.path)"] + arguments)
    }

    /// The file `name` (written with `contents`) printed to PDF by Chromium, with its header and footer.
    static func printedPDF(name: String, contents: [UInt8]) throws -> [UInt8] {
        let source = folder.appendingPathComponent(name)
        let pdf = folder.appendingPathComponent(name + ".pdf")
        if let done = try? Data(contentsOf: pdf), !done.isEmpty { return Array(done) }
        try Data(contents).write(to: source)
        try chromium(["--print-to-pdf=\(pdf.path)", source.absoluteString])
        return Array(try Data(contentsOf: pdf))
    }

    /// An image-only PDF: a screenshot of a page of Chinese text wrapped by img2pdf (a "scan").
    static func scannedPDF() throws -> [UInt8] {
        let html = folder.appendingPathComponent("scan.html")
        let png = folder.appendingPathComponent("scan.png")
        let pdf = folder.appendingPathComponent("scan.pdf")
        if let done = try? Data(contentsOf: pdf), !done.isEmpty { return Array(done) }
        try Data("<html><meta charset=utf-8><body><h1>关于开展工作的通知</h1><p>各单位：请于5月11日前报送。</p></body></html>".utf8).write(to: html)
        try chromium(["--screenshot=\(png.path)", "--window-size=600,400", html.absoluteString])
        try run("/usr/bin/img2pdf", ["-o", pdf.path, png.path])
        return Array(try Data(contentsOf: pdf))
    }

    static func seedText(_ seed: String) throws -> [UInt8] { try CoreCorpus.seedBytes(seed) }
}

/// Outline and entities of a document, for comparing two forms of one text.
struct DocumentSummary {
    var outline: [String]
    var entities: [String]

    init(_ d: Document) {
        var outline: [String] = []
        func visit(_ s: Section) {
            outline.append("\(String(repeating: " ", count: s.level))\(s.marker.text) \(s.heading.filter { !$0.isWhitespace })")
            s.subsections.forEach(visit)
        }
        d.sections.forEach(visit)
        self.outline = outline
        entities = d.entities.map { "\($0.kind.rawValue)\t\($0.text.filter { !$0.isWhitespace })" }
    }

    /// |A ∩ B| / |A ∪ B| as multisets, and what is only on either side.
    static func agreement(_ a: [String], _ b: [String]) -> (score: Double, onlyA: [String], onlyB: [String]) {
        var count: [String: Int] = [:]
        for x in a { count[x, default: 0] += 1 }
        var common = 0
        var onlyB: [String] = []
        for x in b {
            if let c = count[x], c > 0 { count[x] = c - 1; common += 1 } else { onlyB.append(x) }
        }
        let onlyA = count.flatMap { Array(repeating: $0.key, count: $0.value) }.sorted()
        let union = a.count + b.count - common
        return (union == 0 ? 1 : Double(common) / Double(union), onlyA, onlyB)
    }
}
