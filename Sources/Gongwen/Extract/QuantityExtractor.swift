/// Money and people counts both hang off a number (`548.74万元`, `43人`): one scan finds each
/// number once and offers it to both matchers, instead of each parsing every number again.
struct QuantityExtractor: EntityExtractor {
    let money = MoneyExtractor()
    let count = PersonCountExtractor()

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        var i = 0
        while i < t.n {
            guard t.startsNumber(i) else {
                // 百余人, 近千人, 数百万元, 逾万人次: a leading 百/千/万/亿 counts one, and only with a
                // qualifier (alone, 千万 is "must" and 百人计划 a programme).
                if let p = Numerals.chineseUnit(t[i]), p >= 2, !t.inNumber(i - 1),
                   let num = Numerals.parseChinese(t, at: i, implicitOne: true),
                   let end = offer(t, num, qualified: true, &result) {
                    i = end
                } else {
                    i += 1
                }
                continue
            }
            // Inside a number (`12` of `312`, `5` of `1.5`) or glued to Latin letters (`A3`).
            if t.inNumber(i - 1) || (t[i - 1] == "." && t.isDigit(i - 2)) || (t.isDigit(i) && t.isASCIILetter(i - 1)) {
                i += 1; continue
            }
            // 三四十人, 两三万元: two neighbouring digits, a range.
            if let num = Numerals.neighbouringDigits(t, at: i), let end = offer(t, num, &result) {
                i = end
                continue
            }
            guard let num = Numerals.parse(t, at: i) else { i += 1; continue }
            i = offer(t, num, &result) ?? max(num.range.upperBound, i + 1)
        }
    }

    /// Offers the number to money, then to counts; emits the first match and returns its end.
    /// `qualified`: keep a match only when it has a qualifier (a number with an implicit one).
    private func offer(_ t: Scan, _ num: ParsedNumber, qualified: Bool = false, _ result: inout ExtractionResult) -> Int? {
        if let (range, value, overflow) = money.match(t, num), !qualified || value.qualifier != nil {
            emit(range, .money(value), overflow, "amount too large to represent exactly", &result)
            return range.upperBound
        }
        if let (range, value, overflow) = count.match(t, num), !qualified || value.qualifier != nil {
            emit(range, .personCount(value), overflow, "count too large", &result)
            return range.upperBound
        }
        return nil
    }

    private func emit(_ range: Range<Int>, _ value: EntityValue, _ overflow: Bool, _ message: String, _ result: inout ExtractionResult) {
        if overflow {
            result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.numberOverflow, message: message, range: range))
        } else {
            result.entities.append(FoundEntity(range: range, value: value))
        }
    }
}
