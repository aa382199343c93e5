/// Extractors build values from the scanner's strings (ISO dates, decimal text, the qualifier as
/// written); these initializers turn those into the typed public values in one place.
/// A string outside a value's vocabulary is a bug in an extractor, caught by the assertion in
/// debug builds and by the vocabulary tests.
extension DateInference {
    package init(fields: [String], from: String, anchor: String) {
        self.init(fields: fields.compactMap { DateField(rawValue: $0) }, from: PartialDate.checked(from),
                  anchor: DateAnchorKind.checked(anchor))
    }
}

extension DateValue {
    package init(date: String, precision: DatePrecision, time: String? = nil, partOfDay: String? = nil, inferred: DateInference? = nil, era: String? = nil) {
        self.init(date: PartialDate.checked(date), time: time, partOfDay: partOfDay.map { PartOfDay.checked($0) }, inferred: inferred,
                  era: era.map { CalendarEra.checked($0) })
        assert(self.precision == precision, "precision \(precision) does not match \(date)")
    }
}

extension DateRangeValue {
    package init(start: String, end: String, precision: DatePrecision, inferred: DateInference? = nil, period: String? = nil, era: String? = nil) {
        self.init(start: PartialDate.checked(start), end: PartialDate.checked(end), precision: precision, inferred: inferred,
                  period: period.map { DatePeriod(rawValue: $0) }, era: era.map { CalendarEra.checked($0) })
    }
}

extension MoneyValue {
    package init(amount: String, amountMax: String? = nil, currency: String = "CNY", approximate: Bool = false, qualifier: String? = nil, per: String? = nil) {
        self.init(amount: ExactDecimal.checked(amount), amountMax: amountMax.map { ExactDecimal.checked($0) },
                  currency: Currency(rawValue: currency), qualifier: qualifier.map { ApproximationQualifier.checked($0) }, per: per)
        assert(self.approximate == approximate)
    }
}

extension PersonCountValue {
    package init(count: Int, countMax: Int? = nil, approximate: Bool = false, qualifier: String? = nil, unit: String, role: String? = nil) {
        self.init(count: count, countMax: countMax, qualifier: qualifier.map { ApproximationQualifier.checked($0) },
                  unit: PersonUnit.checked(unit), role: role.map { PersonRole.checked($0) })
    }
}

extension PercentageValue {
    package init(value: String, unit: String) {
        self.init(value: ExactDecimal.checked(value), unit: PercentageUnit.checked(unit))
    }
}

extension PartialDate {
    static func checked(_ iso: String) -> PartialDate {
        guard let d = PartialDate(iso: iso) else {
            assertionFailure("extractor produced an invalid ISO date \(iso)")
            return PartialDate(year: 0)
        }
        return d
    }
}

extension ExactDecimal {
    static func checked(_ text: String) -> ExactDecimal {
        guard let d = ExactDecimal(text) else {
            assertionFailure("extractor produced an invalid decimal \(text)")
            return .zero
        }
        return d
    }
}

extension RawRepresentable where RawValue == String, Self: CaseIterable {
    static func checked(_ raw: String) -> Self {
        guard let v = Self(rawValue: raw) else {
            assertionFailure("\(raw) is not a \(Self.self)")
            return Self.allCases.first!
        }
        return v
    }
}
