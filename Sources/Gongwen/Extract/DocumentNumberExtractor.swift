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
}
