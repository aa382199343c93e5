/// An exact non-negative decimal, `significand / 10^scale`, of at most 38 significant digits.
///
/// Every amount and percentage goes through this type, never through `Double`, so that sums over a
/// corpus are exact. It encodes as a plain decimal string (`"5487400"`, `"0.5"`). Arithmetic that
/// would pass 38 digits returns `nil`; the extractors turn that into a `number.overflow` diagnostic
/// and no value.
public struct ExactDecimal: Sendable, Hashable, Comparable, TextCodable {
    /// The digits, without the decimal point.
    public private(set) var significand: UInt128
    /// Number of fractional digits in `significand`.
    public private(set) var scale: Int

    /// The largest significand: 38 nines.
    public static let maxSignificand: UInt128 = 99_999_999_999_999_999_999_999_999_999_999_999_999

    public static let zero = ExactDecimal(significand: 0)

    /// `significand / 10^scale`; a significand past 38 digits is clamped by callers, never here.
    public init(significand: UInt128, scale: Int = 0) {
        self.significand = significand
        self.scale = scale
    }

    init(wide significand: UInt128, scale: Int) {
        self.init(significand: significand, scale: scale)
    }

    /// Reads plain decimal notation (`"12"`, `"548.74"`, `"0.05"`); nil for anything else or more
    /// than 38 significant digits.
    public init?(_ text: String) {
        var m: UInt128 = 0, scale = 0, seenPoint = false, digits = 0, any = false
        for b in text.utf8 {
            if b == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return nil }
            any = true
            if m != 0 || b != 0x30 { digits += 1 }
            guard digits <= 38 else { return nil }
            m = m * 10 + UInt128(b - 0x30)
            if seenPoint { scale += 1 }
        }
        guard any else { return nil }
        self.init(wide: m, scale: scale)
        self = reduced()
    }

    @inline(__always)
    static func pow10(_ p: Int) -> UInt128? {
        guard p >= 0, p <= 38 else { return nil }
        var r: UInt128 = 1
        for _ in 0..<p { r &*= 10 }
        return r
    }

    /// Appends one decimal digit to the significand (`12` → `123`); nil past 38 digits.
    @inline(__always)
    package func appendingDigit(_ d: Int) -> ExactDecimal? {
        let (m, o1) = significand.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(UInt128(d))
        if o1 || o2 || a > Self.maxSignificand { return nil }
        return ExactDecimal(wide: a, scale: scale)
    }

    /// Multiplied by `10^p` (p ≥ 0): consumes fractional digits first, so `548.74 × 10^4` is exact.
    package func timesPowerOfTen(_ p: Int) -> ExactDecimal? {
        if p <= scale { return ExactDecimal(wide: significand, scale: scale - p).reduced() }
        guard let f = ExactDecimal.pow10(p - scale) else { return significand == 0 ? .zero : nil }
        let (m, o) = significand.multipliedReportingOverflow(by: f)
        if o || m > Self.maxSignificand { return nil }
        return ExactDecimal(wide: m, scale: 0)
    }

    package func adding(_ other: ExactDecimal) -> ExactDecimal? {
        var a = self, b = other
        while a.scale < b.scale { guard let x = a.appendingDigit(0) else { return nil }; a = ExactDecimal(wide: x.significand, scale: a.scale + 1) }
        while b.scale < a.scale { guard let x = b.appendingDigit(0) else { return nil }; b = ExactDecimal(wide: x.significand, scale: b.scale + 1) }
        let (s, o) = a.significand.addingReportingOverflow(b.significand)
        if o || s > Self.maxSignificand { return nil }
        return ExactDecimal(wide: s, scale: a.scale).reduced()
    }

    /// Trailing fractional zeros removed (`1.50` → `1.5`).
    package func reduced() -> ExactDecimal {
        var m = significand, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        return ExactDecimal(wide: m, scale: s)
    }

    public var isInteger: Bool { reduced().scale == 0 }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        let r = reduced()
        guard r.scale == 0, r.significand <= UInt128(Int.max) else { return nil }
        return Int(r.significand)
    }

    /// Plain decimal notation without exponent or trailing zeros: `5487400`, `0.5`, `10.3`.
    public var description: String {
        let r = reduced()
        var digits = String(r.significand)
        if r.scale == 0 { return digits }
        if digits.count <= r.scale { digits = String(repeating: "0", count: r.scale - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -r.scale)
        return String(digits[..<cut]) + "." + String(digits[cut...])
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let x = a.reduced(), y = b.reduced()
        let ix = x.significand / (pow10(x.scale) ?? 1), iy = y.significand / (pow10(y.scale) ?? 1)
        if ix != iy { return ix < iy }
        // Equal integer parts: compare the fractions at a common scale (at most 38 digits each).
        let fx = x.significand % (pow10(x.scale) ?? 1), fy = y.significand % (pow10(y.scale) ?? 1)
        let s = max(x.scale, y.scale)
        let (px, ox) = fx.multipliedReportingOverflow(by: pow10(s - x.scale) ?? 1)
        let (py, oy) = fy.multipliedReportingOverflow(by: pow10(s - y.scale) ?? 1)
        if ox || oy { return x.scale < y.scale }
        return px < py
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let x = a.reduced(), y = b.reduced()
        return x.significand == y.significand && x.scale == y.scale
    }

    public func hash(into h: inout Hasher) {
        let r = reduced()
        h.combine(r.significand)
        h.combine(r.scale)
    }

    public init?(codableText: String) { self.init(codableText) }
}
