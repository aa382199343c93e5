/// Money and people counts both hang off a number (`548.74万元`, `43人`): one scan finds each
/// number once and offers it to both matchers, instead of each parsing every number again.
struct QuantityExtractor: EntityExtractor {
    let money = MoneyExtractor()
    let count = PersonCountExtractor()

    func extract(_ context: ExtractionContext, into result: inout ExtractionResult) {
        let t = Scan(context.text.scalars)
        var i = 0
        while i < t.n {
            guard t.startsNumber(i) else { i += 1; continue }
            // Inside a number (`12` of `312`, `5` of `1.5`) or glued to Latin letters (`A3`).
            if t.inNumber(i - 1) || (t[i - 1] == "." && t.isDigit(i - 2)) || (t.isDigit(i) && t.isASCIILetter(i - 1)) {
                i += 1; continue
            }
            guard let num = Numerals.parse(t, at: i) else { i += 1; continue }
            if let (range, value, overflow) = money.match(t, num) {
                emit(range, .money(value), overflow, "amount too large to represent exactly", &result)
                i = range.upperBound
            } else if let (range, value, overflow) = count.match(t, num) {
                emit(range, .personCount(value), overflow, "count too large", &result)
                i = range.upperBound
            } else {
                i = max(num.range.upperBound, i + 1)
            }
        }
    }

    private func emit(_ range: Range<Int>, _ value: EntityValue, _ overflow: Bool, _ message: String, _ result: inout ExtractionResult) {
        if overflow {
            result.diagnostics.append(FoundDiagnostic(code: DiagnosticCode.numberOverflow, message: message, range: range))
        } else {
            result.entities.append(FoundEntity(range: range, value: value))
        }
    }
}
