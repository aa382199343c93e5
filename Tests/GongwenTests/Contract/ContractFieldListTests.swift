import Foundation
import Testing
@testable import Gongwen
@testable import GongwenFormats
import GongwenTestSupport

/// One field list per value type (its `Codable` conformance) drives JSON, CSV, the text line and
/// the golden summaries: a stored property that is not in it, or a renderer that drifts, fails here.
@Suite struct ContractFieldListTests {
    /// Every stored property of every value type appears, in declaration order, in the collected
    /// fields of a sample with every optional field set.
    @Test(arguments: EntityValue.fullSamples)
    func everyStoredPropertyIsAField(_ value: EntityValue) {
        let stored: [String]
        switch value {
        case .date(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .dateRange(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .money(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .personCount(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .title(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .documentNumber(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .percentage(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .phone(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        case .email(let v): stored = Mirror(reflecting: v).children.compactMap(\.label)
        }
        #expect(value.fields.map(\.0) == stored)
        #expect(Set(EntityKind.allCases) == Set(EntityValue.fullSamples.map(\.kind)), "a sample of every kind")
        for name in stored { #expect(EntityExport.csvHeader.contains("value_" + name)) }
    }

    @Test func renderersShowEveryOptionalField() {
        let money = EntityValue.fullSamples.first { $0.kind == .money }!
        #expect(money.goldenSummary == "amount=399.5 amountMax=500 currency=CNY approximate qualifier=余 per=人")
        let date = EntityValue.fullSamples.first { $0.kind == .date }!
        #expect(date.goldenSummary == "date=2016-05-11 precision=day time=11:24 partOfDay=afternoon inferred=year@2016-05-19/dateline era=minguo")
        let range = EntityValue.fullSamples.first { $0.kind == .dateRange }!
        #expect(range.goldenSummary == "start=2016-05-11 end=2016-05-18 precision=day inferred=year@2016-05-19/dateline period=yearStart era=minguo")
        let count = EntityValue.fullSamples.first { $0.kind == .personCount }!
        #expect(count.goldenSummary == "count=30 countMax=40 unit=人 approximate qualifier=余 role=attendance")
        let title = EntityValue.fullSamples.first { $0.kind == .title }!
        #expect(title.goldenSummary == "category=normative nested=甲")
    }

    /// A document holding one entity of each kind with every optional field: its CSV is the same
    /// whether the rows come from the typed document or from its decoded JSON line.
    @Test func csvFromADocumentEqualsCSVFromItsJSONLine() throws {
        let text = String(repeating: "甲", count: 40)
        let entities = EntityValue.fullSamples.enumerated().map { k, v in
            Entity(id: k, text: "甲", span: TextSpan(start: k, end: k + 1), value: v, sectionPath: ["一、"], sectionId: "1")
        }
        let doc = Document(source: SourceInfo(path: "every.txt", encoding: "UTF-8", bytes: 120, sha256: "00"), text: text,
                           children: [], entities: entities, diagnostics: [])
        let direct = EntityExport.rows(document: doc).map(EntityExport.csvRecord)
        let decoded = try EntityExport.rows(jsonLine: GongwenJSON.encode(doc)).map(EntityExport.csvRecord)
        #expect(direct == decoded)
        #expect(direct.count == EntityKind.allCases.count)
        let header = EntityExport.csvHeader
        let money = direct.first { $0.contains(",money,") }!.dropLast(1).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(money.count == header.count, "\(direct.first { $0.contains(",money,") }!)")
        let cell = { (name: String) in money[header.firstIndex(of: "value_" + name)!] }
        #expect(cell("amount") == "399.5" && cell("amountMax") == "500" && cell("per") == "人" && cell("qualifier") == "余")
        let count = direct.first { $0.contains(",personCount,") }!.dropLast(1).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(count[header.firstIndex(of: "value_countMax")!] == "40")
    }
}
