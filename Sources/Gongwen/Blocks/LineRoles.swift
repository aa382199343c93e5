/// What a single line is by its own content, before position is taken into account: page
/// furniture, promotion lines, datelines, 发文字号, contact and attachment lines.
enum LineRole: Sendable, Equatable {
    case boilerplate(Boilerplate.Kind)
    case field(Field.Role)
}

enum LineRoles {
    /// The role a line has whatever its position, or nil for ordinary text.
    static func intrinsic(_ s: [Unicode.Scalar], _ r: Range<Int>) -> LineRole? {
        if isBreadcrumb(s, r) { return .boilerplate(.breadcrumb) }
        if startsWithAny(s, r, promotionPrefixes) { return .boilerplate(.promotion) }
        if startsWithAny(s, r, chromePrefixes) { return .boilerplate(.pageChrome) }
        if isDateline(s, r) { return .field(.dateline) }
        if isDocumentNumberLine(s, r) { return .field(.documentNumber) }
        if startsWithAny(s, r, signerPrefixes) && r.count <= 40 { return .field(.signer) }
        if isHeaderMarking(s, r) { return .field(.headerMarking) }
        if startsWithAny(s, r, attachmentPrefixes) { return .field(.attachmentNote) }
        if startsWithAny(s, r, contactPrefixes) && r.count <= 80 { return .field(.contact) }
        if startsWithAny(s, r, distributionPrefixes) { return .field(.distribution) }
        return nil
    }

    static let promotionPrefixes = makeWords(["下面是小编", "以下是小编", "小编为大家", "推荐访问", "相关推荐", "相关阅读", "相关文章", "热门推荐", "猜你喜欢", "扫一扫", "分享到", "本文由", "免责声明", "版权声明"])
    static let chromePrefixes = makeWords(["[打印]", "[关闭]", "打印本页", "关闭窗口", "上一篇", "下一篇", "责任编辑", "编辑:", "来源:", "浏览次数", "点击数", "阅读次数", "字体:", "[字体", "[大 中 小]", "当前位置", "您的位置", "您现在的位置", "返回顶部"])
    static let attachmentPrefixes = makeWords(["附件:", "附件1", "附件一", "附件 "])
    static let contactPrefixes = makeWords(["联系人", "联系电话", "联系方式:", "电话:", "传真:", "邮箱:", "电子邮箱:", "电子信箱:", "地址:", "邮编:", "邮政编码"])
    static let signerPrefixes = makeWords(["签发人:", "签发人 ", "签 发 人:"])
    static let markingWords = makeWords(["绝密", "机密", "秘密", "特急", "加急", "特提", "平急", "急件"])

    /// 份号 (six digits alone), or a 密级/紧急程度 line: `机密★1年`, `特急`, `机密 特急`.
    static func isHeaderMarking(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 16 else { return false }
        if r.count == 6 && r.allSatisfy({ ScalarClass.isDigit(s[$0]) }) { return true }
        var i = r.lowerBound
        var words = 0
        while i < r.upperBound {
            if ScalarClass.isSpace(s[i]) { i += 1; continue }
            guard let w = wordAt(s, i..<r.upperBound, markingWords) else { return false }
            i += w.count
            words += 1
            // 机密★1年: a star and a term may follow the level.
            if i < r.upperBound && (s[i] == "★" || s[i] == "*") {
                i += 1
                while i < r.upperBound && (ScalarClass.isDigit(s[i]) || ScalarClass.isChineseNumeral(s[i]) || s[i] == "年" || s[i] == "个" || s[i] == "月") { i += 1 }
            }
        }
        return words > 0
    }

    static let distributionPrefixes = makeWords(["抄送:", "抄报:", "抄送 ", "分送:", "主题词"])

    static func makeWords(_ words: [String]) -> [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }

    static let wenjian: [Unicode.Scalar] = ["文", "件"]

    /// An issuer's name ends in an organization word (`……科学技术局`, `……人民政府`, `……党组`); a title
    /// (`关于……的通知`) does not.
    static func endsLikeAnOrganization(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, !(r.count >= 2 && s[r.lowerBound] == "关" && s[r.lowerBound + 1] == "于") else { return false }
        switch s[r.upperBound - 1] {
        case "局", "厅", "委", "会", "府", "室", "组", "部", "院", "处", "心", "司", "署", "办": return true
        default: return false
        }
    }

    /// Whether `word` stands at the start of `s[r]`: the one word test the line checks share.
    static func starts(_ s: [Unicode.Scalar], _ r: Range<Int>, with word: [Unicode.Scalar]) -> Bool {
        guard word.count <= r.count else { return false }
        for k in 0..<word.count where s[r.lowerBound + k] != word[k] { return false }
        return true
    }

    /// The first of `words` that stands at the start of `s[r]`.
    static func wordAt(_ s: [Unicode.Scalar], _ r: Range<Int>, _ words: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
        words.first { starts(s, r, with: $0) }
    }

