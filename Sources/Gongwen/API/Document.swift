/// A parsed 公文: the decoded source text and a lossless tree over it.
///
/// The spans of `children` tile `text`: concatenating them gives back every scalar, boilerplate
/// included. Every node below carries its span too, so any fact can be traced to the source.
public struct Document: Sendable, Hashable {
    /// The output contract this value encodes to (see docs/SCHEMA.md).
    public static let schema = "gongwen/1"

    /// `source.id` when the caller gave one, else derived from the path and the SHA-256 of the
    /// input: the same input at the same path has the same id on every run.
    public var id: String
    /// The Gongwen release that produced this document (`GongwenVersion.current` when parsed here,
    /// the writer's version when decoded from a file).
    public var gongwenVersion: String
    public var source: SourceInfo
    /// The decoded source. Spans count its Unicode scalars.
    public var text: String
    /// Top-level nodes in source order; their spans tile `text`.
    public var children: [Node]
    public var entities: [Entity]
    public var diagnostics: [Diagnostic]
    /// The document's own date: its 成文日期, or failing that its dateline.
    public var date: DocumentDate?
    /// The issuing authority: the 发文机关署名, or failing that the 发文机关标志.
    public var issuer: String?

    public init(id: String? = nil, gongwenVersion: String = GongwenVersion.current, source: SourceInfo, text: String,
                children: [Node], entities: [Entity], diagnostics: [Diagnostic], date: DocumentDate? = nil, issuer: String? = nil) {
        self.id = id ?? DocumentIdentity.id(path: source.path, id: source.id, sha256: source.sha256)
        self.gongwenVersion = gongwenVersion
        self.source = source
        self.text = text
        self.children = children
        self.entities = entities
        self.diagnostics = diagnostics
        self.date = date
        self.issuer = issuer
    }

    /// The document's title line (标题), when it has one.
    public var title: String? {
        for case .field(let f) in children where f.role == .title { return f.text }
        return nil
    }

    /// The top-level numbered sections (the outline); nested ones are in each section's `children`.
    public var sections: [Section] {
        children.compactMap { if case .section(let s) = $0 { return s } else { return nil } }
    }

    /// The fields with a fixed place in the GB/T 9704 layout, wherever they stand.
    public var fields: [Field] {
        var out: [Field] = []
        walk { node, _ in
            if case .field(let f) = node { out.append(f) }
            return true
        }
        return out
    }

    /// The source text of a span. Walks the text to the span (O(n)); to slice many spans, take
    /// `Array(text.unicodeScalars)` once and index it.
    /// Empty when the span lies outside the text (a document decoded from `--no-text` output).
    public func text(of span: TextSpan) -> Substring {
        let scalars = text.unicodeScalars
        guard span.start >= 0, let lo = scalars.index(scalars.startIndex, offsetBy: span.start, limitedBy: scalars.endIndex),
              let hi = scalars.index(lo, offsetBy: span.count, limitedBy: scalars.endIndex) else { return "" }
        return Substring(scalars[lo..<hi])
    }
}

/// A document's own date and where it was read.
public struct DocumentDate: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// 成文日期 in the signature block.
        case signatureDate
        /// A web page's publication line.
        case dateline
    }

    public var date: CalendarDate
    public var from: Source

    public init(date: CalendarDate, from: Source) {
        self.date = date
        self.from = from
    }
}

/// Where a document came from: enough to find it again and to know it has not changed.
public struct SourceInfo: Sendable, Hashable {
    /// A file path, `archive.zip!/member.txt` for archive members, or nil for text given directly.
    public var path: String?
    /// A caller's identifier (batch `--stdin-jsonl` mode).
    public var id: String?
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …).
    public var encoding: String
    /// The size of the input in bytes (before decoding).
    public var bytes: Int
    /// Lower-case hex SHA-256 of the input bytes.
    public var sha256: String
    /// The input format (`text`, `html`, `docx`, `pdf`, `ofd`, `doc`, `wps`).
    public var format: InputFormat
    /// For paged formats (PDF, OFD): which page each part of the text was printed on, in order,
    /// tiling the text.
    public var pages: [PageSpan]?

    public init(path: String? = nil, id: String? = nil, encoding: String, bytes: Int, sha256: String, format: InputFormat = .text) {
        self.path = path
        self.id = id
        self.encoding = encoding
        self.bytes = bytes
        self.sha256 = sha256
        self.format = format
    }
}

