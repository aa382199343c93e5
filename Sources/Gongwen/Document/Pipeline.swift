/// The stages in order. Data flows forward only: each stage takes the previous stage's output.
enum Pipeline {
    static func run(_ decoded: DecodedSource, options: ParseOptions) -> Document {
        let sourceCount = decoded.text.unicodeScalars.count
        let source = SourceInfo(path: options.path, id: options.id, encoding: decoded.encoding,
                                bytes: decoded.byteCount, sha256: decoded.sha256, format: options.format)
        let span = Span(start: 0, end: sourceCount)
        let node = Node.paragraph(Paragraph(span: span, textSpan: span, text: decoded.text, items: []))
        return Document(source: source, text: decoded.text, children: sourceCount == 0 ? [] : [node],
                        entities: [], diagnostics: decoded.diagnostics)
    }
}
