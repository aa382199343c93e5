/// A day in the Gregorian calendar, written as ISO 8601 (`2016-05-11`).
public struct CalendarDate: Sendable, Hashable, Comparable, TextCodable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2016-05-11`; nil for anything else or a day that does not exist.
    public init?(iso: String) {
        guard let d = PartialDate(iso: iso), let m = d.month, let day = d.day else { return nil }
        self.init(year: d.year, month: m, day: day)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601, `2016-05-11`.
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width || n < 0 ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Whether the day exists (leap years included).
    public var isValid: Bool {
        guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
        return day <= CalendarDate.daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init?(codableText: String) { self.init(iso: codableText) }
}
