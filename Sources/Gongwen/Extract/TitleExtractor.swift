/// Titles: every `《…》`, back to back or nested (`《关于<甲方案>和<乙办法>的通知》`, `〈〉` likewise).
/// The title is the text between the outer brackets (line breaks from PDF wrapping dropped);
/// `nested` lists the inner bracketed titles; `key` drops inner brackets, quotes and white space.
/// An unclosed `《` (a new `《`, or 300 scalars without `》`) yields nothing.
struct TitleExtractor: EntityExtractor {
    static let maxLength = 300

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        var i = 0
        while i < t.n {
            guard t[i] == "《" else { i += 1; continue }
            // Find the matching 》; inner 《》 nest, inner 〈〉/<> are recorded.
            var depth = 1
            var j = i + 1
            var nested: [String] = []
            var innerOpen = -1
            var closed = false
            while j < t.n && j - i < TitleExtractor.maxLength {
                let c = t[j]
                if c == "《" {
                    // A second 《 at depth 1 right after text: treat as nested only if a 》 closes it before ours.
                    depth += 1
                    if depth == 2 { innerOpen = j }
                } else if c == "》" {
                    depth -= 1
                    if depth == 0 { closed = true; break }
                    if depth == 1 && innerOpen >= 0 { nested.append(t.string((innerOpen + 1)..<j)); innerOpen = -1 }
                } else if (c == "〈" || c == "<") && innerOpen < 0 && depth == 1 {
                    innerOpen = j
                } else if (c == "〉" || c == ">") && innerOpen >= 0 && depth == 1 && t[innerOpen] != "《" {
                    nested.append(TitleExtractor.clean(t, (innerOpen + 1)..<j))
                    innerOpen = -1
                }
                j += 1
            }
            guard closed, j > i + 1 else { i += 1; continue }
            let title = TitleExtractor.clean(t, (i + 1)..<j)
            let folded = ScriptFold.fold(Array(t.s[(i + 1)..<j]))
            let value = TitleValue(title: title, category: TitleExtractor.category(of: folded.filter { $0 != "\n" }),
                                   key: TitleExtractor.key(folded), nested: nested)
            result.entities.append(FoundEntity(range: i..<(j + 1), value: .title(value)))
            i = j + 1
        }
    }

    /// The text without line breaks.
    static func clean(_ t: Scan, _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(r.count * 3)
        for k in r where t[k] != "\n" { ScalarText.appendUTF8(t[k], to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The title folded for counting across documents: width and Traditional→Simplified folded
    /// (`《國家賠償法》` and `《国家赔偿法》` share a key), inner brackets, quotes and white space dropped.
    static func key(_ folded: [Unicode.Scalar]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(folded.count * 3)
        for c in folded {
            switch c {
            case "\n", " ", "\t", "〈", "〉", "<", ">", "《", "》", "“", "”", "\"", "‘", "’", "'", "\u{3000}": continue
            default: ScalarText.appendUTF8(c, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let speechWords: [[Unicode.Scalar]] = ["讲话", "论述摘编", "谈治国理政", "重要论述", "重要指示", "致辞", "演讲", "答记者问", "报告会上的"].map(W)
    static let bookWords: [[Unicode.Scalar]] = ["文选", "选集", "全集", "文集", "手册", "读本", "教材", "教程", "问答", "学习纲要", "图解", "百问", "辞典", "词典", "丛书", "汇编"].map(W)
    static let regulationEnds: [[Unicode.Scalar]] = ["条例", "办法", "规定", "细则", "规则", "准则", "章程", "守则", "规程"].map(W)
    static let normativeEnds: [[Unicode.Scalar]] = ["意见", "通知", "决定", "方案", "制度", "通报", "决议", "公告", "通告", "指导意见"].map(W)
    /// Kinds of 公文 by their last word (GB/T 9704 and the 条例's fifteen kinds): a request, a report,
    /// a letter, minutes, a proposal, a reply.
    static let documentKindEnds: [([Unicode.Scalar], TitleCategory)] = [
        (W("请示"), .request), (W("报告"), .report), (W("函"), .letter), (W("复函"), .letter), (W("纪要"), .minutes),
        (W("提案"), .proposal), (W("批复"), .reply),
    ]
    static let planEnds: [[Unicode.Scalar]] = ["规划", "计划", "纲要"].map(W)
    /// `…法` that is not a law: `工作方法`, `做法`, `看法` …
    @inline(__always) static func notLawBefore法(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "方", "做", "看", "想", "说", "手", "写", "用", "算", "书", "疗", "技", "章", "兵", "魔", "语", "文", "办", "戏", "画", "笔", "打": true
        default: false
        }
    }

    /// Category from the title's form (see the issue): speech words anywhere, then the ending
    /// (after dropping a trailing parenthetical such as `(试行)`), then book forms.
    static func category(of s: [Unicode.Scalar]) -> TitleCategory {
        let t = Scan(s)
        for k in 0..<s.count where t.longest(speechWords, at: k) > 0 { return .speech }
        // 《习近平:科技创新、制度创新要两个轮子一起转》: a leader's words quoted under his name.
        if let colon = s.firstIndex(of: ":"), colon >= 2, colon <= 4, (0..<colon).allSatisfy({ Scan.isIdeograph(s[$0]) }) { return .speech }
        var end = s.count
        while end > 0 && s[end - 1] == " " { end -= 1 }
        if end > 0 && s[end - 1] == ")" , let open = s[..<end].lastIndex(of: "("), open > 0 { end = open }
        for w in regulationEnds where t.hasBefore(w, at: end) { return .regulation }
        if end >= 2 && s[end - 1] == "法" && !notLawBefore法(s[end - 2]) { return .regulation }
        if t.hasBefore(W("意见书"), at: end) { return .other }
        for (w, c) in documentKindEnds where t.hasBefore(w, at: end) {
            // 《公函》 alone, 《信函》: a letter only as the last word of a longer title.
            if w.count == 1 && end < 4 { continue }
            return c
        }
        for w in normativeEnds where t.hasBefore(w, at: end) { return .normative }
        for w in planEnds where t.hasBefore(w, at: end) {
            return t.hasBefore(W("学习纲要"), at: end) ? .book : .plan
        }
        for k in 0..<end where t.longest(bookWords, at: k) > 0 { return .book }
        // 《论持久战》 is an essay (book); 《邓小平论科学发展》 collects a leader's remarks on a topic,
        // like 《习近平谈治国理政》 (speech).
        if s.first == "论" { return .book }
        if end >= 4 {
            for k in 2...min(4, end - 2) where s[k] == "论" && s[k + 1] != "述" && s[k + 1] != "文" {
                if (0..<k).allSatisfy({ Scan.isIdeograph(s[$0]) }) {
                    switch s[k - 1] { case "理", "讨", "评", "结", "议", "舆", "言", "争", "辩", "推", "无", "概", "导", "绪", "谈", "社": continue; default: return .speech }
                }
            }
        }
        return .other
    }
}
