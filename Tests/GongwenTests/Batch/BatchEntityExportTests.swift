import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

@Suite("Batch entities export") struct BatchEntityExportTests {
    @Test func csvQuotingFollowsRFC4180() {
        #expect(EntityExport.csvRecord(["a", "b,c", "say \"hi\"", "line\nbreak", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\r\n")
        #expect(EntityExport.csvHeader.prefix(9) == ["path", "document_id", "entity_id", "kind", "text", "start", "end", "section", "section_id"])
        #expect(Set(EntityExport.csvHeader).count == EntityExport.csvHeader.count)
    }

    @Test func rowsFromAConvertLine() throws {
        // A line as another writer might produce it: typed decoding keeps every known field and
        // drops the unknown one (`future`), which additions to gongwen/1 allow.
        let line = #"""
        {"schema":"gongwen/1","gongwenVersion":"0.4.0","id":"d1","source":{"path":"a, b.txt","encoding":"UTF-8","format":"text","bytes":10,"sha256":"00"},"nodes":[],"diagnostics":[],"entities":[{"id":0,"kind":"money","text":"548.74万元","span":{"start":3,"end":11},"section":["一、","（一）"],"sectionId":"1.1","value":{"amount":"5487400","currency":"CNY","approximate":false}},{"id":1,"kind":"date","text":"5月11日","span":{"start":20,"end":25},"section":[],"value":{"date":"2016-05-11","precision":"day","firstDay":"2016-05-11","lastDay":"2016-05-11","inferred":{"fields":["year"],"from":"2016-05-19","anchor":"dateline"},"future":"x"}}]}
        """#
        let rows = try EntityExport.rows(jsonLine: Array(line.utf8))
        #expect(rows.count == 2)
        #expect(rows[0].path == "a, b.txt" && rows[0].documentId == "d1" && rows[0].kind == .money && rows[0].sectionId == "1.1")
        let csv = EntityExport.csvRecord(rows[0])
        #expect(csv.hasPrefix("\"a, b.txt\",d1,0,money,548.74万元,3,11,一、 > （一）,1.1,"))
        #expect(csv.contains(",5487400,"))
        let date = EntityExport.csvRecord(rows[1])
        #expect(date.contains(#""{""fields"":[""year""],""from"":""2016-05-19"",""anchor"":""dateline""}""#))
        #expect(!date.contains("future"))
        #expect(EntityExport.csvRecord(rows[0]).split(separator: ",", omittingEmptySubsequences: false).count >= EntityExport.csvHeader.count)
        let error = #"{"schema":"gongwen/1","gongwenVersion":"0.4.0","source":{"path":"x","encoding":"","bytes":0,"sha256":""},"error":{"code":"empty","message":"m"}}"#
        #expect(try EntityExport.rows(jsonLine: Array(error.utf8)).isEmpty)
        #expect(throws: GongwenDecodingError.self) { try EntityExport.rows(jsonLine: Array(#"{"schema":"gongwen/2"}"#.utf8)) }
    }

    @Test func rowsFromADocumentMatchRowsFromItsJSON() throws {
        let doc = GongwenParser(options: ParseOptions(path: "n.txt")).parse(bytes: Array(BatchFixture.notice.utf8))
        let direct = EntityExport.rows(document: doc)
        let viaJSON = try EntityExport.rows(jsonLine: GongwenJSON.encode(doc))
        #expect(direct == viaJSON)
        #expect(!direct.isEmpty && direct.allSatisfy { $0.end > $0.start })
        for row in direct { #expect(!EntityExport.textLine(row).contains("\n")) }
    }

    @Test func exportAConvertOutput() throws {
        let fx = try BatchFixture()
        defer { fx.remove() }
        try fx.write("in/a.txt", Array(BatchFixture.notice.utf8))
        try fx.write("in/b.txt", [])
        _ = try BatchConverter(options: BatchOptions(jobs: 1)).run(inputs: [fx.path("in")], output: .jsonl(fx.path("o.jsonl")))
        var out = ""
        let counts = try EntityExport.exportJSONL(path: fx.path("o.jsonl"), csv: true) { out += $0 }
        #expect(counts.documents == 1)
        #expect(counts.errors == 1)
        let records = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == counts.entities + 1)
        #expect(records.first == EntityExport.csvHeader.joined(separator: ","))
    }
}
