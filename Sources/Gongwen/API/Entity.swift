/// A fact found in the text, resolved to a value, with the exact source text it came from.
///
/// `text` is always the source text at `span` (a test checks it across the corpus), so a value can
/// be checked against the document without trusting the parser.
public struct Entity: Sendable, Hashable, Codable {
    public var kind: EntityKind
    /// The source text at `span`, exactly.
    public var text: String
    public var span: TextSpan
    public var value: EntityValue
    /// Markers of the sections that contain the entity, outermost first (`["二、", "（一）", "问题1."]`).
    public var sectionPath: [String]

    public init(kind: EntityKind, text: String, span: TextSpan, value: EntityValue, sectionPath: [String] = []) {
        self.kind = kind
        self.text = text
        self.span = span
        self.value = value
        self.sectionPath = sectionPath
    }
}

public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case date, dateRange, money, personCount, title, documentNumber, percentage, phone, email
}

/// The resolved value of an entity; the case always matches the entity's `kind`.
public enum EntityValue: Sendable, Hashable, Codable {
    case date(DateValue)
    case dateRange(DateRangeValue)
    case money(MoneyValue)
    case personCount(PersonCountValue)
    case title(TitleValue)
    case documentNumber(DocumentNumberValue)
    case percentage(PercentageValue)
    case phone(PhoneValue)
    case email(EmailValue)

    public var kind: EntityKind {
        switch self {
        case .date: .date
        case .dateRange: .dateRange
        case .money: .money
        case .personCount: .personCount
        case .title: .title
        case .documentNumber: .documentNumber
        case .percentage: .percentage
        case .phone: .phone
        case .email: .email
        }
    }
}

public enum DatePrecision: String, Sendable, Hashable, Codable {
    case day, month, year
}

/// What a date took from its context, and from where.
public struct DateInference: Sendable, Hashable, Codable {
    /// The parts taken from context: `year`, `month`.
    public var fields: [String]
    /// The anchor date they came from, ISO 8601.
    public var from: String
    /// What the anchor is: `dateline`, `signatureDate`, `previousDate`, `option` (given by the caller).
    public var anchor: String

    public init(fields: [String], from: String, anchor: String) {
        self.fields = fields
        self.from = from
        self.anchor = anchor
    }
}

public struct DateValue: Sendable, Hashable, Codable {
    /// ISO 8601 at the given precision: `2016-05-11`, `2016-05`, `2016`.
    public var date: String
    public var precision: DatePrecision
    /// Time of day when written (`11:24`), 24-hour `HH:mm`.
    public var time: String?
    /// Part of day when written: `morning` (上午), `noon` (中午), `afternoon` (下午), `evening` (晚上).
    public var partOfDay: String?
    /// Set when the year or month came from context.
    public var inferred: DateInference?
    /// The calendar era the year was written in, when not the Gregorian: `minguo` (民國, year + 1911).
    public var era: String?

    public init(date: String, precision: DatePrecision, time: String? = nil, partOfDay: String? = nil, inferred: DateInference? = nil, era: String? = nil) {
        self.date = date
        self.precision = precision
        self.time = time
        self.partOfDay = partOfDay
        self.inferred = inferred
        self.era = era
    }
}

public struct DateRangeValue: Sendable, Hashable, Codable {
    /// First day/month/year of the range, ISO 8601.
    public var start: String
    /// Last day/month/year of the range (inclusive), ISO 8601.
    public var end: String
    public var precision: DatePrecision
    public var inferred: DateInference?
    /// For a relative or named period (`今年3月`, `第二季度`, `“十二五”期间`), what it was read as.
    public var period: String?
    /// The calendar era the years were written in, when not the Gregorian: `minguo`.
    public var era: String?

    public init(start: String, end: String, precision: DatePrecision, inferred: DateInference? = nil, period: String? = nil, era: String? = nil) {
        self.start = start
        self.end = end
        self.precision = precision
        self.inferred = inferred
        self.period = period
        self.era = era
    }
}

