import Foundation
import Testing
@testable import Gongwen
@testable import GongwenCorpus
@testable import GongwenFormats

/// What `convert` writes into `corpus.sqlite` reads back into the same typed values: every
/// entity of every document that is not a duplicate, equal to the JSON Lines output's, and every
/// error record.
@Suite(.serialized) struct CorpusReaderTests {
    @Test func theDatabaseReadsBackTheTypedEntities() throws {
        let c = try CorpusFixture()
        defer { c.fx.remove() }
        _ = try c.convert()
        let jsonl = c.fx.path("out/corpus.jsonl")
        try FileManager.default.createDirectory(atPath: c.fx.path("out"), withIntermediateDirectories: true)
        _ = try BatchConverter(options: BatchOptions(jobs: 1)).run(inputs: [c.input], output: .jsonl(jsonl))
        var fromLines: [String: Document] = [:], lineErrors: [String: ErrorCode] = [:]
        for line in try c.fx.read("out/corpus.jsonl").split(separator: 10) {
            switch try GongwenJSON.decode(line) {
            case .document(let d): fromLines[d.id] = d
            case .error(let e): lineErrors[e.source.path ?? ""] = e.code
            }
        }
        var documents = 0, errors: [String: ErrorCode] = [:]
        try CorpusReader(path: c.database).forEach { stored in
            switch stored {
            case .document(let d):
                documents += 1
                let original = try #require(fromLines[d.id], "\(d.id) is not in the JSON Lines output")
                #expect(d.entities == original.entities, "\(d.path ?? d.id): entities differ")
                #expect(d.diagnostics == original.diagnostics)
                #expect(d.title == original.title && d.date == original.date && d.issuer == original.issuer)
                #expect(d.text == original.text)
            case .error(let e):
                errors[e.source.path ?? ""] = e.code
            }
        }
        // The byte-for-byte copy and the GBK re-encoding of the UTF-8 notice are duplicates.
        #expect(documents == CorpusFixture.inputs - CorpusFixture.errors - 2)
        #expect(errors == lineErrors && errors.count == CorpusFixture.errors)
        #expect(fromLines.values.flatMap(\.entities).contains { if case .money = $0.value { true } else { false } })
    }
}
