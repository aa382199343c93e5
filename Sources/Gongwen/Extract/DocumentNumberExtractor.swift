/// Document numbers (发文字号): `遂科技党组[2020]20号`, `国办发(2012)12号`, `川府发[2021]第3号`.
/// Triggers on `[` / `(` followed by a four-digit year and a closing bracket; the issuer is the run
/// of ideographs (and ASCII letters) before the bracket, cut at words that cannot be part of one
/// (`根据`, `印发了`, `的`, …).
struct DocumentNumberExtractor: EntityExtractor {
    @inline(__always) static func isOpen(_ c: Unicode.Scalar) -> Bool {
        switch c { case "[", "(", "〔", "【", "（", "［", "﹝": true; default: false }
    }
    @inline(__always) static func isClose(_ c: Unicode.Scalar) -> Bool {
        switch c { case "]", ")", "〕", "】", "）", "］", "﹞": true; default: false }
    }
    /// Scalars an issuer code never contains; the issuer starts after the last of them.
    @inline(__always) static func stopsIssuer(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "的", "和", "及", "与", "或", "据", "照", "见", "即", "经", "按", "依", "根", "转", "印", "在",
             "对", "将", "把", "以", "是", "了", "号", "第", "于", "由", "称", "文", "件", "简", "同", "关":
            true
        default: false
        }
    }

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        var i = 0
        while i < t.n {
            if t[i] == "字", t[i + 1] == "第", let (range, value) = minguo(t, at: i) {
                result.entities.append(FoundEntity(range: range, value: .documentNumber(value)))
                i = range.upperBound
                continue
            }
            guard DocumentNumberExtractor.isOpen(t[i]) else { i += 1; continue }
            guard let y = Numerals.digits(t, at: i + 1, min: 4, max: 4), y.value >= 1949, y.value <= 2199,
                  DocumentNumberExtractor.isClose(t[y.end]) else { i += 1; continue }
            var k = y.end + 1
            if t[k] == "第" { k += 1 }
            guard let s = Numerals.digits(t, at: k, min: 1, max: 6), t[s.end] == "号" else { i += 1; continue }
            // Issuer: ideographs/ASCII letters before the bracket.
            // One space between issuer and bracket is tolerated (`川科党 [2022]1号`).
            let issuerEnd = t[i - 1] == " " && Scan.isIdeograph(t[i - 2]) ? i - 1 : i
            var b = issuerEnd
            while b > 0 && issuerEnd - b < 16 {
                let c = t[b - 1]
                let ok = Scan.isIdeograph(c) || t.isASCIILetter(b - 1)
                if !ok || DocumentNumberExtractor.stopsIssuer(c) { break }
                b -= 1
            }
            guard b < issuerEnd else { i += 1; continue }
            let value = DocumentNumberValue(issuer: t.string(b..<issuerEnd), year: y.value, serial: s.value)
            result.entities.append(FoundEntity(range: b..<(s.end + 1), value: .documentNumber(value)))
            i = s.end + 1
        }
    }

    /// 民國 numbers: `(61)台統(一)義字第 123 號` (the 民國 year in brackets before the issuer: 1972),
    /// `華總一義字第 09500012345 號` (an eleven-digit serial whose first three digits are the 民國 year:
    /// 2006; without that shape the year is unknown). `i` is at `字`.
    func minguo(_ t: Scan, at i: Int) -> (Range<Int>, DocumentNumberValue)? {
        let k = t.skipSpaces(i + 2, limit: 2)
        var e = k
        while t.isDigit(e) && e - k < 12 { e += 1 }
        guard e > k, !t.isDigit(e) else { return nil }
        let close = t.skipSpaces(e, limit: 2)
        guard t[close] == "號" || t[close] == "号" else { return nil }
        var serial = 0
        for p in k..<e { serial = serial * 10 + t.digit(p)! }
        // Issuer: ideographs and bracketed numerals (`(一)`) before 字.
        var b = i
        while b > 0 && i - b < 12 {
            let c = t[b - 1]
            if Scan.isIdeograph(c) && !DocumentNumberExtractor.stopsIssuer(c) && c != "字" { b -= 1; continue }
            if DocumentNumberExtractor.isClose(c), DocumentNumberExtractor.isOpen(t[b - 3]), Numerals.chineseDigit(t[b - 2]) != nil, b - 3 < i - 1, b < i {
                b -= 3; continue
            }
            break
        }
        guard b < i, Scan.isIdeograph(t[b]) else { return nil }
        var start = b
        var year: Int?
        if DocumentNumberExtractor.isClose(t[b - 1]) {
            var d = b - 1
            while t.isDigit(d - 1) && b - 1 - d < 3 { d -= 1 }
            if d < b - 1, DocumentNumberExtractor.isOpen(t[d - 1]), let (v, _) = Numerals.digits(t, at: d, min: 2, max: 3) {
                year = v + DatePieces.minguoOffset; start = d - 1
            }
        }
        if year == nil, e - k == 11 {
            let v = t.digit(k)! * 100 + t.digit(k + 1)! * 10 + t.digit(k + 2)!
            if v >= 1 && v <= 200 { year = v + DatePieces.minguoOffset }
        }
        return (start..<(close + 1), DocumentNumberValue(issuer: t.string(b..<i), year: year, serial: serial))
    }
}