/// A part of the text and the page it was printed on.
public struct PageSpan: Sendable, Hashable, Codable {
    /// 1 for the first page.
    public var page: Int
    public var span: TextSpan

    public init(page: Int, span: TextSpan) {
        self.page = page
        self.span = span
    }
}

/// One node of the document tree.
public enum Node: Sendable, Hashable {
    /// A numbered section (`一、`, `（一）`, `1.`, `问题1:`, `第一章` …) and everything under it.
    case section(Section)
    /// Body text: one logical paragraph, with broken lines rejoined.
    case paragraph(Paragraph)
    /// A line with a fixed role in the 公文 layout: title, dateline, 发文字号, 主送机关, 附件说明,
    /// contact, 署名, 成文日期.
    case field(Field)
    /// Text that is not part of the document: web page furniture, SEO lines, repeated titles.
    /// Kept, so nothing is lost, and typed, so it can be skipped.
    case boilerplate(Boilerplate)

    /// The part of the source this node covers, trailing white space included (so siblings tile).
    public var span: TextSpan {
        switch self {
        case .section(let s): s.span
        case .paragraph(let p): p.span
        case .field(let f): f.span
        case .boilerplate(let b): b.span
        }
    }

    /// The JSON `kind` of the node.
    public var kind: String {
        switch self {
        case .section: "section"
        case .paragraph: "paragraph"
        case .field: "field"
        case .boilerplate: "boilerplate"
        }
    }
}

/// A numbered section. `level` is its depth in the tree (1 = top), whatever its marker style:
/// a document that starts at `1.` has `1.` at level 1.
public struct Section: Sendable, Hashable {
    /// The path of ordinals from the top (`2.1.3`): unique within the document (a repeated number
    /// among siblings gets `~2`, `~3`, …) and the same for the same input on every run.
    public var id: String
    public var marker: SectionMarker
    /// Depth in the tree, 1 for a top-level section.
    public var level: Int
    /// The heading: the text after the marker up to the first sentence end or line end.
    public var heading: String
    /// Marker and heading, as written (`source[headingSpan]`).
    public var headingSpan: TextSpan
    /// The whole section: heading and everything under it.
    public var span: TextSpan
    /// Where the children begin: `span.start..<bodyStart` is the heading part (with its white space),
    /// and the children tile `bodyStart..<span.end`.
    public var bodyStart: Int
    public var children: [Node]

    public init(id: String, marker: SectionMarker, level: Int, heading: String, headingSpan: TextSpan, span: TextSpan, bodyStart: Int, children: [Node]) {
        self.id = id
        self.marker = marker
        self.level = level
        self.heading = heading
        self.headingSpan = headingSpan
        self.span = span
        self.bodyStart = bodyStart
        self.children = children
    }

    /// The sections directly under this one.
    public var subsections: [Section] {
        children.compactMap { if case .section(let s) = $0 { return s } else { return nil } }
    }
}

/// A numbering marker as written in the source, with what it means.
public struct SectionMarker: Sendable, Hashable {
    /// The marker exactly as written, e.g. `（一）`, `(一)`, `1、`, `问题2:`.
    public var text: String
    public var style: MarkerStyle
    /// Its number: 3 for `三、`, `(3)`, `问题3`, `第三条`.
    public var ordinal: Int
    public var span: TextSpan

    public init(text: String, style: MarkerStyle, ordinal: Int, span: TextSpan) {
        self.text = text
        self.style = style
        self.ordinal = ordinal
        self.span = span
    }
}