public struct MoneyValue: Sendable, Hashable, Codable {
    /// Exact decimal string in units of the currency (`"5487400"` for `548.74万元`). Never a float.
    public var amount: String
    /// Upper bound for a range (`10万—50万元`), exact decimal string.
    public var amountMax: String?
    /// ISO 4217: `CNY`, `USD`, `EUR`, `HKD`, `JPY`, `GBP`.
    public var currency: String
    public var approximate: Bool
    /// The word that made it approximate: `余`, `多`, `近`, `约`, `左右`, `以上`.
    public var qualifier: String?
    /// The unit of a rate: `人` for `399.5元/人`, `人·天`, `亩`.
    public var per: String?

    public init(amount: String, amountMax: String? = nil, currency: String = "CNY", approximate: Bool = false, qualifier: String? = nil, per: String? = nil) {
        self.amount = amount
        self.amountMax = amountMax
        self.currency = currency
        self.approximate = approximate
        self.qualifier = qualifier
        self.per = per
    }
}

public struct PersonCountValue: Sendable, Hashable, Codable {
    public var count: Int
    /// Upper bound of a range (`30-40人`, `三十至四十人`): `count` is the lower bound.
    public var countMax: Int?
    public var approximate: Bool
    /// `余`, `多`, `近`, `约`, `左右`, `以上` when approximate.
    public var qualifier: String?
    /// `人`, `人次`, `名`.
    public var unit: String
    /// `attendance` when the count is of people attending (参加, 出席, 参会, 与会, 列席, 到会).
    public var role: String?

    public init(count: Int, countMax: Int? = nil, approximate: Bool = false, qualifier: String? = nil, unit: String, role: String? = nil) {
        self.count = count
        self.countMax = countMax
        self.approximate = approximate
        self.qualifier = qualifier
        self.unit = unit
        self.role = role
    }
}

public enum TitleCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case regulation, normative, plan, speech, book, other
    /// 请示, 报告, 函, 纪要 (会议纪要), 提案, 批复.
    case request, report, letter, minutes, proposal, reply
}

public struct TitleValue: Sendable, Hashable, Codable {
    /// The title without its outer brackets; inner `〈〉`/`<>` kept as written.
    public var title: String
    public var category: TitleCategory
    /// A normalized key (width-folded, inner brackets and white space removed) so the same title
    /// counts as one across documents.
    public var key: String
    /// Titles nested inside this one (`《关于<遂宁市……方案>的通知》`), without brackets.
    public var nested: [String]

    public init(title: String, category: TitleCategory, key: String, nested: [String] = []) {
        self.title = title
        self.category = category
        self.key = key
        self.nested = nested
    }
}

public struct DocumentNumberValue: Sendable, Hashable, Codable {
    /// 机关代字, e.g. `国办发`, `遂科技党组`.
    public var issuer: String
    /// Gregorian year; nil when the number does not say (a 民國 serial without the year convention).
    public var year: Int?
    /// 发文顺序号.
    public var serial: Int

    public init(issuer: String, year: Int?, serial: Int) {
        self.issuer = issuer
        self.year = year
        self.serial = serial
    }
}

public struct PercentageValue: Sendable, Hashable, Codable {
    /// Exact decimal string: `"10.3"` for `10.3%`, `"40"` for `百分之四十`.
    public var value: String
    /// `percent` or `percentagePoint` (`个百分点`).
    public var unit: String

    public init(value: String, unit: String) {
        self.value = value
        self.unit = unit
    }
}

public struct PhoneValue: Sendable, Hashable, Codable {
    /// Digits with the area-code dash kept: `0825-2655068`, `13800138000`.
    public var number: String

    public init(number: String) { self.number = number }
}

public struct EmailValue: Sendable, Hashable, Codable {
    public var address: String

    public init(address: String) { self.address = address }
}
