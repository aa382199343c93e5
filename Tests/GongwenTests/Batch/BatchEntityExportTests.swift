import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats

@Suite("Batch entities export") struct BatchEntityExportTests {
    @Test func csvQuotingFollowsRFC4180() {
        #expect(EntityExport.csvRecord(["a", "b,c", "say \"hi\"", "line\nbreak", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\r\n")
        #expect(EntityExport.csvHeader.prefix(7) == ["path", "id", "kind", "text", "start", "end", "section"])
        #expect(Set(EntityExport.csvHeader).count == EntityExport.csvHeader.count)
    }

    @Test func rowsFromAConvertLine() {
        let line = #"""
        {"schema":"gongwen/1","source":{"path":"a, b.txt","encoding":"UTF-8","format":"text","bytes":10,"sha256":"00"},"entities":[{"kind":"money","text":"548.74万元","span":{"start":3,"end":11},"section":["一、","（一）"],"value":{"amount":"5487400","currency":"CNY","approximate":false}},{"kind":"date","text":"5月11日","span":{"start":20,"end":25},"section":[],"value":{"date":"2016-05-11","precision":"day","inferred":{"fields":["year"],"from":"2016-05-19","anchor":"dateline"},"future":"x"}}]}
        """#
        let rows = EntityExport.rows(jsonLine: Array(line.utf8))
        #expect(rows.count == 2)
        #expect(rows[0] == EntityRow(path: "a, b.txt", id: "", kind: "money", text: "548.74万元", start: 3, end: 11, section: ["一、", "（一）"],
                                     values: ["amount": "5487400", "currency": "CNY", "approximate": "false"]))
        let csv = EntityExport.csvRecord(rows[0])
        #expect(csv.hasPrefix("\"a, b.txt\",,money,548.74万元,3,11,一、 > （一）,"))
        #expect(csv.contains(",5487400,"))
        let date = EntityExport.csvRecord(rows[1])
        #expect(date.contains(#""{""anchor"":""dateline"",""fields"":[""year""],""from"":""2016-05-19""}""#))
        #expect(date.hasSuffix(",future=x\r\n"), "fields unknown today land in value_other")
        #expect(EntityExport.csvRecord(rows[0]).split(separator: ",", omittingEmptySubsequences: false).count >= EntityExport.csvHeader.count)
        #expect(EntityExport.rows(jsonLine: Array(#"{"schema":"gongwen/1","error":{"code":"empty"}}"#.utf8)).isEmpty)
    }

    @Test func rowsFromADocumentMatchRowsFromItsJSON() {
        let doc = GongwenParser(options: ParseOptions(path: "n.txt")).parse(bytes: Array(BatchFixture.notice.utf8))
        let direct = EntityExport.rows(document: doc)
        let viaJSON = EntityExport.rows(jsonLine: GongwenJSON.encode(doc))
        #expect(direct == viaJSON)
        #expect(direct.allSatisfy { !$0.kind.isEmpty && $0.end > $0.start })
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
