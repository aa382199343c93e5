import Gongwen

/// Placed words → `PagedText`: words grouped into lines, running headers, footers and page numbers
/// recognised across pages, lines broken by the layout rejoined (within a page, across a page
/// break, and a title set on two lines), paragraphs separated by a blank line.
enum PageLayout {
    struct Line {
        var text: String
        var x0: Double, x1: Double, y0: Double, y1: Double
        var centerY: Double
        /// The tallest word: a font-size proxy.
        var size: Double
        var hasHan: Bool
    }

    struct LaidOutPage {
        var width: Double
        var height: Double
        var top: [Line] = []
        var body: [Line] = []
        var bottom: [Line] = []
    }

    // MARK: Lines

    /// Words → lines, top to bottom, each left to right. Words belong to one line when their
    /// vertical centres are within 40 % of the smaller height (CJK glyph boxes are taller than
    /// Latin ones on the same baseline, and overlap the lines above and below).
    static func lines(of words: [PlacedWord]) -> [Line] {
        // Boxes from an untrusted file: only finite, plausible coordinates (no NaN, no 1e308).
        func plausible(_ w: PlacedWord) -> Bool {
            [w.x0, w.y0, w.x1, w.y1].allSatisfy { $0.isFinite && abs($0) < 1e7 } && w.x1 >= w.x0
        }
        let order = words.indices.filter { words[$0].height > 0 && !words[$0].text.isEmpty && plausible(words[$0]) }
            .sorted { words[$0].centerY < words[$1].centerY }
        var groups: [[Int]] = []
        var center = 0.0, minHeight = 0.0
        for i in order {
            let w = words[i]
            if let _ = groups.last, abs(w.centerY - center) <= 0.4 * min(minHeight, w.height) {
                groups[groups.count - 1].append(i)
                minHeight = min(minHeight, w.height)
            } else {
                groups.append([i])
                center = w.centerY
                minHeight = w.height
            }
        }
        return groups.map { group in
            let sorted = group.sorted { words[$0].x0 < words[$1].x0 }
            var text = ""
            var previous: Int?
            for i in sorted {
                let w = words[i]
                if let k = previous {
                    let p = words[k]
                    // The reader's space flag is about the word it read next: only when that is this one.
                    let gap = w.x0 - p.x1
                    if (p.spaceAfter && k + 1 == i) || gap > 0.3 * min(p.height, w.height) { text += " " }
                }
                text += w.text
                previous = i
            }
            let ws = sorted.map { words[$0] }
            return Line(text: text, x0: ws.map(\.x0).min()!, x1: ws.map(\.x1).max()!,
                        y0: ws.map(\.y0).min()!, y1: ws.map(\.y1).max()!,
                        centerY: ws.map(\.centerY).reduce(0, +) / Double(ws.count),
                        size: ws.map(\.height).max()!, hasHan: text.unicodeScalars.contains(where: ScalarClass.isHan))
        }
    }

    // MARK: Chrome

