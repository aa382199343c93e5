import Gongwen

/// HTML page → plain text for the parser: scripts and styles dropped, entities decoded, block
/// elements as line breaks, and the main content located so the page furniture around it can be
/// reported as boilerplate.
struct HTMLText: Sendable {
    /// The page's text, one block per line, ending in a line break.
    var text: String
    /// The main content, in Unicode scalars of `text`; nil when no element stands out.
    var main: Range<Int>?
    /// The encoding the page was decoded from.
    var encoding: String
    /// Decoding findings (invalid bytes), to pass on to the document.
    var diagnostics: [Diagnostic]
    /// Work done by the extraction (loop steps), for the scaling guards: it must grow linearly.
    var steps = 0

    /// Decodes the page (the forced encoding; else BOM, then `<meta charset>` / `http-equiv`, then
    /// detection) and extracts it.
    static func extract(_ bytes: [UInt8], forcedEncoding: String? = nil) -> HTMLText {
        let decoded = forcedEncoding.map { SourceDecoder.decode(bytes, forcedEncoding: $0) } ?? decode(bytes)
        var result = extract(text: decoded.text)
        result.encoding = decoded.encoding
        result.diagnostics = decoded.diagnostics
        return result
    }

    static func decode(_ bytes: [UInt8]) -> DecodedSource {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasBOM, let declared = declaredCharset(bytes) {
            let name = SourceDecoder.canonicalName(declared)
            let validUTF8 = String(validating: bytes, as: UTF8.self) != nil
            if name == "UTF-8" {
                if validUTF8 { return SourceDecoder.decode(bytes, forcedEncoding: "UTF-8") }
                // Declared UTF-8 but is not: the declaration is wrong, detect.
            } else if !(validUTF8 && bytes.contains { $0 >= 0x80 }) {
                // Trust the declaration unless the page is plainly UTF-8 (re-saved without updating it).
                let decoded = SourceDecoder.decode(bytes, forcedEncoding: name)
                if !decoded.diagnostics.contains(where: { $0.message.hasPrefix("unknown encoding") }) { return decoded }
            }
        }
        return SourceDecoder.decode(bytes)
    }

