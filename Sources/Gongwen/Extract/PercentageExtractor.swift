/// Percentages: `10.3%`, `10.3 %`, `百分之四十`, `百分之三点五`, `百分之10`, `7.02个百分点` (unit
/// `percentagePoint`), `10.5‰` and `千分之五` (unit `permille`). Triggers on `%`/`‰` (looking back at
/// the number) and on `百分`/`千分`.
struct PercentageExtractor: EntityExtractor {
    static let baifenzhi = W("百分之"), qianfenzhi = W("千分之"), gebaifendian = W("个百分点"), baifendian = W("百分点")

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        var i = 0
        while i < t.n {
            let c = t[i]
            if (c == "百" && t.has(PercentageExtractor.baifenzhi, at: i)) || (c == "千" && t.has(PercentageExtractor.qianfenzhi, at: i)) {
                let k = i + 3
                if Numerals.canStart(t[k]), let num = Numerals.parse(t, at: k, multipliers: false), num.style != .digitString {
                    emit(num, range: i..<num.range.upperBound, unit: c == "百" ? "percent" : "permille", into: &result)
                    i = num.range.upperBound
                    continue
                }
                i += 3
                continue
            }
            guard t.startsNumber(i), !t.inNumber(i - 1), !(t[i - 1] == "." && t.isDigit(i - 2)),
                  !(t.isDigit(i) && t.isASCIILetter(i - 1)) else { i += 1; continue }
            guard let num = Numerals.parse(t, at: i, multipliers: false), num.style != .digitString else { i += 1; continue }
            let j = t.skipSpaces(num.range.upperBound, limit: 1)
            if (t[j] == "%" || t[j] == "‰") && t.isDigit(i) {
                emit(num, range: i..<(j + 1), unit: t[j] == "%" ? "percent" : "permille", into: &result)
                i = j + 1
            } else if t.has(PercentageExtractor.gebaifendian, at: j) {
                emit(num, range: i..<(j + 4), unit: "percentagePoint", into: &result)
                i = j + 4
            } else if t.has(PercentageExtractor.baifendian, at: j) {
                emit(num, range: i..<(j + 3), unit: "percentagePoint", into: &result)
                i = j + 3
            } else {
                i = max(num.range.upperBound, i + 1)
            }
        }
    }

    private func emit(_ num: ParsedNumber, range: Range<Int>, unit: String, into result: inout ExtractionResult) {
        if num.overflow {
            result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.numberOverflow, message: "percentage too large to represent exactly", range: range))
            return
        }
        result.entities.append(FoundEntity(range: range, value: .percentage(PercentageValue(value: num.value.description, unit: unit))))
    }
}
