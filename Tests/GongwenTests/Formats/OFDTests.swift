import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

/// OFD packages written by the tests: `OFD.xml` → `Doc_0/Document.xml` → one `Content.xml` per page
/// of text objects, laid out like a printed page (A4 in millimetres, 4.2 mm characters, 38 to a
/// line, 36 lines to a page), with a running header and a page number on every page.
enum OFDFixture {
    static let perLine = 38, perPage = 36, size = 4.2, left = 20.0, top = 25.0

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func textObject(id: Int, x: Double, y: Double, _ text: String) -> String {
        let n = text.unicodeScalars.count
        let delta = n > 1 ? " DeltaX=\"g \(n - 1) \(size)\"" : ""
        return "<ofd:TextObject ID=\"\(id)\" Boundary=\"\(x) \(y) \(Double(n) * size) \(size * 1.2)\" Font=\"1\" Size=\"\(size)\">"
            + "<ofd:TextCode X=\"0\" Y=\"\(size)\"\(delta)>\(escape(text))</ofd:TextCode></ofd:TextObject>"
    }

    /// Lines of the text wrapped at `perLine` scalars; a blank line stays a blank line.
    static func wrapped(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var s = Array(line.unicodeScalars)
            while let last = s.last, last.properties.isWhitespace { s.removeLast() }
            if s.isEmpty { out.append(""); continue }
            while !s.isEmpty {
                let take = min(perLine, s.count)
                out.append(String(String.UnicodeScalarView(s[0..<take])))
                s.removeFirst(take)
            }
        }
        return out
    }

    static func package(pages: [String], extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        let ofd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody>
        <ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>
        """
        let list = pages.indices.map { "<ofd:Page ID=\"\($0 + 10)\" BaseLoc=\"Pages/Page_\($0)/Content.xml\"/>" }.joined()
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>
        <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>
        <ofd:Pages>\(list)</ofd:Pages></ofd:Document>
        """
        var members: [(String, [UInt8])] = [("OFD.xml", Array(ofd.utf8)), ("Doc_0/Document.xml", Array(document.utf8))]
        for (k, content) in pages.enumerated() {
            members.append(("Doc_0/Pages/Page_\(k)/Content.xml", Array(content.utf8)))
        }
        return try BatchFixture.zip(members + extra)
    }

    static func page(_ objects: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">\(objects)</ofd:Layer></ofd:Content></ofd:Page>
        """
    }

    /// The text set on pages, with a running header and `- N -` at the foot of each.
    static func printed(_ text: String) throws -> [UInt8] {
        let lines = wrapped(text)
        var pages: [String] = []
        var id = 100
        for (p, start) in stride(from: 0, to: lines.count, by: perPage).enumerated() {
            var objects = textObject(id: id, x: 80, y: 10, "遂宁市科学技术局")
            id += 1
            for (k, line) in lines[start..<min(lines.count, start + perPage)].enumerated() where !line.isEmpty {
                objects += textObject(id: id, x: left, y: top + Double(k) * size * 1.5, line)
                id += 1
            }
            objects += textObject(id: id, x: 100, y: 285, "- \(p + 1) -")
            id += 1
            pages.append(page(objects))
        }
        return try package(pages: pages)
    }
}

@Suite("OFD") struct OFDTests {
    @Test(arguments: SeedCorpus.names) func seedSetInOFDAgreesWithText(seed: String) throws {
        let text = try FormatFixture.seedText(seed)
        let ofd = try OFDFixture.printed(String(decoding: text, as: UTF8.self))
        #expect(OFDReader.sniff(ofd))
        let paged = try OFDReader.read(bytes: ofd)
        let scalars = Array(paged.text.unicodeScalars)
        let chrome = paged.chrome.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(chrome.filter { $0 == "遂宁市科学技术局" }.count == paged.pageCount, "\(chrome)")
        #expect(chrome.filter { $0.hasPrefix("- ") }.count == paged.pageCount, "\(chrome)")
        #expect(paged.segments.last?.range.upperBound == scalars.count)
        let fromOFD = paged.document(options: ParseOptions(path: "\(seed).ofd", format: "ofd"))
        let fromText = GongwenParser(options: ParseOptions(path: "\(seed).txt")).parse(bytes: text)
        #expect(fromOFD.title == fromText.title)
        let a = DocumentSummary(fromText), b = DocumentSummary(fromOFD)
        let outline = DocumentSummary.agreement(a.outline, b.outline)
        let entities = DocumentSummary.agreement(a.entities, b.entities)
        print("OFD agreement \(seed): pages \(paged.pageCount), outline \(outline.score), entities \(entities.score); text only: \(outline.onlyA + entities.onlyA); OFD only: \(outline.onlyB + entities.onlyB)")
        #expect(outline.score == 1, "text only \(outline.onlyA), OFD only \(outline.onlyB)")
        #expect(entities.score == 1, "text only \(entities.onlyA), OFD only \(entities.onlyB)")
    }

    @Test func textObjectsInOrderWithPageMap() throws {
        let p1 = OFDFixture.page(OFDFixture.textObject(id: 1, x: 20, y: 40, "第二行") + OFDFixture.textObject(id: 2, x: 20, y: 30, "第一行"))
        let p2 = OFDFixture.page(OFDFixture.textObject(id: 3, x: 20, y: 30, "第二页"))
        let paged = try OFDReader.read(bytes: try OFDFixture.package(pages: [p1, p2]))
        #expect(paged.text == "第一行\n第二行\n第二页\n")
        #expect(paged.pageCount == 2)
        #expect(paged.page(at: 0) == 1)
        #expect(paged.page(at: 8) == 2)
    }

    @Test func imagesOnlyIsNoTextLayer() throws {
        let page = OFDFixture.page("<ofd:ImageObject ID=\"5\" Boundary=\"0 0 210 297\" ResourceID=\"9\"/>")
        let bytes = try OFDFixture.package(pages: [page])
        do {
            _ = try OFDReader.read(bytes: bytes)
            Issue.record("read an OFD without text")
        } catch {
            #expect(error.code == "no-text-layer")
        }
    }

    @Test func zipBombIsAnArchiveBomb() throws {
        let huge = OFDFixture.page(String(repeating: " ", count: 4 << 20) + OFDFixture.textObject(id: 1, x: 20, y: 30, "正文"))
        let bytes = try OFDFixture.package(pages: [huge])
        #expect(bytes.count < 200_000)
        do {
            _ = try OFDReader.read(bytes: bytes, maxRatio: 100)
            Issue.record("read a bomb")
        } catch {
            #expect(error.code == "archive-bomb", "\(error)")
        }
        // Over the size budget whatever the ratio.
        do {
            _ = try OFDReader.read(bytes: bytes, maxMemberBytes: 1 << 20)
            Issue.record("read past the budget")
        } catch {
            #expect(error.code == "too-large", "\(error)")
        }
    }

    @Test func entityExpansionAndBrokenPackagesAreUnreadable() throws {
        let laughs = """
        <?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:TextObject Boundary="0 0 10 10" Size="3"><ofd:TextCode X="0" Y="3">&b;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>
        """
        for bytes in [try OFDFixture.package(pages: [laughs]), try BatchFixture.zip([("OFD.xml", Array("<ofd:OFD>".utf8))]),
                      try BatchFixture.zip([("other.xml", [])]), Array("PK\u{3}\u{4}junk".utf8)] {
            do {
                _ = try OFDReader.read(bytes: bytes)
                Issue.record("read a broken package")
            } catch {
                #expect(error.code == "unreadable" || error.code == "truncated-archive", "\(error)")
            }
        }
    }

    @Test func absurdCoordinatesDoNotTrap() throws {
        let objects = ["1e308 0 10 10", "nan 5 5 5", "-1e300 -1e300 1e300 1e300", "10 20 30 5"].enumerated().map { k, box in
            "<ofd:TextObject ID=\"\(k)\" Boundary=\"\(box)\" Size=\"1e308\"><ofd:TextCode X=\"inf\" Y=\"3\" DeltaX=\"g -5 1\">字\(k)</ofd:TextCode></ofd:TextObject>"
        }.joined() + OFDFixture.textObject(id: 9, x: 20, y: 30, "正文")
        let paged = try OFDReader.read(bytes: try OFDFixture.package(pages: [OFDFixture.page(objects)]))
        #expect(paged.text.contains("正文"))
    }

    @Test func deltaXAndPaths() {
        #expect(OFDReader.advances("g 3 4.2 1 2", count: 5) == [4.2, 4.2, 4.2, 1, 2])
        #expect(OFDReader.advances("g 1000000000 1", count: 3) == [1, 1, 1])
        #expect(OFDReader.resolve("Pages/Page_0/Content.xml", relativeTo: "Doc_0") == "Doc_0/Pages/Page_0/Content.xml")
        #expect(OFDReader.resolve("/Doc_0/Pages/P.xml", relativeTo: "Doc_0") == "Doc_0/Pages/P.xml")
        #expect(OFDReader.resolve("../x/../Doc_1/a.xml", relativeTo: "Doc_0") == "Doc_1/a.xml")
    }
}
