/// A fact found in the text, resolved to a value, with the exact source text it came from.
///
/// `text` is always the source text at `span` (a test checks it across the corpus), so a value can
/// be checked against the document without trusting the parser. The kind is the value's case:
/// nothing here repeats the value.
public struct Entity: Sendable, Hashable {
    /// Index in document order, from 0: stable for the same input on every run.
    public var id: Int
    /// The source text at `span`, exactly.
    public var text: String
    public var span: TextSpan
    public var value: EntityValue
    /// Markers of the sections that contain the entity, outermost first (`["二、", "（一）", "问题1."]`).
    public var sectionPath: [String]
    /// The `Section.id` of the innermost section containing the entity, nil outside every section.
    public var sectionId: String?

    public init(id: Int = 0, text: String, span: TextSpan, value: EntityValue, sectionPath: [String] = [], sectionId: String? = nil) {
        self.id = id
        self.text = text
        self.span = span
        self.value = value
        self.sectionPath = sectionPath
        self.sectionId = sectionId
    }

    public var kind: EntityKind { value.kind }
}

/// What an entity is; the JSON `kind`, and always the case of its value.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case date, dateRange, money, personCount, title, documentNumber, percentage, phone, email
}

/// The resolved value of an entity.
public indirect enum EntityValue: Sendable, Hashable {
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

/// How much of a date the text gives: a day, a month, or a year.
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day, month, year
}

/// A date at day, month or year precision, written as ISO 8601 (`2016-05-11`, `2016-05`, `2016`).
public struct PartialDate: Sendable, Hashable, Comparable, TextCodable {
    public var year: Int
    public var month: Int?
    /// Only with a month.
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Reads `2016`, `2016-05`, `2016-05-11`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        // Four or more year digits, two for month and day: the form `description` writes.
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              parts[0].utf8.count >= 4, parts.dropFirst().allSatisfy({ $0.utf8.count == 2 }),
              let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil, d = parts.count > 2 ? Int(parts[2]) : nil
        if let m, !(1...12).contains(m) { return nil }
        if let m, let d, !(1...CalendarDate.daysIn(month: m, year: y)).contains(d) { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }

    /// The first day it covers: `2016` → `2016-01-01`.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day it covers: `2016-02` → `2016-02-29`.
    public var lastDay: CalendarDate {
        let m = month ?? 12
        return CalendarDate(year: year, month: m, day: day ?? CalendarDate.daysIn(month: m, year: year))
    }

    public var description: String {
        var s = CalendarDate.pad(year, 4)
        if let month { s += "-" + CalendarDate.pad(month, 2) }
        if let day { s += "-" + CalendarDate.pad(day, 2) }
        return s
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    public init?(codableText: String) { self.init(iso: codableText) }
}

/// Part of the day written beside a date (`下午`).
public enum PartOfDay: String, Sendable, Hashable, Codable, CaseIterable {
    /// 凌晨.
    case earlyMorning
    case morning, noon, afternoon, evening
}

/// The calendar a date was written in, when it is not the Gregorian one: its year is converted
/// (民國93年 → 2004) and the era kept so that the source can be read back.
public enum CalendarEra: String, Sendable, Hashable, Codable, CaseIterable {
    /// The Republic of China (民國) calendar: year 1 is 1912.
    case minguo
}

/// A part of a date that came from context rather than from the text.
public enum DateField: String, Sendable, Hashable, Codable, CaseIterable {
    case year, month
}

/// The evidence a partial date was resolved against.
public enum DateAnchorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A web page's publication line.
    case dateline
    /// The document's 成文日期.
    case signatureDate
    /// An earlier explicit date or year in the text.
    case previousDate
    /// `ParseOptions.anchorDate`, given by the caller.
    case option
    /// The nearest explicit date or year after it, when nothing before it resolves it.
    case nextDate
    /// The weekday written beside it (`2月7日（星期日）`) picked the year.
    case weekday
}

/// What a date took from its context, and from where.
public struct DateInference: Sendable, Hashable, Codable {
    /// The parts taken from context.
    public var fields: [DateField]
    /// The evidence's own date.
    public var from: PartialDate
    public var anchor: DateAnchorKind

    public init(fields: [DateField], from: PartialDate, anchor: DateAnchorKind) {
        self.fields = fields
        self.from = from
        self.anchor = anchor
    }
}

/// A single date (`2016年5月11日`, `5月11日下午`, `今年`), resolved to ISO at its precision.
public struct DateValue: Sendable, Hashable, Codable {
    /// ISO 8601 at its precision: `2016-05-11`, `2016-05`, `2016`.
    public var date: PartialDate
    public var precision: DatePrecision
    /// The first and last day the date covers, so that dates of any precision filter as days.
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    /// Time of day when written (`11:24`), 24-hour `HH:mm`.
    public var time: String?
    public var partOfDay: PartOfDay?
    /// Set when the year or month came from context.
    public var inferred: DateInference?
    /// Set when the text wrote the date in another calendar (`中華民國六十年五月一日`).
    public var era: CalendarEra?

    public init(date: PartialDate, time: String? = nil, partOfDay: PartOfDay? = nil, inferred: DateInference? = nil, era: CalendarEra? = nil) {
        self.date = date
        self.precision = date.precision
        self.firstDay = date.firstDay
        self.lastDay = date.lastDay
        self.time = time
        self.partOfDay = partOfDay
        self.inferred = inferred
        self.era = era
    }
}