    static func startsWithAny(_ s: [Unicode.Scalar], _ r: Range<Int>, _ words: [[Unicode.Scalar]]) -> Bool {
        wordAt(s, r, words) != nil
    }

    static func endsWith(_ s: [Unicode.Scalar], _ r: Range<Int>, _ w: [Unicode.Scalar]) -> Bool {
        w.count <= r.count && starts(s, (r.upperBound - w.count)..<r.upperBound, with: w)
    }

    /// `首页 > 文章中心 > 正文`.
    static func isBreadcrumb(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 80 else { return false }
        var arrows = 0
        for i in r where s[i] == ">" || s[i] == "»" || s[i] == "›" { arrows += 1 }
        guard arrows >= 1 else { return false }
        return arrows >= 2 || startsWithAny(s, r, breadcrumbStarts)
    }

    static let breadcrumbStarts = makeWords(["首页", "当前位置", "您的位置", "您现在的位置", "网站首页"])

    /// A line that is only a date and time (`19.05.2016  11:24`, `2016-05-19 10:00`,
    /// `发布时间:2016年5月19日`), possibly with a source after it. Read with the shared date grammar.
    static func isDateline(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 60 else { return false }
        var i = r.lowerBound
        if let p = wordAt(s, r, datelinePrefixes) { i += p.count }
        while i < r.upperBound && ScalarClass.isSpace(s[i]) { i += 1 }
        guard i < r.upperBound, ScalarClass.isDigit(s[i]) else { return false }
        let t = Scan(Array(s[i..<r.upperBound]))
        guard let end = dateAndTime(t) else { return false }
        return end == t.n || (t[end] == "来" && t[end + 1] == "源")
    }

    /// A date (numeric, or `Y年M月D日` in digits) at the start of `t`, with a clock time after it,
    /// and trailing spaces: where that ends.
    private static func dateAndTime(_ t: Scan) -> Int? {
        var k: Int
        if let n = DateForms.numeric(t, at: 0), !n.invalid { k = n.end }
        else if let (_, e) = DateForms.written(t, at: 0) {
            k = e
            if let (_, ce) = DatePieces.clock(t, at: t.skipSpaces(k, limit: 2), partOfDay: nil) { k = ce }
        } else { return nil }
        while k < t.n && ScalarClass.isSpace(t[k]) { k += 1 }
        return k
    }

    static let datelinePrefixes = makeWords(["发布时间:", "发布日期:", "时间:", "日期:", "更新时间:", "发文日期:", "成文日期:"])

    /// A line that is only a 发文字号: `国办发[2012]12号` (brackets already folded).
    static func isDocumentNumberLine(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 60 else { return false }
        var i = r.lowerBound
        var han = 0
        while i < r.upperBound && ScalarClass.isHan(s[i]) { han += 1; i += 1 }
        guard han >= 1, i < r.upperBound, s[i] == "[" || s[i] == "(" else { return false }
        i += 1
        var yearDigits = 0
        while i < r.upperBound && ScalarClass.isDigit(s[i]) { yearDigits += 1; i += 1 }
        guard yearDigits == 4, i < r.upperBound, s[i] == "]" || s[i] == ")" else { return false }
        i += 1
        var serial = 0
        while i < r.upperBound && ScalarClass.isDigit(s[i]) { serial += 1; i += 1 }
        guard serial >= 1, i < r.upperBound, s[i] == "号" else { return false }
        i += 1
        while i < r.upperBound && ScalarClass.isSpace(s[i]) { i += 1 }
        // `国办发[2012]12号    签发人:张三` keeps both on one line.
        return i == r.upperBound || startsWithAny(s, i..<r.upperBound, signerPrefixes)
    }

    /// A line that is only a date, as in a signature block: `2021年1月25日`, `二〇二一年一月二十五日`,
    /// `中華民國九十五年七月一日`.
    static func isDateOnly(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 20 else { return false }
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && ScalarClass.isSpace(s[lo]) { lo += 1 }
        while hi > lo && ScalarClass.isSpace(s[hi - 1]) { hi -= 1 }
        guard lo < hi, s[hi - 1] == "日" else { return false }
        guard let (_, e) = DateForms.written(Scan(Array(s[lo..<hi])), at: 0) else { return false }
        return e == hi - lo
    }

    /// Has sentence punctuation inside (not a title, caption or signatory).
    static func hasSentencePunctuation(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        for i in r {
            switch s[i] {
            case "。", ",", ";", "!", "?", "，": return true
            default: continue
            }
        }
        return false
    }

    /// Has a sentence end (`。` `;` `!` `?`) inside.
    static func endsAnySentence(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        for i in r {
            switch s[i] {
            case "。", ";", "!", "?": return true
            default: continue
            }
        }
        return false
    }

    static func hanCount(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int {
        var n = 0
        for i in r where ScalarClass.isHan(s[i]) { n += 1 }
        return n
    }

    /// The Han characters and letters of a line, for comparing titles and captions.
    static func letters(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for i in r where !ScalarClass.isSpace(s[i]) { out.append(s[i]) }
        return out
    }
}
