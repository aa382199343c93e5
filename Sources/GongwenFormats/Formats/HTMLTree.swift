import CLibXML2
import Gongwen

/// HTML page → plain text through libxml2's HTML parser (entities, implied end tags and tag soup
/// handled by a maintained parser), with the same result as `HTMLText.extract(_:)`: the text, the
/// main-content range, the encoding (our own sniffing: BOM, `<meta charset>`, `http-equiv`,
/// `<?xml encoding?>`, then detection) and decoding diagnostics.
///
/// Before libxml2 sees the page a linear pre-scan bounds nesting at `maxDepth` open elements and
/// drops end tags that close nothing (libxml2 itself stops reading at depth 256), so deep unclosed `<div>` soup and thousands of unmatched end
/// tags cost linear time.
enum HTMLTree {
    static let maxDepth: Int32 = 128

    /// Decodes the page (the forced encoding; else our own sniffing) and extracts it.
    static func extract(_ bytes: [UInt8], forcedEncoding: String? = nil) -> HTMLText {
        let decoded = forcedEncoding.map { SourceDecoder.decode(bytes, forcedEncoding: $0) } ?? HTMLText.decode(bytes)
        var result = extract(text: decoded.text)
        result.encoding = decoded.encoding
        result.diagnostics = decoded.diagnostics
        return result
    }

    private struct Open {
        var name: String
        var start: Int
        var block: Bool
        var container: Bool
        var hint: Bool
        var title: Bool
        var skip: Bool
    }

    /// Extracts an already decoded page.
    static func extract(text source: String) -> HTMLText { extractCounting(text: source).page }

    /// The page, and how many tags the pre-scan left out.
    static func extractCounting(text source: String) -> (page: HTMLText, droppedTags: Int) {
        var utf8 = Array(source.utf8)
        if utf8.isEmpty { utf8 = [32] }
        var events = cxml_events()
        let status = utf8.withUnsafeBufferPointer { cxml_html_events($0.baseAddress, Int64($0.count), maxDepth, &events) }
        defer { cxml_free(&events) }
        guard status == 0, let raw = events.bytes else {
            // libxml2 could not build a tree: fall back to the hand-written tokenizer.
            return (HTMLText.extract(text: source), 0)
        }
        let buffer = UnsafeBufferPointer(start: raw, count: Int(events.length))
        var out = HTMLTextBuilder()
        out.reserve(utf8.count / 2)
        var stack: [Open] = []
        var blocks: [(start: Int, end: Int, strong: Bool, title: Bool)] = []
        var skipping = 0
        var pre = 0
        var i = 0
        func string(_ at: inout Int) -> UnsafeBufferPointer<UInt8> {
            guard at + 4 <= buffer.count else { at = buffer.count; return UnsafeBufferPointer(start: raw, count: 0) }
            let n = Int(buffer[at]) | Int(buffer[at + 1]) << 8 | Int(buffer[at + 2]) << 16 | Int(buffer[at + 3]) << 24
            let start = at + 4
            let end = min(buffer.count, start + n)
            at = end
            return UnsafeBufferPointer(rebasing: buffer[start..<end])
        }
        while i < buffer.count {
            let kind = Int32(buffer[i])
            i += 1
            let a = string(&i), b = string(&i), c = string(&i)
            switch kind {
            case Int32(CXML_START):
                let name = String(decoding: a, as: UTF8.self)
                let skip = skipping > 0 || HTMLText.skipTags.contains(name)
                if skip { skipping += 1 }
                let heading = HTMLText.headingTags.contains(name)
                let block = HTMLText.blockTags.contains(name) || heading
                var open = Open(name: name, start: out.count, block: block, container: false, hint: false, title: false, skip: skip)
                if !skip {
                    if block { out.lineBreak() } else if name == "td" || name == "th" { out.space() }
                    if name == "pre" { pre += 1 }
                    if HTMLText.containerTags.contains(name) || heading {
                        let attributes = Array("id=\"".utf8) + Array(b) + Array("\" class=\"".utf8) + Array(c) + [34]
                        let title = heading || (!(b.isEmpty && c.isEmpty) && HTMLText.titleHint(attributes))
                        let hint = name == "article" || name == "main" || (!(b.isEmpty && c.isEmpty) && HTMLText.contentHint(attributes))
                        open.container = true
                        open.title = title && !isNavigation(b, c)
                        open.hint = hint && !open.title
                    }
                }
                stack.append(open)
            case Int32(CXML_END):
                guard let open = stack.popLast() else { continue }
                if open.skip {
                    skipping -= 1
                    if open.name == "head" || open.name == "title" { out.lineBreak() }
                    continue
                }
                if open.name == "pre" { pre = max(0, pre - 1) }
                if open.block { out.lineBreak() } else if open.name == "td" || open.name == "th" { out.space() }
                if open.container {
                    blocks.append((open.start, out.count, open.name == "article" || open.name == "main" || open.hint, open.title))
                }
            case Int32(CXML_BREAK):
                guard skipping == 0 else { continue }
                let name = String(decoding: a, as: UTF8.self)
                switch name {
                case "br": out.hardBreak()
                case "td", "th": out.space()
                default: if HTMLText.blockTags.contains(name) || HTMLText.headingTags.contains(name) { out.lineBreak() }
                }
            case Int32(CXML_TEXT):
                guard skipping == 0 else { continue }
                var k = 0
                while k < a.count {
                    if a[k] == 0xC2, k + 1 < a.count, a[k + 1] == 0xA0 {
                        out.char(32, pre: pre > 0) // no-break space: layout, not text
                        k += 2
                    } else {
                        out.char(a[k], pre: pre > 0)
                        k += 1
                    }
                }
            default:
                break
            }
        }
        for open in stack.reversed() where open.container && !open.skip {
            blocks.append((open.start, out.count, open.name == "article" || open.name == "main" || open.hint, open.title))
        }
        let (text, byteMap) = out.finish()
        let main = HTMLMainContent.locate(blocks: blocks, text: text, byteMap: byteMap)
        // Tags the pre-scan left out (events.dropped_tags) only lose layout, never text.
        return (HTMLText(text: text, main: main, encoding: "UTF-8", diagnostics: []), Int(events.dropped_tags))
    }

    /// Breadcrumbs and menus named as such (`nav`, `crumb`, `menu`, `position`/`location`, `dqwz`
    /// for 当前位置) are never the title, whatever else their class says.
    static func isNavigation(_ id: UnsafeBufferPointer<UInt8>, _ cls: UnsafeBufferPointer<UInt8>) -> Bool {
        let lower = (Array(id) + [32] + Array(cls)).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for word in ["nav", "crumb", "menu", "position", "location", "dqwz", "daohang", "lanmu", "column", "channel", "path"]
        where HTMLText.find(Array(word.utf8), in: lower, from: 0) != nil {
            return true
        }
        return false
    }
}
