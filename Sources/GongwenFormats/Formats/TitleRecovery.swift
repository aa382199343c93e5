import Gongwen

/// The core takes a title only from the first line that is not furniture it knows. Page chrome
/// and web menus come first in PDFs and pages, so once they are typed the document may have no
/// title: this takes the one the content itself has (parsed on its own from where it starts) and
/// marks the line that holds it in the whole document.
enum TitleRecovery {
    static func apply(contentStart: Int, to document: inout Document, options: ParseOptions, contentEnd: Int? = nil) {
        guard document.title == nil else { return }
        let scalars = Array(document.text.unicodeScalars)
        let end = min(contentEnd ?? scalars.count, scalars.count)
        guard contentStart > 0, contentStart < end else { return }
        var sub = options
        sub.path = nil
        sub.id = nil
        let content = GongwenParser(options: sub).parse(String(String.UnicodeScalarView(scalars[contentStart..<end])))
        guard let title = content.children.lazy.compactMap({ node -> Field? in
            if case .field(let f) = node, f.role == .title { return f } else { return nil }
        }).first else { return }
        let textSpan = TextSpan(start: title.textSpan.start + contentStart, end: title.textSpan.end + contentStart)
        for (k, node) in document.children.enumerated() {
            let span: TextSpan
            switch node {
            case .paragraph(let p): span = p.textSpan
            case .field(let f): span = f.textSpan
            default: continue
            }
            guard span == textSpan else { continue }
            document.children[k] = .field(Field(role: .title, span: node.span, textSpan: textSpan, text: title.text))
            return
        }
    }
}
