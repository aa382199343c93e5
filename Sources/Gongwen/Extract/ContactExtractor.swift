/// Contact details: phones (`0825-2655068`, `(0825)2655068`, `028-12345678-801`, mobiles
/// `13800138000`, `400-800-1234`, and a bare 7–8 digit number right after `电话`/`传真`) and
/// e-mail addresses (`85698044@qq.com`). Digit runs that continue into more digits, letters, `.`
/// or `-` are not phones.
struct ContactExtractor: EntityExtractor {
    static let phoneWords: [[Unicode.Scalar]] = ["电话", "传真", "热线", "手机", "电话:", "传真:", "热线:", "手机:", "Tel", "TEL", "tel", "Tel:", "TEL:"].map(W)

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        var i = 0
        while i < t.n {
            let c = t[i]
            if c == "@" {
                if let e = email(t, at: i) { result.entities.append(e.0); i = e.1; continue }
                i += 1; continue
            }
            guard t.isDigit(i) || (c == "(" && t[i + 1] == "0" && t.isDigit(i + 2)) else { i += 1; continue }
            let prev = t[i - 1]
            if t.isDigit(i - 1) || t.isASCIILetter(i - 1) || prev == "." || prev == "-" || prev == "_" || prev == "@" { i += 1; continue }
            if let (r, v) = phone(t, at: i) {
                result.entities.append(FoundEntity(range: r, value: .phone(PhoneValue(number: v))))
                i = r.upperBound
            } else {
                var k = i
                while t.isDigit(k) || (c == "(" && k == i) { k += 1 }
                i = max(k, i + 1)
            }
        }
    }

    /// Digits at `i`: count and end.
    @inline(__always) func run(_ t: Scan, _ i: Int) -> Int {
        var k = i
        while t.isDigit(k) { k += 1 }
        return k - i
    }

    func phone(_ t: Scan, at i: Int) -> (Range<Int>, String)? {
        // (0825)2655068
        if t[i] == "(" {
            let a = run(t, i + 1)
            guard a == 3 || a == 4, t[i + 1 + a] == ")" else { return nil }
            let k = i + 2 + a
            let b = run(t, k)
            guard b == 7 || b == 8, boundaryOK(t, k + b) else { return nil }
            return (i..<(k + b), t.string((i + 1)..<(i + 1 + a)) + "-" + t.string(k..<(k + b)))
        }
        let a = run(t, i)
        var end = i + a
        // Area code + local number (+ extension).
        if t[i] == "0" && (a == 3 || a == 4) && t[end] == "-" {
            let b = run(t, end + 1)
            guard b == 7 || b == 8 else { return nil }
            end = end + 1 + b
            if t[end] == "-" { let e = run(t, end + 1); if e >= 1 && e <= 5 && boundaryOK(t, end + 1 + e) { end = end + 1 + e } }
            guard boundaryOK(t, end) else { return nil }
            return (i..<end, t.string(i..<end))
        }
        // 400-800-1234 / 800-820-8820
        if a == 3 && (t.has(W("400"), at: i) || t.has(W("800"), at: i)) && t[end] == "-" {
            let b = run(t, end + 1)
            guard b == 3 || b == 4, t[end + 1 + b] == "-" else { return nil }
            let c = run(t, end + 2 + b)
            guard c == 4 || c == 3 else { return nil }
            end = end + 2 + b + c
            guard boundaryOK(t, end) else { return nil }
            return (i..<end, t.string(i..<end))
        }
        guard boundaryOK(t, end) else { return nil }
        // Mobiles: 1[3-9] + 9 digits.
        if a == 11 && t[i] == "1", let d = t.digit(i + 1), d >= 3 {
            return (i..<end, t.string(i..<end))
        }
        // Area code written without dash: 08252655068 (11/12 digits starting with 0) after a phone word.
        if (a == 7 || a == 8 || ((a == 11 || a == 12) && t[i] == "0")) && afterPhoneWord(t, i) {
            return (i..<end, t.string(i..<end))
        }
        return nil
    }

    @inline(__always) func boundaryOK(_ t: Scan, _ k: Int) -> Bool {
        !(t.isDigit(k) || t.isASCIILetter(k) || (t[k] == "." && t.isDigit(k + 1)) || (t[k] == "-" && t.isDigit(k + 1)) || t[k] == "@")
    }

    func afterPhoneWord(_ t: Scan, _ i: Int) -> Bool {
        var k = i
        while k > 0 && (t[k - 1] == " " || t[k - 1] == ":") && i - k < 3 { k -= 1 }
        for w in ContactExtractor.phoneWords where t.hasBefore(w, at: k) { return true }
        return false
    }

    @inline(__always) func isLocal(_ t: Scan, _ k: Int) -> Bool {
        t.isDigit(k) || t.isASCIILetter(k) || t[k] == "." || t[k] == "_" || t[k] == "%" || t[k] == "+" || t[k] == "-"
    }

    func email(_ t: Scan, at pos: Int) -> (FoundEntity, Int)? {
        var b = pos
        while b > 0 && isLocal(t, b - 1) && pos - b < 64 { b -= 1 }
        while b < pos && (t[b] == "." || t[b] == "-") { b += 1 }
        guard b < pos else { return nil }
        var e = pos + 1
        var lastDot = -1
        while t.isDigit(e) || t.isASCIILetter(e) || t[e] == "-" || (t[e] == "." && (t.isASCIILetter(e + 1) || t.isDigit(e + 1))) {
            if t[e] == "." { lastDot = e }
            e += 1
        }
        guard lastDot > pos + 1, e - lastDot - 1 >= 2 else { return nil }
        for k in (lastDot + 1)..<e where !t.isASCIILetter(k) { return nil }
        let address = t.string(b..<e)
        return (FoundEntity(range: b..<e, value: .email(EmailValue(address: address))), e)
    }
}
