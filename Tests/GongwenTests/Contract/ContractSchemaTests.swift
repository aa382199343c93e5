import Foundation
import Testing
@testable import Gongwen

/// The strict JSON Schema is kept in step with the code: its closed vocabularies are the Swift
/// enums' raw values, and its open code lists today's known codes. CI validates real output
/// against both schemas (scripts/validate_schema.py); this suite also writes the property-test
/// corpus it validates.
@Suite struct ContractSchemaTests {
    static func strictSchema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: CLITests.root + "/docs/gongwen-1.strict.schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// Every `enum` list in the schema, wherever it stands.
    static func enums(_ node: Any) -> [[String]] {
        if let d = node as? [String: Any] {
            return (d["enum"] as? [String]).map { [$0] } ?? [] + d.values.flatMap(enums)
        }
        if let a = node as? [Any] { return a.flatMap(enums) }
        return []
    }

    @Test func strictVocabulariesAreTheCodes() throws {
        let lists = Set(Self.enums(try Self.strictSchema()).map { $0 })
        func has<T: RawRepresentable>(_ values: [T], _ what: String) where T.RawValue == String {
            #expect(lists.contains(values.map(\.rawValue)), "the strict schema lacks \(what) = \(values.map(\.rawValue))")
        }
        has(MarkerStyle.allCases, "marker styles")
        has(Field.Role.allCases, "field roles")
        has(Boilerplate.Kind.allCases, "boilerplate kinds")
        has(DatePrecision.allCases, "precisions")
        has(PartOfDay.allCases, "parts of day")
        has(CalendarEra.allCases, "calendar eras")
        has(DateField.allCases, "date fields")
        has(DateAnchorKind.allCases, "anchor kinds")
        has(ApproximationQualifier.allCases, "qualifiers")
        has(PersonUnit.allCases, "person units")
        has(PersonRole.allCases, "person roles")
        has(TitleCategory.allCases, "title categories")
        has(PercentageUnit.allCases, "percentage units")
        has(DocumentDate.Source.allCases, "document date sources")
        has(EntityKind.allCases, "entity kinds")
        has(DiagnosticCode.known, "diagnostic codes")
        has(ErrorCode.known, "error codes")
        has(InputFormat.known, "formats")
    }

    /// Writes the property-test corpus as JSON Lines for CI's schema check
    /// (`GONGWEN_PROPERTY_CORPUS=path`); without the variable it only encodes.
    @Test func propertyCorpusEncodes() throws {
        let docs = ContractRoundTripTests.propertyDocuments(count: 300)
        var out: [UInt8] = []
        for d in docs { out += GongwenJSON.encode(d); out.append(10) }
        #expect(out.filter { $0 == 10 }.count == 300)
        if let path = ProcessInfo.processInfo.environment["GONGWEN_PROPERTY_CORPUS"] {
            try Data(out).write(to: URL(fileURLWithPath: path))
        }
    }
}
