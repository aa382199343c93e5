/// An exact non-negative decimal: `significand / 10^scale`. Every amount and percentage the
/// extractors produce goes through this type, never through `Double`. Arithmetic reports
/// overflow by returning `nil` (the caller turns that into a `number.overflow` diagnostic).
package struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var significand: UInt64
    /// Number of fractional digits in `significand`.
    package var scale: Int

    package init(significand: UInt64, scale: Int = 0) {
        self.significand = significand
        self.scale = scale
    }

    package static let zero = ExactDecimal(significand: 0)

    @inline(__always)
    static func pow10(_ p: Int) -> UInt64? {
        guard p >= 0, p <= 19 else { return nil }
        var r: UInt64 = 1
        for _ in 0..<p { r &*= 10 }
        return r
    }

    /// Appends one decimal digit to the significand (`12` → `123`); nil on overflow.
    @inline(__always)
    package func appendingDigit(_ d: Int) -> ExactDecimal? {
        let (m, o1) = significand.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(UInt64(d))
        if o1 || o2 { return nil }
        return ExactDecimal(significand: a, scale: scale)
    }

    /// Multiplied by `10^p` (p ≥ 0): consumes fractional digits first, so `548.74 × 10^4` is exact.
    package func timesPowerOfTen(_ p: Int) -> ExactDecimal? {
        if p <= scale { return ExactDecimal(significand: significand, scale: scale - p).reduced() }
        guard let f = ExactDecimal.pow10(p - scale) else { return significand == 0 ? .zero : nil }
        let (m, o) = significand.multipliedReportingOverflow(by: f)
        if o { return nil }
        return ExactDecimal(significand: m, scale: 0)
    }

    package func adding(_ other: ExactDecimal) -> ExactDecimal? {
        var a = self, b = other
        while a.scale < b.scale { guard let x = a.appendingDigit(0) else { return nil }; a = ExactDecimal(significand: x.significand, scale: a.scale + 1) }
        while b.scale < a.scale { guard let x = b.appendingDigit(0) else { return nil }; b = ExactDecimal(significand: x.significand, scale: b.scale + 1) }
        let (s, o) = a.significand.addingReportingOverflow(b.significand)
        if o { return nil }
        return ExactDecimal(significand: s, scale: a.scale).reduced()
    }

    /// Trailing fractional zeros removed (`1.50` → `1.5`).
    package func reduced() -> ExactDecimal {
        var m = significand, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        return ExactDecimal(significand: m, scale: s)
    }

    package var isInteger: Bool { reduced().scale == 0 }

    /// The value as an `Int` when it is an integer that fits.
    package var intValue: Int? {
        let r = reduced()
        guard r.scale == 0, r.significand <= UInt64(Int.max) else { return nil }
        return Int(r.significand)
    }

    /// Plain decimal notation without exponent or trailing zeros: `5487400`, `0.5`, `10.3`.
    package var description: String {
        let r = reduced()
        var digits = String(r.significand)
        if r.scale == 0 { return digits }
        if digits.count <= r.scale { digits = String(repeating: "0", count: r.scale - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -r.scale)
        return String(digits[..<cut]) + "." + String(digits[cut...])
    }

    package static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        var x = a.reduced(), y = b.reduced()
        // Compare at a common scale; on overflow fall back to comparing integer parts.
        while x.scale < y.scale {
            guard let t = x.appendingDigit(0) else { return x.significand / (pow10(x.scale) ?? 1) < y.significand / (pow10(y.scale) ?? 1) }
            x = ExactDecimal(significand: t.significand, scale: x.scale + 1)
        }
        while y.scale < x.scale {
            guard let t = y.appendingDigit(0) else { return x.significand / (pow10(x.scale) ?? 1) < y.significand / (pow10(y.scale) ?? 1) }
            y = ExactDecimal(significand: t.significand, scale: y.scale + 1)
        }
        return x.significand < y.significand
    }

    package static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let x = a.reduced(), y = b.reduced()
        return x.significand == y.significand && x.scale == y.scale
    }

    package func hash(into h: inout Hasher) {
        let r = reduced()
        h.combine(r.significand)
        h.combine(r.scale)
    }
}
