/// What GB/T 9704 makes a document say once — its date and its issuing authority — read from
/// the typed fields, and the values that must keep the source's own characters.
extension DocumentDate {
    init?(anchor: DateAnchor) {
        switch anchor.kind {
        case "signatureDate": self.init(date: anchor.date, from: .signatureDate)
        case "dateline": self.init(date: anchor.date, from: .dateline)
        default: return nil
        }
    }
}

enum IssuingAuthority {
    /// The 发文机关署名 (last signatory line), else the 发文机关标志 without its trailing `文件`.
    static func find(_ nodes: [Node]) -> String? {
        var signatory: String?, mark: String?
        func visit(_ list: [Node]) {
            for n in list {
                switch n {
                case .field(let f) where f.role == .signatory: signatory = f.text
                case .field(let f) where f.role == .issuingAuthority && mark == nil: mark = f.text
                case .section(let s): visit(s.children)
                default: continue
                }
            }
        }
        visit(nodes)
        if let signatory, !signatory.isEmpty { return signatory }
        guard var m = mark, !m.isEmpty else { return nil }
        if m.hasSuffix("文件") && m.count > 2 { m.removeLast(2) }
        return m
    }
}

enum SourceCharacters {
    /// Extractors read the normalized text; a title's `title` is given back in the source's own
    /// characters (the text inside the outer brackets), so only `key` is normalized.
    static func value(_ value: EntityValue, text: String) -> EntityValue {
        guard case .title(var t) = value else { return value }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, scalars.count >= 2,
              isOpening(first), isClosing(last) else { return value }
        t.title = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
        return .title(t)
    }

    private static func isOpening(_ s: Unicode.Scalar) -> Bool { s == "《" || s == "〈" || s == "<" || s == "＜" || s == "﹤" }
    private static func isClosing(_ s: Unicode.Scalar) -> Bool { s == "》" || s == "〉" || s == ">" || s == "＞" || s == "﹥" }
}