    /// The line with digits masked and white space removed: equal keys on several pages are a
    /// running header or footer (`第 3 页` and `第 4 页` share one).
    static func chromeKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !s.properties.isWhitespace {
            out.append(("0"..."9").contains(s) || ("０"..."９").contains(s) ? "#" : s)
        }
        return String(out)
    }

    /// A page number or print stamp by its shape (ChromeShape).
    static func looksLikeChrome(_ text: String) -> Bool { ChromeShape.matches(text) }

    /// Splits each page's lines into top chrome, body and bottom chrome. A line is chrome when it is
    /// among the first or last three of its page, lies in the outer 12 % of the page height, and
    /// either repeats (digits masked) on at least half of the pages (two at least) or reads as a
    /// page number or print stamp.
    static func separateChrome(_ pages: [(width: Double, height: Double, lines: [Line])]) -> [LaidOutPage] {
        var keyPages: [String: Set<Int>] = [:]
        for (p, page) in pages.enumerated() {
            for line in page.lines.prefix(3) + page.lines.suffix(3) { keyPages[chromeKey(line.text), default: []].insert(p) }
        }
        let textPages = pages.filter { !$0.lines.isEmpty }.count
        func isChrome(_ line: Line, in page: (width: Double, height: Double, lines: [Line]), top: Bool) -> Bool {
            let inBand = top ? line.centerY <= page.height * 0.12 : line.centerY >= page.height * 0.88
            guard inBand else { return false }
            let repeats = (keyPages[chromeKey(line.text)]?.count ?? 0)
            if repeats >= 2 && repeats * 2 >= textPages { return true }
            return looksLikeChrome(line.text)
        }
        return pages.map { page in
            var laid = LaidOutPage(width: page.width, height: page.height)
            var lines = page.lines[...]
            while laid.top.count < 3, let first = lines.first, isChrome(first, in: page, top: true) {
                laid.top.append(first)
                lines = lines.dropFirst()
            }
            var bottom: [Line] = []
            while bottom.count < 3, let last = lines.last, isChrome(last, in: page, top: false) {
                bottom.insert(last, at: 0)
                lines = lines.dropLast()
            }
            laid.bottom = bottom
            laid.body = Array(lines)
            return laid
        }
    }

    // MARK: Assembly

    struct Metrics {
        var left: Double
        var right: Double
        var em: Double
        var pitch: Double
        var bodySize: Double
        /// The usual page width.
        var width: Double
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s[s.count / 2]
    }

    static func metrics(_ pages: [LaidOutPage]) -> Metrics {
        let body = pages.flatMap(\.body)
        // The usual left edge: the most common x0 (2-point buckets); the right edge: the furthest x1.
        var buckets: [Int: Int] = [:]
        for line in body { buckets[Int((line.x0 / 2).rounded()), default: 0] += 1 }
        let left = buckets.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { Double($0.key) * 2 } ?? 0
        let right = body.map(\.x1).max() ?? 0
        // Em: the width of a Han character, from lines of Han text.
        var widths: [Double] = []
        for line in body where line.hasHan {
            let n = line.text.unicodeScalars.count
            if n >= 4 { widths.append((line.x1 - line.x0) / Double(n)) }
        }
        let size = median(body.filter(\.hasHan).map(\.size)) ?? median(body.map(\.size)) ?? 10
        let em = median(widths) ?? size * 0.8
        var pitches: [Double] = []
        for page in pages where page.body.count > 1 {
            for k in 1..<page.body.count {
                let d = page.body[k].centerY - page.body[k - 1].centerY
                if d > 0 { pitches.append(d) }
            }
        }
        return Metrics(left: left, right: right, em: max(em, 0.01), pitch: median(pitches) ?? size * 1.5, bodySize: size,
                       width: median(pages.map(\.width)) ?? 0)
    }

    enum Join { case none, space, newline, blankLine }

    /// How line `a` continues into `b`, the next body line (on the same page or the next).
    static func join(_ a: Line, _ b: Line, samePage: Bool, m: Metrics, titleZone: Bool) -> Join {
        if samePage && b.centerY - a.centerY > m.pitch * 1.6 { return .blankLine }
        if titleZone, isTitleLine(a, m), isTitleLine(b, m) { return .none }
        // Full: reaching the right edge of a text column that spans most of the page.
        let full = a.x1 >= m.right - 1.5 * m.em && m.right - m.left >= 0.5 * m.width
        let indented = b.x0 > m.left + 0.8 * m.em
        guard full && !indented else { return .newline }
        // A full line that ends a sentence, before a line that starts like a heading: a break.
        if let l = a.text.unicodeScalars.last, "。！？；：!?;:".unicodeScalars.contains(l), startsLikeMarker(b.text) { return .newline }
        // Latin words wrap at a space; a number split by the layout joins up again.
        if let l = a.text.unicodeScalars.last, let f = b.text.unicodeScalars.first, l.isASCII, f.isASCII,
           l.properties.isAlphabetic, f.properties.isAlphabetic {
            return .space
        }
        return .none
    }

    /// `一、` `（一）` `(1)` `1.` `问题3` `第二条` `第一阶段` at the start of a line.
    static func startsLikeMarker(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars.prefix(4))
        guard let first = s.first else { return false }
        let numerals = "一二三四五六七八九十".unicodeScalars
        if "(（".unicodeScalars.contains(first) || ("0"..."9").contains(first) { return true }
        if numerals.contains(first), s.count > 1, numerals.contains(s[1]) || "、.．".unicodeScalars.contains(s[1]) { return true }
        return text.hasPrefix("问题") || (text.hasPrefix("第") && s.count > 1 && numerals.contains(s[1]))
    }

    /// A display line: larger than the body text and centred.
    static func isTitleLine(_ line: Line, _ m: Metrics) -> Bool {
        let middle = (m.left + m.right) / 2
        return line.hasHan && line.size >= m.bodySize * 1.15 && abs((line.x0 + line.x1) / 2 - middle) <= 2 * m.em
    }

    /// Lays out the pages as one text.
    static func assemble(_ placed: [PlacedPage]) -> PagedText {
        let pages = separateChrome(placed.map { (width: $0.width, height: $0.height, lines: lines(of: $0.words)) })
        let m = metrics(pages)
        var builder = Builder()
        var pending: [(page: Int, line: Line)] = []
        var previous: (line: Line, page: Int)?
        for (index, page) in pages.enumerated() {
            let number = index + 1
            var continuing = false
            if let prev = previous, let first = page.body.first {
                let j = join(prev.line, first, samePage: false, m: m, titleZone: false)
                continuing = j == .none || j == .space
                if j == .space { builder.append(" ", page: prev.page) }
            }
            // The previous page's footer and this page's header: at the break, or after the
            // rejoined paragraph ends.
            pending += page.top.map { (number, $0) }
            if !continuing {
                builder.endLine(page: previous?.page ?? number)
                builder.flush(&pending)
            }
            for (k, line) in page.body.enumerated() {
                if k > 0 {
                    let j = join(page.body[k - 1], line, samePage: true, m: m, titleZone: index == 0 && k < 6)
                    switch j {
                    case .none: break
                    case .space: builder.append(" ", page: number)
                    case .newline, .blankLine:
                        builder.endLine(page: number)
                        if pending.isEmpty {
                            if j == .blankLine { builder.append("\n", page: number) }
                        } else {
                            builder.flush(&pending)
                        }
                    }
                }
                builder.append(line.text, page: number)
            }
            if let last = page.body.last { previous = (last, number) }
            pending += page.bottom.map { (number, $0) }
        }
        builder.endLine(page: previous?.page ?? max(1, pages.count))
        builder.flush(&pending, blankAfter: false)
        return PagedText(text: builder.text, pageCount: placed.count, segments: builder.segments, chrome: builder.chrome)
    }

    /// Appends text with its page, keeping scalar offsets, segments and chrome ranges.
    struct Builder {
        var text = ""
        var count = 0
        var segments: [PageSegment] = []
        var chrome: [Range<Int>] = []
        var atLineStart = true

        mutating func append(_ s: String, page: Int) {
            guard !s.isEmpty else { return }
            let n = s.unicodeScalars.count
            text += s
            if let last = segments.last, last.page == page {
                segments[segments.count - 1].range = last.range.lowerBound..<(count + n)
            } else {
                segments.append(PageSegment(page: page, range: count..<(count + n)))
            }
            count += n
            atLineStart = s.hasSuffix("\n")
        }

        /// A line break unless at the start of a line already.
        mutating func endLine(page: Int) {
            if !atLineStart { append("\n", page: page) }
        }

        /// Writes the waiting chrome lines, each on a line of its own, the group between blank
        /// lines so that no paragraph takes them in.
        mutating func flush(_ pending: inout [(page: Int, line: Line)], blankAfter: Bool = true) {
            guard let first = pending.first else { return }
            blankLine(page: first.page)
            for (page, line) in pending {
                endLine(page: page)
                let start = count
                append(line.text, page: page)
                chrome.append(start..<count)
                endLine(page: page)
            }
            if blankAfter { blankLine(page: pending[pending.count - 1].page) }
            pending.removeAll()
        }

        /// An empty line before what comes next (none at the very start).
        mutating func blankLine(page: Int) {
            guard count > 0 else { return }
            endLine(page: page)
            if !text.hasSuffix("\n\n") { append("\n", page: page) }
        }
    }
}
