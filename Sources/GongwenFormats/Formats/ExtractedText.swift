import Gongwen

/// The formats the reader turns into documents (`source.format`).
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    case text
    case html
    case docx
}

/// A part of an extracted text and what it is: a page's main content, or the page chrome around
/// it (navigation, menus, footers). Later formats add kinds (the pages of a PDF).
public struct TextRegion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case mainContent
        case pageChrome
    }

    public var kind: Kind
    /// In Unicode scalars of the extracted text, end exclusive.
    public var span: TextSpan

    public init(kind: Kind, span: TextSpan) {
        self.kind = kind
        self.span = span
    }
}

/// An input turned into text for the core parser, with a map of its regions. Plain text is not
/// extracted (the core decodes it); HTML and `.docx` are.
public struct ExtractedText: Sendable {
    /// One block per line, ending in a line break.
    public var text: String
    public var format: DocumentFormat
    /// The encoding the input was decoded from (`UTF-8` for `.docx`).
    public var encoding: String
    /// Tiles `text` when present; empty when the whole text is content (no chrome found).
    public var regions: [TextRegion]
    /// Findings while decoding (invalid bytes), passed on to the document.
    public var diagnostics: [Diagnostic]

    /// Regions for a main-content range: chrome before, the content, chrome after (empty ones left out).
    static func regions(main: Range<Int>?, length: Int) -> [TextRegion] {
        guard let main, main.lowerBound >= 0, main.upperBound <= length, !main.isEmpty else { return [] }
        var out: [TextRegion] = []
        if main.lowerBound > 0 { out.append(TextRegion(kind: .pageChrome, span: TextSpan(start: 0, end: main.lowerBound))) }
        out.append(TextRegion(kind: .mainContent, span: TextSpan(start: main.lowerBound, end: main.upperBound)))
        if main.upperBound < length { out.append(TextRegion(kind: .pageChrome, span: TextSpan(start: main.upperBound, end: length))) }
        return out
    }
}

/// Page chrome stays in the text (nothing is lost) but as boilerplate nodes, and facts found in
/// it are dropped.
enum PageChrome {
    static func apply(_ regions: [TextRegion], to document: inout Document) {
        let chrome = regions.filter { $0.kind == .pageChrome }.map(\.span)
        guard !chrome.isEmpty else { return }
        let scalars = Array(document.text.unicodeScalars)
        // Chrome regions are at most two (before and after the content) today; a linear check each.
        func outside(_ span: TextSpan) -> Bool {
            !span.isEmpty && chrome.contains { span.start >= $0.start && span.end <= $0.end }
        }
        func trimmed(_ span: TextSpan) -> TextSpan {
            var s = span.start, e = span.end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            return TextSpan(start: s, end: e)
        }
        func retag(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                guard node.span.end <= scalars.count, node.span.start >= 0 else { return node }
                if case .section(var section) = node, !outside(node.span) {
                    // A section running past the content (the last one usually does): look inside.
                    section.children = retag(section.children)
                    return .section(section)
                }
                guard outside(node.span) else { return node }
                if case .boilerplate = node { return node }
                let textSpan = trimmed(node.span)
                let text = String(String.UnicodeScalarView(scalars[textSpan.start..<textSpan.end]))
                return .boilerplate(Boilerplate(kind: .pageChrome, span: node.span, textSpan: textSpan, text: text))
            }
        }
        document.children = retag(document.children)
        document.entities.removeAll { outside($0.span) }
    }
}
