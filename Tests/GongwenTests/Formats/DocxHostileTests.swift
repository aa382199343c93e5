import Foundation
import Testing
@testable import GongwenFormats
import GongwenTestSupport

/// Word documents built to break the reader: list counters from the file, bombs, cut-off zips.
@Suite("Hostile docx") struct DocxHostileTests {
    @Test func listStartsFromTheFileCannotOverflow() {
        let numbering = """
        <w:numbering><w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="\(Int.max)"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="-\(Int.max)"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """
        let paragraph = #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>条</w:t></w:r></w:p>"#
        let nested = #"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>款</w:t></w:r></w:p>"#
        let xml = String(repeating: paragraph + nested, count: 500)
        let text = DocxText.text(documentXML: Array(xml.utf8), numbering: DocxText.Numbering(xml: Array(numbering.utf8)))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1000)
        #expect(lines.allSatisfy { $0.count < 40 }, "labels stay short")
        #expect(lines.first == "1000000)条")
    }

    @Test func aDocumentXMLBombIsRefused() throws {
        let (zeros, _) = GzipWriter.deflatedZeros(count: 1 << 30)
        var member = ZipMember(rawName: Array("word/document.xml".utf8), content: [], data: zeros, method: 8)
        member.uncompressedSize = 1000
        let docx = ZipWriter.archive([member])
        do throws(FormatError) {
            _ = try DocumentReader.read(bytes: docx, name: "bomb.docx")
            Issue.record("a bomb read as a document")
        } catch {
            #expect(error.code == BatchErrorCode.archiveBomb)
            #expect(error.format == "docx")
        }
    }

    @Test func everyCutOfADocxIsAnErrorOrADocument() throws {
        let docx = try BatchFixture.docx()
        for n in stride(from: 1, to: docx.count, by: 7) {
            do throws(FormatError) {
                _ = try DocumentReader.read(bytes: Array(docx.prefix(n)), name: "cut.docx")
            } catch {
                #expect(!error.code.isEmpty)
            }
        }
    }
}
