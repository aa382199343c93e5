import Foundation
import PropertyBased
import Testing
@testable import Gongwen
@testable import GongwenFormats

/// gongwen/1 is one model: what the encoder writes, the decoder reads back into equal values and
/// the same bytes, and Foundation's `JSONEncoder` writes the same JSON from the same `Codable`
/// conformances (the streaming writer is only a faster encoder of them, not a second shape).
@Suite struct ContractRoundTripTests {
    static func seedDocuments() throws -> [Document] {
        try SeedCorpus.names.map { name in
            let url = URL(fileURLWithPath: CLITests.root + "/Corpus/seeds/\(name).txt")
            return GongwenParser(options: ParseOptions(path: "Corpus/seeds/\(name).txt")).parse(bytes: [UInt8](try Data(contentsOf: url)))
        }
    }

    /// Documents from the property-test generator, the same on every run (fixed seeds).
    static func propertyDocuments(count: Int = 150) -> [Document] {
        var rng = SeededRandom(state: 0x6F6E_6777_656E)
        return (0..<count).map { _ in GongwenParser().parse(CorePropertyTests.sample(&rng)) }
    }

    static func foundationBytes(_ d: Document, includeText: Bool = true) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        e.userInfo[.gongwenIncludeText] = includeText
        return [UInt8](try e.encode(d))
    }

    func checkRoundTrip(_ doc: Document, _ label: String) throws {
        let bytes = GongwenJSON.encode(doc)
        let record = try GongwenJSON.decode(bytes)
        guard case .document(let back) = record else { Issue.record("\(label): decoded as an error record"); return }
        #expect(back == doc, "\(label): decode(encode(doc)) differs")
        #expect(GongwenJSON.encode(back) == bytes, "\(label): encode(decode(encode(doc))) is not byte-identical")
        #expect(try Self.sameJSON(bytes, try Self.foundationBytes(doc)), "\(label): the streaming writer and JSONEncoder write different JSON")
        // The writer's direct paths for nodes and the outline give the bytes of the Codable path.
        let codablePath = try StreamingJSONEncoder(pretty: false, userInfo: [.gongwenIncludeText: true], fastNodes: false)
            .encode(GongwenRecord.document(doc))
        #expect(codablePath == bytes, "\(label): the direct node writer differs from Node.encode(to:)")
        let prettyFast = GongwenJSON.encode(doc, pretty: true)
        let prettyCodable = try StreamingJSONEncoder(pretty: true, userInfo: [.gongwenIncludeText: true], fastNodes: false)
            .encode(GongwenRecord.document(doc))
        #expect(prettyFast == prettyCodable, "\(label): pretty output differs between the two paths")
    }

    /// Foundation's `JSONEncoder` on Linux writes keys in hash order, so the streaming writer (keys
    /// in the order the `Codable` conformance encodes them) is compared with it as JSON values.
    static func sameJSON(_ a: [UInt8], _ b: [UInt8]) throws -> Bool {
        let x = try JSONSerialization.jsonObject(with: Data(a)) as? NSDictionary
        let y = try JSONSerialization.jsonObject(with: Data(b)) as? NSDictionary
        return x != nil && x == y
    }

    @Test func seedsRoundTripByteForByte() throws {
        for (name, doc) in zip(SeedCorpus.names, try Self.seedDocuments()) { try checkRoundTrip(doc, name) }
    }

    @Test func propertyDocumentsRoundTrip() throws {
        for (k, doc) in Self.propertyDocuments().enumerated() { try checkRoundTrip(doc, "property document \(k)") }
    }

    @Test func withoutTextTheFoundationEncoderAgreesToo() throws {
        let doc = try Self.seedDocuments()[3]
        #expect(try Self.sameJSON(GongwenJSON.encode(doc, includeText: false), try Self.foundationBytes(doc, includeText: false)))
        guard case .document(let back) = try GongwenJSON.decode(GongwenJSON.encode(doc, includeText: false)) else { Issue.record("not a document"); return }
        #expect(back.text.isEmpty && back.entities == doc.entities && back.children == doc.children)
    }

    @Test func errorRecordsRoundTrip() throws {
        let source = SourceInfo(path: "a.zip!/x.pdf", encoding: "", bytes: 12, sha256: "ab", format: "pdf")
        let record = ErrorRecord(source: source, code: .unsupportedFormat, message: "PDF \"scan\"")
        let bytes = GongwenJSON.encode(record)
        #expect(String(decoding: bytes, as: UTF8.self) ==
                #"{"schema":"gongwen/1","gongwenVersion":"\#(GongwenVersion.current)","source":{"path":"a.zip!/x.pdf","encoding":"","format":"pdf","bytes":12,"sha256":"ab"},"error":{"code":"unsupported-format","message":"PDF \"scan\""}}"#)
        #expect(try GongwenJSON.decode(bytes) == .error(record))
        #expect(try GongwenJSON.decodeHeader(bytes[...]).errorCode == .unsupportedFormat)
    }

    @Test func decodingRefusesWhatIsNotGongwen1() {
        for bad in [#"{"schema":"gongwen/2"}"#, "[]", "not json", #"{"schema":"gongwen/1","source":{}}"#,
                    #"{"schema":"gongwen/1","gongwenVersion":"x","id":"d","source":{"encoding":"","bytes":1,"sha256":""},"nodes":[{"kind":"table","span":{"start":0,"end":1}}],"entities":[],"diagnostics":[]}"#,
                    #"{"schema":"gongwen/1","gongwenVersion":"x","id":"d","source":{"encoding":"","bytes":1,"sha256":""},"nodes":[],"entities":[{"id":0,"kind":"money","text":"1元","span":{"start":2,"end":1},"section":[],"value":{"amount":"1","currency":"CNY","approximate":false}}],"diagnostics":[]}"#,
                    #"{"schema":"gongwen/1","gongwenVersion":"x","id":"d","source":{"encoding":"","bytes":1,"sha256":""},"nodes":[],"entities":[{"id":0,"kind":"money","text":"1元","span":{"start":0,"end":1},"section":[],"value":{"amount":1.5,"currency":"CNY","approximate":false}}],"diagnostics":[]}"#] {
            #expect(throws: GongwenDecodingError.self, "\(bad)") { try GongwenJSON.decode(Array(bad.utf8)) }
        }
    }

    @Test func idsAreStableAndUnique() throws {
        let docs = try Self.seedDocuments()
        let again = try Self.seedDocuments()
        #expect(docs.map(\.id) == again.map(\.id))
        #expect(Set(docs.map(\.id)).count == docs.count)
        for doc in docs {
            var ids: [String] = []
            doc.walk { node, _ in
                if case .section(let s) = node { ids.append(s.id) }
                return true
            }
            #expect(Set(ids).count == ids.count, "section ids repeat in \(doc.source.path ?? "")")
            #expect(doc.entities.map(\.id) == Array(0..<doc.entities.count))
            for e in doc.entities where !e.sectionPath.isEmpty { #expect(e.sectionId != nil && ids.contains(e.sectionId!)) }
        }
        // 003 writes `(31)` twice, under 问题12 and 问题13: two sections, two ids.
        var repeated: [String] = []
        docs[3].walk { node, _ in
            if case .section(let s) = node, s.marker.ordinal == 31, s.marker.style == .parenthesizedArabicNumeral { repeated.append(s.id) }
            return true
        }
        #expect(repeated == ["2.2.12.31", "2.2.13.31"], "\(repeated)")
        // Siblings with the same number get `~2`, `~3`.
        let twice = GongwenParser().parse("一、甲\n（一）子\n（一）丑\n（一）寅\n")
        #expect(twice.sections.first?.subsections.map(\.id) == ["1.1", "1.1~2", "1.1~3"])
    }
}


extension CorePropertyTests {
    /// One document of the property corpus: fragments and random scalars, as `text` generates.
    static func sample(_ rng: inout SeededRandom) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int(rng.next() % 60) {
            let w = UInt32(truncatingIfNeeded: rng.next())
            let v = w >> 3
            switch w & 7 {
            case 0, 1, 2, 3: s.append(contentsOf: fragments[Int(v) % fragments.count].unicodeScalars)
            case 4: s.append(Unicode.Scalar(0x4E00 + v % 0x51A6)!)
            case 5: s.append(Unicode.Scalar(0x20 + v % 0x5F)!)
            default:
                let x = v % 0x10F800
                s.append(Unicode.Scalar(x < 0xD800 ? x : x + 0x800)!)
            }
        }
        return String(s)
    }
}
