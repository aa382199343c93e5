import Gongwen

/// Runs single pipeline stages for the benchmark harness, so each stage can be timed alone, through
/// the core's `package` entry points (not API).
enum StageProbe {
    static func decode(_ bytes: [UInt8]) -> String {
        SourceDecoder.decode(bytes).text
    }

    /// SHA-256 of the input bytes, as `Gongwen.parse(bytes:)` computes it for `source.sha256`.
    static func sha256(_ bytes: [UInt8]) -> Int {
        SHA256.hex(of: bytes).utf8.count
    }

    static func normalize(_ text: String) -> NormalizedText {
        Normalizer.normalize(text)
    }

    /// The normalized text as a `String` (normalizing it again changes nothing: a fixed point, used
    /// to time normalization of text that needs no change).
    static func string(_ text: NormalizedText) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: text.scalars)
        return String(s)
    }

    /// Whether normalizing `source` changes anything.
    static func changed(_ source: String) -> Bool {
        Normalizer.normalize(source).scalars.elementsEqual(source.unicodeScalars) == false
    }

    /// Block splitting alone; returns the number of blocks.
    static func blocks(_ text: NormalizedText) -> Int {
        BlockSplitter.split(text.scalars).count
    }

    /// Blocks and outline; returns the number of top-level outline nodes.
    static func outline(_ text: NormalizedText) -> Int {
        OutlineBuilder.build(text.scalars, BlockSplitter.split(text.scalars)).topLevelCount
    }

    /// All extractors; returns the number of entities.
    static func extract(_ text: NormalizedText) -> Int {
        EntityExtraction.run(ExtractionContext(text: text, anchor: nil)).entities.count
    }

    /// The extractors `extract` runs, by type name, in order (indices for `extract(_:extractor:)`).
    package static var extractorNames: [String] {
        EntityExtraction.extractors.map { String(describing: type(of: $0)) }
    }

    /// One extractor alone, without overlap resolution; returns the number of raw entities.
    static func extract(_ text: NormalizedText, extractor index: Int) -> Int {
        var result = ExtractionResult()
        EntityExtraction.extractors[index].extract(ExtractionContext(text: text, anchor: nil), into: &result)
        return result.entities.count
    }

    /// The stages before assembly, kept so assembly can be timed alone.
    struct Staged: Sendable {
        let source: String
        let text: NormalizedText
        let blocks: [Block]
        let outline: Outline
    }

    static func staged(_ text: String) -> Staged {
        let normalized = Normalizer.normalize(text)
        let blocks = BlockSplitter.split(normalized.scalars)
        return Staged(source: text, text: normalized, blocks: blocks,
                      outline: OutlineBuilder.build(normalized.scalars, blocks))
    }

    /// Tree assembly (outline → public nodes with source spans), the document anchor and the
    /// placeholder scan: the parts of `Pipeline.run` that are neither a stage above nor extraction.
    static func assemble(_ s: Staged) -> Int {
        let nodes = Assembler(source: s.source, text: s.text.mapping, outline: s.outline).nodes()
        let anchor = DocumentAnchor.find(s.text.scalars, s.blocks)
        let placeholders = Placeholders.scan(s.text.scalars)
        return nodes.count + placeholders.count + (anchor == nil ? 0 : 1)
    }

    /// A bare pass over the Unicode scalars: the floor any parser is measured against.
    static func scan(_ text: String) -> UInt32 {
        var x: UInt32 = 0
        for s in text.unicodeScalars { x = x &+ s.value }
        return x
    }

    /// ICU NFKC over the whole text through the C target, no offset map: the other reference.
    static func icuNFKC(_ text: String) -> Int {
        Normalizer.icuOnly(text)
    }
}