    /// `<meta charset="gbk">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`,
    /// `<?xml version="1.0" encoding="GBK"?>`, within the first 4 KiB.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        func value(after key: [UInt8], from start: Int) -> String? {
            var i = start + key.count
            while i < head.count, head[i] == 32 || head[i] == UInt8(ascii: "\"") || head[i] == UInt8(ascii: "'") || head[i] == UInt8(ascii: "=") { i += 1 }
            var j = i
            while j < head.count, isNameByte(head[j]) { j += 1 }
            return j > i ? String(decoding: head[i..<j], as: UTF8.self) : nil
        }
        let charsetKey = Array("charset".utf8)
        var i = 0
        while let found = find(charsetKey, in: head, from: i) {
            // Only inside a <meta ...> tag.
            if let lt = head[..<found].lastIndex(of: UInt8(ascii: "<")), head[lt...].starts(with: "<meta".utf8),
               !head[lt..<found].contains(UInt8(ascii: ">")), let v = value(after: charsetKey, from: found) {
                return v
            }
            i = found + 1
        }
        if head.starts(with: "<?xml".utf8), let end = head.firstIndex(of: UInt8(ascii: ">")),
           let found = find(Array("encoding".utf8), in: Array(head[..<end]), from: 0) {
            return value(after: Array("encoding".utf8), from: found)
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 97 && b <= 122) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count > 0, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// `find` for a lowercase ASCII needle, ignoring the case of `hay`, without copying it.
    static func findIgnoringCase(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, hay.count >= needle.count, from >= 0 else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if (hay[i] >= 65 && hay[i] <= 90 ? hay[i] + 32 : hay[i]) == first {
                var k = 1
                while k < needle.count, hay[i + k] >= 65 && hay[i + k] <= 90 ? hay[i + k] + 32 == needle[k] : hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether bytes look like an HTML page (for inputs without an `.html` name).
    static func sniff(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
        let head = bytes[i..<min(bytes.count, i + 512)].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return head.starts(with: "<!doctype html".utf8) || head.starts(with: "<html".utf8)
            || (head.starts(with: "<!--".utf8) && find(Array("<html".utf8), in: head, from: 0) != nil)
    }

    /// Inline tags in a file of any name (`<p>`, `<br />`, `</b>`, `<div class=…>`): at least two, in
    /// the first 64 KiB. Plain notices do not write `<` before a tag name and `>` after it.
    static func hasInlineTags(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65536)
        var found = 0
        var i = sample.startIndex
        while let lt = sample[i...].firstIndex(of: UInt8(ascii: "<")) {
            var j = lt + 1
            if j < sample.endIndex, sample[j] == UInt8(ascii: "/") { j += 1 }
            let nameStart = j
            while j < sample.endIndex, j - nameStart < 12, isLetter(sample[j]) || (sample[j] >= 49 && sample[j] <= 54) { j += 1 }
            if j > nameStart, j < sample.endIndex, sample[j] == UInt8(ascii: ">") || sample[j] == 32 || sample[j] == UInt8(ascii: "/") {
                let name = String(decoding: sample[nameStart..<j].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
                if inlineTagNames.contains(name) {
                    found += 1
                    if found >= 2 { return true }
                }
            }
            i = lt + 1
        }
        return false
    }

    static let inlineTagNames: Set<String> = [
        "p", "br", "b", "i", "u", "em", "strong", "div", "span", "font", "table", "tr", "td", "th", "li", "ul", "ol", "a",
        "img", "h1", "h2", "h3", "h4", "h5", "h6", "center", "hr", "sup", "sub", "body", "head", "html", "title", "meta",
    ]

    // MARK: - Extraction

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "caption", "select",
    ]
    /// Elements whose content is not text.
    static let skipTags: Set<String> = ["script", "style", "noscript", "template", "title", "head", "svg", "math", "object", "iframe", "textarea"]
    /// Containers that may hold the main content.
    static let containerTags: Set<String> = ["div", "article", "main", "section", "td", "table", "body", "form", "span", "font", "center"]
    static let headingTags: Set<String> = ["h1", "h2", "h3"]

    private struct Open {
        var name: String
        var start: Int
        var hint: Bool
        var title: Bool
    }

    private struct Block {
        var start: Int
        var end: Int
        var strong: Bool
        var isTitle: Bool
    }

    static func extract(text source: String) -> HTMLText {
        let b = Array(source.utf8)
        let n = b.count
        var out = HTMLTextBuilder()
        var stack: [Open] = []
        var blocks: [Block] = []
        var pre = 0
        var i = 0
        var steps = 0
        out.reserve(n / 2)
        // How many elements of each name are open: an end tag with none open costs nothing, however
        // deep the stack (thousands of unmatched `</div>` over deep tag soup stay linear).
        var openCount: [String: Int] = [:]
        // Where the end tag of a skipped element (`</title>`) was found last, per name: the search
        // never goes over the same bytes twice (many unclosed `<title>` stay linear).
        var endTagAt: [String: Int] = [:]
        var bodyAt: Int?

        func closeElement(_ name: String) {
            guard openCount[name, default: 0] > 0, let at = stack.lastIndex(where: { steps += 1; return $0.name == name }) else { return }
            while stack.count > at {
                let open = stack.removeLast()
                openCount[open.name, default: 1] -= 1
                let strong = open.name == "article" || open.name == "main" || open.hint
                blocks.append(Block(start: open.start, end: out.count, strong: strong, isTitle: open.title))
            }
        }

        while i < n {
            steps += 1
            let c = b[i]
            if c == UInt8(ascii: "<"), i + 1 < n {
                let next = b[i + 1]
                if next == UInt8(ascii: "!") {
                    if b[i...].starts(with: "<!--".utf8) {
                        i = (find(Array("-->".utf8), in: b, from: i + 4).map { $0 + 3 }) ?? n
                    } else {
                        i = (b[i...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? n
                    }
                    continue
                }
                if next == UInt8(ascii: "?") {
                    i = (b[i...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? n
                    continue
                }
                let closing = next == UInt8(ascii: "/")
                let nameStart = closing ? i + 2 : i + 1
                if nameStart < n, isLetter(b[nameStart]) {
                    var j = nameStart
                    while j < n, isLetter(b[j]) || (b[j] >= 48 && b[j] <= 57) || b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: ":") { j += 1 }
                    let name = String(decoding: b[nameStart..<j].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
                    // Find the end of the tag, honouring quoted attribute values.
                    var k = j
                    var quote: UInt8 = 0
                    while k < n {
                        let d = b[k]
                        if quote != 0 { if d == quote { quote = 0 } }
                        else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") { quote = d }
                        else if d == UInt8(ascii: ">") { break }
                        k += 1
                    }
                    let attributes = Array(b[j..<min(k, n)])
                    i = min(k + 1, n)
                    if closing {
                        if name == "pre" { pre = max(0, pre - 1) }
                        if blockTags.contains(name) || headingTags.contains(name) { out.lineBreak() }
                        else if name == "td" || name == "th" { out.space() }
                        if containerTags.contains(name) || headingTags.contains(name) { closeElement(name) }
                        continue
                    }
                    if skipTags.contains(name) {
                        // Skip to the matching end tag.
                        let endTag = Array("</\(name)".utf8)
                        var found = n
                        if let last = endTagAt[name], last >= i {
                            found = last
                        } else if endTagAt[name] != n {
                            var m = i
                            while m < n {
                                steps += 1
                                guard let lt = b[m...].firstIndex(of: UInt8(ascii: "<")) else { break }
                                steps += lt - m
                                if lt + endTag.count <= n, b[lt..<(lt + endTag.count)].map({ $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }).elementsEqual(endTag) {
                                    found = lt
                                    break
                                }
                                m = lt + 1
                            }
                            endTagAt[name] = found
                        }
                        if name == "head", bodyAt.map({ $0 < i }) ?? true {
                            bodyAt = findIgnoringCase(Array("<body".utf8), in: b, from: i) ?? n
                            steps += (bodyAt ?? n) - i
                        }
                        if name == "head", let body = bodyAt, body < found {
                            // HTML5: <body> closes an unclosed <head>.
                            i = body
                            continue
                        }
                        if found < n {
                            i = (b[found...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 }) ?? n
                        } else if name == "script" || name == "style" {
                            i = n
                        }
                        // Other elements without an end tag: their content is read as text.
                        if name == "title" || name == "head" { out.lineBreak() }
                        continue
                    }
                    let selfClosing = attributes.last == UInt8(ascii: "/")
                    switch name {
                    case "br":
                        out.hardBreak()
                    case "hr":
                        out.lineBreak()
                    case "td", "th":
                        out.space()
                    case "img":
                        break
                    default:
                        if blockTags.contains(name) || headingTags.contains(name) { out.lineBreak() }
                    }
                    if name == "pre" { pre += 1 }
                    if !selfClosing, containerTags.contains(name) || headingTags.contains(name) {
                        let hint = contentHint(attributes) || name == "article" || name == "main"
                        let title = headingTags.contains(name) || titleHint(attributes)
                        stack.append(Open(name: name, start: out.count, hint: hint && !title, title: title))
                        openCount[name, default: 0] += 1
                    }
                    continue
                }
                out.char(c, pre: pre > 0)
                i += 1
            } else if c == UInt8(ascii: "&") {
                if let (scalar, length) = entity(b, at: i) {
                    out.scalar(scalar, pre: pre > 0)
                    i += length
                } else {
                    out.char(c, pre: pre > 0)
                    i += 1
                }
            } else if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 {
                out.char(32, pre: pre > 0) // no-break space: layout, not text
                i += 2
            } else {
                out.char(c, pre: pre > 0)
                i += 1
            }
        }
        while let open = stack.popLast() {
            blocks.append(Block(start: open.start, end: out.count,
                                strong: open.name == "article" || open.name == "main" || open.hint,
                                isTitle: open.title))
        }
        let (text, byteMap) = out.finish()
        let main = mainContent(blocks: blocks, text: text, byteMap: byteMap, steps: &steps)
        return HTMLText(text: text, main: main, encoding: "UTF-8", diagnostics: [], steps: steps + n)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

    /// An `id` or `class` that names the article body on government sites.
    static func contentHint(_ attributes: [UInt8]) -> Bool {
        let lower = attributes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        guard find(Array("id".utf8), in: lower, from: 0) != nil || find(Array("class".utf8), in: lower, from: 0) != nil else { return false }
        for word in ["content", "article", "zoom", "trs_editor", "custom_unionstyle", "detail", "zhengwen", "main", "text", "news_con", "conter", "wzy", "xxgk"]
        where find(Array(word.utf8), in: lower, from: 0) != nil {
            return true
        }
        return false
    }

    /// An `id` or `class` naming the article title (`title`, `bt` for 标题).
    static func titleHint(_ attributes: [UInt8]) -> Bool {
        let lower = attributes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for key in ["class", "id"] {
            guard let at = find(Array(key.utf8), in: lower, from: 0) else { continue }
            var i = at + key.count
            while i < lower.count, lower[i] == 32 || lower[i] == UInt8(ascii: "=") { i += 1 }
            guard i < lower.count else { continue }
            let q = lower[i]
            let end: Int
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                i += 1
                end = lower[i...].firstIndex(of: q) ?? lower.count
            } else {
                end = lower[i...].firstIndex(where: { $0 == 32 || $0 == UInt8(ascii: ">") }) ?? lower.count
            }
            let value = String(decoding: lower[i..<end], as: UTF8.self)
            let words = value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            if value.contains("title") || words.contains("bt") { return true }
        }
        return false
    }

    /// The element holding most of the page's Chinese text, narrowed to the innermost one that still
    /// holds most of it, widened back to a heading just before it.
    private static func mainContent(blocks: [Block], text: String, byteMap: [Int], steps: inout Int) -> Range<Int>? {
        // Han characters before each output byte offset, computed once over the boundaries.
        let scalars = Array(text.unicodeScalars)
        var hanPrefix = [Int](repeating: 0, count: scalars.count + 1)
        for (k, s) in scalars.enumerated() {
            hanPrefix[k + 1] = hanPrefix[k] + (ScalarClass.isHan(s) ? 1 : 0)
        }
        let total = hanPrefix[scalars.count]
        guard total >= 20 else { return nil }
        func scalarOffset(_ byteOffset: Int) -> Int { byteMap[min(max(0, byteOffset), byteMap.count - 1)] }
        let ranges = blocks.map { (range: scalarOffset($0.start)..<scalarOffset($0.end), strong: $0.strong, title: $0.isTitle) }
        func han(_ r: Range<Int>) -> Int { hanPrefix[r.upperBound] - hanPrefix[r.lowerBound] }
        let candidates = ranges.filter { !$0.title && han($0.range) > 0 }
        var best: (range: Range<Int>, strong: Bool, title: Bool)
        let strong = candidates.filter { $0.strong && han($0.range) * 4 >= total }
        if let biggest = strong.max(by: { han($0.range) < han($1.range) }) {
            // Elements named as content: the innermost one that still holds half of the biggest's text.
            let enough = strong.filter { han($0.range) * 2 >= han(biggest.range) }
            best = enough.min(by: { ($0.range.count, -han($0.range)) < ($1.range.count, -han($1.range)) }) ?? biggest
        } else {
            guard let biggest = candidates.max(by: { han($0.range) < han($1.range) }) else { return nil }
            best = biggest
            // Narrow: an inner element with nearly all of the text, walking down the nesting tree
            // (elements nest, so their ranges do): each step looks at one element's children only.
            let tree = NestingTree(candidates.map(\.range), steps: &steps)
            var node = tree.index(of: best.range)
            while let at = node {
                steps += tree.children[at].count + 1
                guard let next = tree.children[at].max(by: { han(tree.ranges[$0]) < han(tree.ranges[$1]) }),
                      han(tree.ranges[next]) * 100 >= han(tree.ranges[at]) * 85 else { break }
                node = next
            }
            if let node { best.range = tree.ranges[node] }
        }
        // The whole page is the best we found: nothing stands out.
        if han(best.range) * 100 >= total * 98 && best.range.count * 100 >= scalars.count * 95 { return nil }
        guard han(best.range) * 10 >= total * 3 else { return nil }
        var lower = best.range.lowerBound
        // A heading just before the body (title and meta lines outside the content element).
        if let heading = ranges.filter({ $0.title && $0.range.upperBound <= lower && lower - $0.range.upperBound <= 300 && han($0.range) > 0 })
            .max(by: { $0.range.upperBound < $1.range.upperBound }) {
            lower = heading.range.lowerBound
        }
        return lower..<best.range.upperBound
    }

    // MARK: - Entities

    static let named: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 32, "ensp": 32, "emsp": 0x3000, "thinsp": 32,
        "middot": 0xB7, "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "ldquo": 0x201C, "rdquo": 0x201D,
        "lsquo": 0x2018, "rsquo": 0x2019, "laquo": 0xAB, "raquo": 0xBB, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
        "times": 0xD7, "divide": 0xF7, "deg": 0xB0, "plusmn": 0xB1, "sect": 0xA7, "para": 0xB6, "bull": 0x2022,
        "yen": 0xA5, "cent": 0xA2, "pound": 0xA3, "euro": 0x20AC, "permil": 0x2030, "rarr": 0x2192, "larr": 0x2190,
        "uarr": 0x2191, "darr": 0x2193, "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "shy": 0xAD, "zwj": 0x200D,
        "zwnj": 0x200C, "lrm": 0x200E, "rlm": 0x200F, "iexcl": 0xA1, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
        "sup2": 0xB2, "sup3": 0xB3, "micro": 0xB5, "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "mu": 0x3BC,
        "pi": 0x3C0, "sigma": 0x3C3, "omega": 0x3C9, "radic": 0x221A, "infin": 0x221E, "asymp": 0x2248,
        "minus": 0x2212, "lowast": 0x2217, "prime": 0x2032, "Prime": 0x2033, "loz": 0x25CA, "hearts": 0x2665,
    ]

    /// `&name;`, `&#123;`, `&#x7B;` at `i`: the scalar and the length consumed.
    static func entity(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        let limit = min(b.count, i + 34)
        if j < limit, b[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < limit, b[j] == UInt8(ascii: "x") || b[j] == UInt8(ascii: "X") { hex = true; j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < limit {
                let d = b[j]
                let v: UInt32
                if d >= 48 && d <= 57 { v = UInt32(d - 48) }
                else if hex, d >= 97 && d <= 102 { v = UInt32(d - 87) }
                else if hex, d >= 65 && d <= 70 { v = UInt32(d - 55) }
                else { break }
                value = value &* (hex ? 16 : 10) &+ v
                if value > 0x10FFFF { value = 0xFFFD }
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            if j < b.count, b[j] == UInt8(ascii: ";") { j += 1 }
            let scalar = Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? Unicode.Scalar(0xFFFD)!
            return (scalar, j - i)
        }
        while j < limit, isLetter(b[j]) || (b[j] >= 48 && b[j] <= 57) { j += 1 }
        guard j > i + 1 else { return nil }
        let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
        guard let v = named[name] ?? named[name.lowercased()], let scalar = Unicode.Scalar(v) else { return nil }
        if j < b.count, b[j] == UInt8(ascii: ";") { j += 1 }
        return (scalar, j - i)
    }
}

