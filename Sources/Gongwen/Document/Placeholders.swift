/// Template placeholders left in published documents (`XXX`, `XXXXXX`, `×××`): reported, so an
/// analyst can filter unfinished templates. Dates like `20xx 年 xx 月` are the date extractor's.
package enum Placeholders {
    private static func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 && (c.properties.isAlphabetic || ScalarClass.isDigit(c))
    }

    package static func scan(_ s: [Unicode.Scalar]) -> [FoundDiagnostic] {
        var out: [FoundDiagnostic] = []
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            guard c == "X" || c == "×" else { i += 1; continue }
            var j = i
            while j < n && s[j] == c { j += 1 }
            // A run inside a Latin word or number (`XXXL`, `0xXXX`) is not a placeholder.
            let boundedBefore = i == 0 || !isASCIIAlphanumeric(s[i - 1])
            let boundedAfter = j == n || !isASCIIAlphanumeric(s[j])
            if j - i >= 3, boundedBefore, boundedAfter {
                out.append(FoundDiagnostic(code: DiagnosticCode.placeholder, message: "template placeholder left in the text", range: i..<j))
            }
            i = j
        }
        return out
    }
}