/// A span of dates (`9月23—24日`, `2020年5月12日至7月31日`) or a named period (`第二季度`).
public struct DateRangeValue: Sendable, Hashable, Codable {
    /// First day/month/year of the range.
    public var start: PartialDate
    /// Last day/month/year of the range (inclusive).
    public var end: PartialDate
    public var precision: DatePrecision
    /// `start`'s first day and `end`'s last day.
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    public var inferred: DateInference?
    /// For a relative or named period (`今年初`, `第二季度`, `“十二五”期间`), what it was read as.
    public var period: DatePeriod?
    /// Set when the text wrote the range in another calendar.
    public var era: CalendarEra?

    public init(start: PartialDate, end: PartialDate, precision: DatePrecision, inferred: DateInference? = nil, period: DatePeriod? = nil,
                era: CalendarEra? = nil) {
        self.start = start
        self.end = end
        self.precision = precision
        self.firstDay = start.firstDay
        self.lastDay = end.lastDay
        self.inferred = inferred
        self.period = period
        self.era = era
    }
}

/// The word that makes a quantity approximate.
public enum ApproximationQualifier: String, Sendable, Hashable, Codable, CaseIterable {
    case yu = "余", duo = "多", jin = "近", yue = "约", zuoyou = "左右", yishang = "以上"
    case chao = "超", chaoguo = "超过", yi = "逾", shu = "数"
    /// `几十人`, `十几万元`: a few (tens, units).
    case ji = "几"
    /// `上百人`, `上万元`: as many as.
    case shang = "上"
}

/// An amount of money (`548.74万元`, `人民币伍拾万元整`), exact, in units of its currency.
public struct MoneyValue: Sendable, Hashable, Codable {
    /// Exact, in units of the currency (`5487400` for `548.74万元`).
    public var amount: ExactDecimal
    /// Upper bound of a range (`10万—50万元`).
    public var amountMax: ExactDecimal?
    public var currency: Currency
    public var approximate: Bool
    public var qualifier: ApproximationQualifier?
    /// The unit of a rate: `人` for `399.5元/人`, `人·天`, `亩`. A rate is not a sum: keep it apart from totals.
    public var per: String?

    public init(amount: ExactDecimal, amountMax: ExactDecimal? = nil, currency: Currency = .cny, qualifier: ApproximationQualifier? = nil, per: String? = nil) {
        self.amount = amount
        self.amountMax = amountMax
        self.currency = currency
        self.approximate = qualifier != nil
        self.qualifier = qualifier
        self.per = per
    }
}

/// What a count of people counts.
public enum PersonUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case person = "人", personTime = "人次", ming = "名", wei = "位"
}

/// Who the people counted are.
public enum PersonRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// People who attended (参加, 出席, 实到, 参会, 与会, 列席, 到会).
    case attendance
    /// People expected to attend (应出席, 应到).
    case expected
    /// People absent (缺席, 请假).
    case absent
}

/// A count of people (`共43人参加`, `57人次`).
public struct PersonCountValue: Sendable, Hashable, Codable {
    public var count: Int
    /// Upper bound of a range (`30-40人`, `三十至四十人`): `count` is the lower bound.
    public var countMax: Int?
    public var unit: PersonUnit
    public var approximate: Bool
    public var qualifier: ApproximationQualifier?
    public var role: PersonRole?

    public init(count: Int, countMax: Int? = nil, qualifier: ApproximationQualifier? = nil, unit: PersonUnit, role: PersonRole? = nil) {
        self.count = count
        self.countMax = countMax
        self.unit = unit
        self.approximate = qualifier != nil
        self.qualifier = qualifier
        self.role = role
    }
}

/// What kind of document a cited title names, from its last word (`条例` → regulation).
public enum TitleCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case regulation, normative, plan, speech, book
    /// 请示.
    case request
    /// 报告.
    case report
    /// 函.
    case letter
    /// 纪要.
    case minutes
    /// 提案.
    case proposal
    /// 批复.
    case reply
    case other
}

/// A cited title in 《…》.
public struct TitleValue: Sendable, Hashable, Codable {
    /// The title without its outer brackets, in the characters of the source.
    public var title: String
    public var category: TitleCategory
    /// A normalized key (width-folded, inner brackets and white space removed) so that the same
    /// title counts as one across documents.
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

/// A 发文字号 such as `国办发〔2012〕12号`.
public struct DocumentNumberValue: Sendable, Hashable, Codable {
    /// 机关代字, e.g. `国办发`, `遂科技党组`.
    public var issuer: String
    /// The year in 〔〕; nil when the number does not write one.
    public var year: Int?
    /// 发文顺序号.
    public var serial: Int

    public init(issuer: String, year: Int?, serial: Int) {
        self.issuer = issuer
        self.year = year
        self.serial = serial
    }
}

/// A percentage proper, or a difference in percentage points.
public enum PercentageUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// `10.3%`, `百分之四十`.
    case percent
    /// `个百分点`.
    case percentagePoint
    /// `10.5‰`, `千分之五`.
    case permille
}

/// A percentage (`10.3%`, `百分之四十`, `2个百分点`).
public struct PercentageValue: Sendable, Hashable, Codable {
    /// `10.3` for `10.3%`, `40` for `百分之四十`.
    public var value: ExactDecimal
    public var unit: PercentageUnit

    public init(value: ExactDecimal, unit: PercentageUnit) {
        self.value = value
        self.unit = unit
    }
}

/// A telephone number in a contact line.
public struct PhoneValue: Sendable, Hashable, Codable {
    /// Digits with the area-code dash kept: `0825-2655068`, `13800138000`.
    public var number: String

    public init(number: String) { self.number = number }
}

/// An e-mail address in a contact line.
public struct EmailValue: Sendable, Hashable, Codable {
    public var address: String

    public init(address: String) { self.address = address }
}
