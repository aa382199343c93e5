import Gongwen

extension PagedText {
    /// Parses the text and types the page chrome: a node made only of chrome lines becomes a
    /// `boilerplate` node of kind `pageChrome` (it stays in the text: nothing is lost), and
    /// entities inside chrome lines (the print date, page numbers) are dropped.
    public func document(options: ParseOptions) -> Document {
        var document = GongwenParser(options: options).parse(text)
        PagedChrome.apply(chrome, to: &document)
        // The title on the first page, after the running header.
        var start = 0
        let scalars = Array(text.unicodeScalars)
        for r in chrome where r.lowerBound <= start + 2 {
            start = r.upperBound
            while start < scalars.count, scalars[start].properties.isWhitespace { start += 1 }
        }
        TitleRecovery.apply(contentStart: start, to: &document, options: options)
        return document
    }
}

enum PagedChrome {
    static func apply(_ chrome: [Range<Int>], to document: inout Document) {
        guard !chrome.isEmpty else { return }
        let scalars = Array(document.text.unicodeScalars)
        // Chrome scalars, white space between chrome lines included.
        var isChrome = [Bool](repeating: false, count: scalars.count + 1)
        for r in chrome where r.upperBound <= scalars.count { for k in r { isChrome[k] = true } }
        func covered(_ span: TextSpan) -> Bool {
            guard span.end <= scalars.count else { return false }
            var any = false
            for k in span.start..<span.end where !scalars[k].properties.isWhitespace {
                if !isChrome[k] { return false }
                any = true
            }
            return any
        }
        func retag(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                if case .section(var section) = node {
                    section.children = retag(section.children)
                    return .section(section)
                }
                guard covered(node.span) else { return node }
                if case .boilerplate(var b) = node {
                    b.kind = .pageChrome
                    return .boilerplate(b)
                }
                var s = node.span.start, e = node.span.end
                while s < e, scalars[s].properties.isWhitespace { s += 1 }
                while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
                let text = String(String.UnicodeScalarView(scalars[s..<e]))
                return .boilerplate(Boilerplate(kind: .pageChrome, span: node.span, textSpan: TextSpan(start: s, end: e), text: text))
            }
        }
        document.children = retag(document.children)
        document.entities.removeAll { covered($0.span) }
    }
}
