/// A block of the normalized text: a logical paragraph, a heading with its first paragraph, a
/// field line or a boilerplate line. Blocks tile the text: each runs from its first line to the
/// start of the next block, so blank lines go with the block before them.
package struct Block: Sendable {
    var range: Range<Int>
    /// From the first non-space scalar to the last, line breaks inside included.
    var content: Range<Int>
    /// Nil for body text.
    var role: LineRole?
    /// The section marker the block starts with.
    var marker: MarkerMatch?
}

/// Lines → blocks: classifies lines by content and position (title, repeated title, caption,
/// addressee, signature block), rejoins lines broken in mid-sentence, and keeps a marker alone on
/// its line together with the text after it.
package enum BlockSplitter {
    /// Lines at least this long that stop without punctuation were broken by an export, not ended.
    static let brokenLineLength = 25

    package static func split(_ s: [Unicode.Scalar]) -> [Block] {
        let lines = Line.split(s)
        guard !lines.isEmpty else { return [] }
        var roles = [LineRole?](repeating: nil, count: lines.count)
        let content = lines.indices.filter { !lines[$0].isBlank }
        for i in content { roles[i] = LineRoles.intrinsic(s, lines[i].content) }
        assignPositionalRoles(s, lines, content, &roles)

        var blocks: [Block] = []
        var previousContentLine: Int? = nil
        for i in lines.indices {
            let line = lines[i]
            if line.isBlank {
                // Blank lines go with the block before; leading ones with the first block.
                if !blocks.isEmpty { blocks[blocks.count - 1].range = blocks[blocks.count - 1].range.lowerBound..<line.range.upperBound }
                continue
            }
            let marker = roles[i] == nil ? MarkerScanner.scan(s, at: line.content.lowerBound, end: line.content.upperBound) : nil
            if let p = previousContentLine, p == i - 1, roles[i] == nil, roles[p] == nil,
               shouldJoin(s, previous: lines[p], next: line, nextHasMarker: marker != nil, previousBlock: blocks[blocks.count - 1]) {
                let b = blocks[blocks.count - 1]
                blocks[blocks.count - 1].range = b.range.lowerBound..<line.range.upperBound
                blocks[blocks.count - 1].content = b.content.lowerBound..<line.content.upperBound
            } else {
                let start = blocks.isEmpty ? 0 : line.range.lowerBound
                blocks.append(Block(range: start..<line.range.upperBound, content: line.content, role: roles[i], marker: marker))
            }
            previousContentLine = i
        }
        if blocks.isEmpty {
            // Only white space: one empty paragraph keeps the text covered.
            blocks.append(Block(range: 0..<s.count, content: 0..<0, role: nil, marker: nil))
        }
        return blocks
    }

    private static func shouldJoin(_ s: [Unicode.Scalar], previous: Line, next: Line, nextHasMarker: Bool, previousBlock: Block) -> Bool {
        if nextHasMarker { return false }
        if ItemMarker.at(s, next.content.lowerBound, contentStart: next.content.lowerBound) != nil { return false }
        // A marker alone on its line takes the next line as its text.
        if let m = previousBlock.marker, m.range.upperBound == previousBlock.content.upperBound { return true }
        let last = s[previous.content.upperBound - 1]
        if ScalarClass.endsSentence(last) { return false }
        if ScalarClass.isClosingQuote(last), previous.content.count >= 2,
           ScalarClass.endsSentence(s[previous.content.upperBound - 2]) { return false }
        if last == "," || last == "、" { return true }
        return previous.content.count >= brokenLineLength
    }

    /// A law's short name above its first chapter or article (`刑法`, `赦免法`, `民法典`, then `第一條`):
    /// a title, though shorter than the four Han characters other titles need.
    private static func isShortLawName(_ s: [Unicode.Scalar], _ r: Range<Int>, above next: Range<Int>?) -> Bool {
        guard let next, r.count <= 8, LineRoles.hanCount(s, r) >= 2, LineRoles.hanCount(s, r) == r.count,
              s[r.upperBound - 1] == "法" || s[r.upperBound - 1] == "典",
              let m = MarkerScanner.scan(s, at: next.lowerBound, end: next.upperBound) else { return false }
        return m.style == .article || m.style == .chapter || m.style == .part
    }

    /// Title, repeated title, photo caption, addressee and the closing signature block: roles that
    /// depend on where a line stands.
    private static func assignPositionalRoles(_ s: [Unicode.Scalar], _ lines: [Line], _ content: [Int], _ roles: inout [LineRole?]) {
        // Title: the first line that is not page furniture, if it looks like a title.
        var titleLine: Int?
        for (k, i) in content.enumerated() {
            if let r = roles[i] {
                if case .boilerplate = r { continue }
                if r == .field(.dateline) || r == .field(.documentNumber) || r == .field(.headerMarking) || r == .field(.signer) { continue }
                break
            }
            // 发文机关标志: `……文件` at the top, or an issuer line right above the 发文字号.
            let line = lines[i].content
            let nextRole = k + 1 < content.count ? roles[content[k + 1]] : nil
            if line.count <= 40, !LineRoles.hasSentencePunctuation(s, line), LineRoles.hanCount(s, line) >= 4,
               LineRoles.endsWith(s, line, LineRoles.wenjian)
                || (nextRole == .field(.documentNumber) && LineRoles.endsLikeAnOrganization(s, line)) {
                roles[i] = .field(.issuingAuthority)
                continue
            }
            let r = lines[i].content
            let next = k + 1 < content.count ? lines[content[k + 1]].content : nil
            if r.count <= 60, !LineRoles.hasSentencePunctuation(s, r),
               LineRoles.hanCount(s, r) >= 4 || isShortLawName(s, r, above: next),
               !ScalarClass.endsSentence(s[r.upperBound - 1]),
               MarkerScanner.scan(s, at: r.lowerBound, end: r.upperBound) == nil {
                titleLine = i
                roles[i] = .field(.title)
            }
            break
        }
        if let t = titleLine {
            let title = LineRoles.letters(s, lines[t].content)
            for i in content where i > t && roles[i] == nil {
                let r = lines[i].content
                // Only lines about the title's length can repeat it; skip the rest without copying.
                guard r.count <= title.count * 2 + 8 else { continue }
                let letters = LineRoles.letters(s, r)
                if letters == title { roles[i] = .boilerplate(.repeatedTitle); continue }
                if !LineRoles.hasSentencePunctuation(s, r), letters.count >= 6, letters.count <= title.count + 4,
                   isCaption(letters, of: title),
                   MarkerScanner.scan(s, at: r.lowerBound, end: r.upperBound) == nil {
                    roles[i] = .boilerplate(.photoCaption)
                }
            }
        }
        // 主送机关: the first body line (after the title, if any), short and ending in a colon. A
        // speech's occasion line right under its title (`——2021年1月15日在……会议上`) comes first.
        var body = content.drop { $0 <= (titleLine ?? -1) || roles[$0] != nil }
        if titleLine != nil, let i = body.first, s[lines[i].content.lowerBound] == "-", lines[i].content.count >= 2,
           s[lines[i].content.lowerBound + 1] == "-" {
            body = body.dropFirst().drop { roles[$0] != nil }
        }
        if let i = body.first {
            let r = lines[i].content
            // Commas and 、 separate recipients (`各县(市、区)科技局,市直有关单位:`); a sentence end does not occur.
            if r.count <= 60, s[r.upperBound - 1] == ":", !LineRoles.endsAnySentence(s, r),
               MarkerScanner.scan(s, at: r.lowerBound, end: r.upperBound) == nil {
                roles[i] = .field(.addressee)
            }
        }
        // Signature block at the end: [signatory …] date, before any trailing boilerplate.
        var k = content.count - 1
        while k >= 0, case .boilerplate? = roles[content[k]] { k -= 1 }
        guard k >= 0, roles[content[k]] == nil || roles[content[k]] == .field(.dateline),
              LineRoles.isDateOnly(s, lines[content[k]].content) else { return }
        roles[content[k]] = .field(.signatureDate)
        var signatories = 0
        k -= 1
        while k >= 0, signatories < 2, roles[content[k]] == nil {
            let r = lines[content[k]].content
            guard r.count <= 30, !LineRoles.hasSentencePunctuation(s, r), LineRoles.hanCount(s, r) >= 2,
                  !ScalarClass.endsSentence(s[r.upperBound - 1]),
                  MarkerScanner.scan(s, at: r.lowerBound, end: r.upperBound) == nil else { break }
            roles[content[k]] = .field(.signatory)
            signatories += 1
            k -= 1
        }
    }

    /// A caption repeats most of the title's characters (`省科技厅党组理论中心组2016年第五次学习会`
    /// under `省科技厅召开党组理论中心组 2016年第五次学习会`).
    private static func isCaption(_ line: [Unicode.Scalar], of title: [Unicode.Scalar]) -> Bool {
        guard line != title else { return false }
        var inTitle = 0
        var used = [Bool](repeating: false, count: title.count)
        for c in line {
            if let k = title.indices.first(where: { !used[$0] && title[$0] == c }) { used[k] = true; inTitle += 1 }
        }
        return inTitle * 10 >= line.count * 9 && inTitle * 10 >= title.count * 7
    }
}
