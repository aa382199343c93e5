import Gongwen

/// The main-content heuristic for `HTMLTree`, and applying it to a parsed page (furniture becomes
/// `pageChrome` boilerplate; the title comes from the content, never from a menu line before it).
enum HTMLMainContent {
    typealias Block = (start: Int, end: Int, strong: Bool, title: Bool)

    /// The element holding most of the page's Chinese text, narrowed to the innermost one that still
    /// holds most of it, widened back to a heading (not a navigation element) just before it.
    static func locate(blocks: [Block], text: String, byteMap: [Int]) -> Range<Int>? {
        let scalars = Array(text.unicodeScalars)
        var hanPrefix = [Int](repeating: 0, count: scalars.count + 1)
        for (k, s) in scalars.enumerated() { hanPrefix[k + 1] = hanPrefix[k] + (ScalarClass.isHan(s) ? 1 : 0) }
        let total = hanPrefix[scalars.count]
        guard total >= 20 else { return nil }
        func scalarOffset(_ byteOffset: Int) -> Int { byteMap[min(max(0, byteOffset), byteMap.count - 1)] }
        func han(_ r: Range<Int>) -> Int { hanPrefix[r.upperBound] - hanPrefix[r.lowerBound] }
        let ranges = blocks.map { (range: scalarOffset($0.start)..<scalarOffset($0.end), strong: $0.strong, title: $0.title) }
        let candidates = ranges.filter { !$0.title && han($0.range) > 0 }
        var best: (range: Range<Int>, strong: Bool, title: Bool)
        let strong = candidates.filter { $0.strong && han($0.range) * 4 >= total }
        if let biggest = strong.max(by: { han($0.range) < han($1.range) }) {
            let enough = strong.filter { han($0.range) * 2 >= han(biggest.range) }
            best = enough.min(by: { ($0.range.count, -han($0.range)) < ($1.range.count, -han($1.range)) }) ?? biggest
        } else {
            guard let biggest = candidates.max(by: { han($0.range) < han($1.range) }) else { return nil }
            best = biggest
            while true {
                let inner = candidates.filter {
                    $0.range != best.range && best.range.contains($0.range.lowerBound) && $0.range.upperBound <= best.range.upperBound
                        && han($0.range) * 100 >= han(best.range) * 85
                }
                guard let next = inner.max(by: { han($0.range) < han($1.range) }) else { break }
                best = next
            }
        }
        if han(best.range) * 100 >= total * 98 && best.range.count * 100 >= scalars.count * 95 { return nil }
        guard han(best.range) * 10 >= total * 3 else { return nil }
        var lower = best.range.lowerBound
        if let heading = ranges.filter({ $0.title && $0.range.upperBound <= lower && lower - $0.range.upperBound <= 300 && han($0.range) > 0 })
            .max(by: { $0.range.upperBound < $1.range.upperBound }) {
            lower = heading.range.lowerBound
        }
        return lower..<best.range.upperBound
    }

    /// Retags what lies outside the main content as `pageChrome` (as `MainContent.apply`), and when
    /// that leaves the page without a title — the core took a menu line before the content for
    /// one — takes the title the content itself has.
    static func apply(_ main: Range<Int>, to document: inout Document, options: ParseOptions) {
        PageChrome.apply(ExtractedText.regions(main: main, length: document.text.unicodeScalars.count), to: &document)
        TitleRecovery.apply(contentStart: main.lowerBound, to: &document, options: options, contentEnd: main.upperBound)
    }
}

/// Builds the extracted text: white space collapsed, at most one blank line, lines trimmed.
/// Keeps a map from output bytes to scalar offsets for the main-content range.
struct HTMLTextBuilder {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    private var atLineStart = true
    private var newlines = 2

    var count: Int { bytes.count }

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func char(_ c: UInt8, pre: Bool) {
        if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 {
            if pre {
                if c == 10 { hardBreak() } else if c != 13 { emit(32) }
            } else if !atLineStart {
                pendingSpace = true
            }
            return
        }
        if pendingSpace {
            bytes.append(32)
            pendingSpace = false
        }
        emit(c)
    }

    private mutating func emit(_ c: UInt8) {
        bytes.append(c)
        atLineStart = false
        newlines = 0
    }

    mutating func scalar(_ s: Unicode.Scalar, pre: Bool) {
        if s.value < 0x80 {
            char(UInt8(s.value), pre: pre)
            return
        }
        if pendingSpace {
            bytes.append(32)
            pendingSpace = false
        }
        var buf: [UInt8] = []
        UTF8.encode(s) { buf.append($0) }
        for c in buf { emit(c) }
    }

    mutating func space() {
        if !atLineStart { pendingSpace = true }
    }

    /// End of a block: start a new line if the current one has text.
    mutating func lineBreak() {
        pendingSpace = false
        if !atLineStart {
            bytes.append(10)
            atLineStart = true
            newlines = 1
        }
    }

    /// `<br>`: a line break even on an empty line, up to one blank line.
    mutating func hardBreak() {
        pendingSpace = false
        if newlines < 2 && !bytes.isEmpty {
            bytes.append(10)
            atLineStart = true
            newlines += 1
        }
    }

    /// The text, and for each output byte offset (and the end) its offset in scalars.
    mutating func finish() -> (String, [Int]) {
        while let last = bytes.last, last == 10 || last == 32 { bytes.removeLast() }
        if !bytes.isEmpty { bytes.append(10) }
        var map = [Int](repeating: 0, count: bytes.count + 1)
        var scalars = 0
        for (k, c) in bytes.enumerated() {
            map[k] = scalars
            if c & 0xC0 != 0x80 { scalars += 1 }
        }
        map[bytes.count] = scalars
        return (String(decoding: bytes, as: UTF8.self), map)
    }
}
