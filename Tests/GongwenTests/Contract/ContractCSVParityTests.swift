import Foundation
import Testing
@testable import GongwenFormats

/// `gongwen entities FILE --csv` and `gongwen convert FILE -o OUT.jsonl` followed by
/// `gongwen entities OUT.jsonl --csv` write the same bytes: both render rows from typed documents
/// through the one field list.
@Suite struct ContractCSVParityTests {
    @Test(arguments: SeedCorpus.names)
    func csvFromTheFileEqualsCSVFromItsConvertOutput(seed: String) throws {
        let fx = try BatchFixture("csv-\(seed)")
        defer { fx.remove() }
        let input = fx.path("\(seed).txt")
        try fx.write("\(seed).txt", [UInt8](try Data(contentsOf: URL(fileURLWithPath: CLITests.root + "/Corpus/seeds/\(seed).txt"))))
        let direct = try GongwenCLI.run(["entities", input, "--csv"])
        #expect(direct.status == 0)
        let converted = try GongwenCLI.run(["convert", input, "-o", fx.path("out.jsonl"), "-q"])
        #expect(converted.status == 0)
        let viaJSONL = try GongwenCLI.run(["entities", fx.path("out.jsonl"), "--csv"])
        #expect(viaJSONL.status == 0)
        #expect(!direct.stdout.isEmpty)
        #expect(direct.stdout == viaJSONL.stdout, "\(seed): the two CSVs differ")
    }
}