/// The families of numbering markers. Variants in width and punctuation (`（一）`/`(一)`, `1.`/`1、`/`1．`)
/// are one style: documents mix them within one level.
public enum MarkerStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// `一、` — GB/T 9704 level 1.
    case chineseNumeral
    /// `（一）` — level 2.
    case parenthesizedChineseNumeral
    /// `1.`, `1、`, `1．` — level 3.
    case arabicNumeral
    /// `（1）` — level 4.
    case parenthesizedArabicNumeral
    /// `①`.
    case circledNumeral
    /// `问题1.` / `问题1:` — inspection reports.
    case problem
    /// `第一阶段:` — stage headings in work plans.
    case stage
    /// `第一部分`, and `第一编` of a code (民法典).
    case part
    /// `第一章` — regulations.
    case chapter
    /// `第一节` — regulations.
    case regulationSection
    /// `第一条` — regulations.
    case article
}

/// A logical paragraph: one or more source lines (a line broken in mid-sentence is rejoined).
public struct Paragraph: Sendable, Hashable {
    /// The paragraph's source, trailing white space included (siblings tile).
    public var span: TextSpan
    /// The text without surrounding white space (`source[textSpan]`).
    public var textSpan: TextSpan
    /// The text with line breaks inside it removed: what a reader sees.
    public var text: String
    /// Inline enumeration items (`一是……二是……`, `一要……二要……`).
    public var items: [Item]

    public init(span: TextSpan, textSpan: TextSpan, text: String, items: [Item]) {
        self.span = span
        self.textSpan = textSpan
        self.text = text
        self.items = items
    }
}

/// One item of an inline enumeration inside a paragraph: `一是加强领导。` up to the next item.
public struct Item: Sendable, Hashable {
    /// The marker as written: `一是`, `二要`.
    public var marker: String
    public var ordinal: Int
    /// From the marker to the start of the next item (or the end of the paragraph's text).
    public var span: TextSpan

    public init(marker: String, ordinal: Int, span: TextSpan) {
        self.marker = marker
        self.ordinal = ordinal
        self.span = span
    }
}

/// A line with a fixed role in the GB/T 9704 layout.
public struct Field: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// 份号, 密级 and 紧急程度 at the top of the header: `000123`, `机密★1年`, `特急`.
        case headerMarking
        /// 发文机关标志: `国务院办公厅文件`, or the issuer line just above the 发文字号.
        case issuingAuthority
        /// 签发人: `签发人:张三`.
        case signer
        /// 标题.
        case title
        /// A web page's publication line, e.g. `19.05.2016  11:24`.
        case dateline
        /// 发文字号, e.g. `国办发〔2012〕12号`.
        case documentNumber
        /// 主送机关: a short line ending in `：`.
        case addressee
        /// 附件说明: `附件：1. ……`.
        case attachmentNote
        /// Contact lines: `联系人：`, `联系电话：`.
        case contact
        /// 发文机关署名 in the closing signature block.
        case signatory
        /// 成文日期 in the closing signature block.
        case signatureDate
        /// 抄送 / 印发 lines in the footer.
        case distribution
    }

    public var role: Role
    public var span: TextSpan
    public var textSpan: TextSpan
    public var text: String

    public init(role: Role, span: TextSpan, textSpan: TextSpan, text: String) {
        self.role = role
        self.span = span
        self.textSpan = textSpan
        self.text = text
    }
}

/// Text around the document that a web page or crawler added.
public struct Boilerplate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `首页 > 文章中心 > 正文`.
        case breadcrumb
        /// A second copy of the title line.
        case repeatedTitle
        /// `下面是小编为大家整理的……`, `推荐访问:` and other site promotion.
        case promotion
        /// A photo caption that repeats the title.
        case photoCaption
        /// Page furniture: `【打印】`, `上一篇`, `责任编辑:`, `来源:`, view counters.
        case pageChrome
    }

    public var kind: Kind
    public var span: TextSpan
    public var textSpan: TextSpan
    public var text: String

    public init(kind: Kind, span: TextSpan, textSpan: TextSpan, text: String) {
        self.kind = kind
        self.span = span
        self.textSpan = textSpan
        self.text = text
    }
}
