/// Complete-date forms built from `DatePieces`, for the readers that need a whole date and no
/// context: the numeric forms (`2016-05-11`, `2016/5/11`, `2016.5.11`, day-first `19.05.2016`,
/// `2010 01 29`, ISO datetimes `2016-05-11T10:00:00`), and `Y年M月D日` in any numerals
/// (`二〇二一年一月二十五日`, `中華民國六十年五月一日`). The date extractor reads its numeric forms
/// here; the anchor finder and the dateline test read whole lines with `firstFullDate`.
enum DateForms {
    struct Numeric {
        var date: CalendarDate
        var time: String?
        var end: Int
        /// `2020-13-45`: the shape of a date, not a day.
        var invalid: Bool
    }

    /// A numeric date at `i` (which must be a digit not inside a number).
    static func numeric(_ t: Scan, at i: Int) -> Numeric? {
        guard let (a, ae) = Numerals.digits(t, at: i, min: 1, max: 4) else { return nil }
        let sep = t[ae]
        guard sep == "." || sep == "-" || sep == "/" || sep == " " else { return nil }
        var y: Int, m: Int, d: Int, ce: Int
        if sep == " " {
            // `2010 01 29`: only with a four-digit year and two-digit month and day.
            guard ae - i == 4, let (b, be) = Numerals.digits(t, at: ae + 1, min: 2, max: 2), t[be] == " ",
                  let (c, e) = Numerals.digits(t, at: be + 1, min: 2, max: 2) else { return nil }
            y = a; m = b; d = c; ce = e
            if t[ce] == " " && t.isDigit(ce + 1) && !t.isDigit(ce + 3) && t[ce + 3] != ":" { return nil }
        } else {
            guard let (b, be) = Numerals.digits(t, at: ae + 1, min: 1, max: 2), t[be] == sep,
                  let (c, e) = Numerals.digits(t, at: be + 1, min: 1, max: 4) else { return nil }
            ce = e
            if t[ce] == sep && t.isDigit(ce + 1) { return nil }
            if t[ce] == "." && t.isDigit(ce + 1) { return nil }
            if ae - i == 4 && ce - (be + 1) <= 2 { y = a; m = b; d = c }
            else if sep == "." && ae - i <= 2 && ce - (be + 1) == 4 { d = a; m = b; y = c }
            else { return nil }
        }
        // A four-digit year in the ISO shape reaches back further than a year before 年 does.
        let minYear = (sep == "-" || sep == "/") && ae - i == 4 ? 1000 : 1800
        guard y >= minYear && y <= 2199 else { return nil }
        if t.isASCIILetter(ce) && t[ce] != "T" { return nil }
        let date = CalendarDate(year: y, month: m, day: d)
        guard DatePieces.valid(y, m, d) else { return Numeric(date: date, time: nil, end: ce, invalid: true) }
        var end = ce
        var time: String?
        var k = t.skipSpaces(ce, limit: 4)
        if t[ce] == "T" && t.isDigit(ce + 1) { k = ce + 1 }
        if let (tm, te) = DatePieces.clock(t, at: k, partOfDay: nil) {
            time = tm; end = te
            if t[end] == "Z" { end += 1 }
            else if (t[end] == "+" || t[end] == "-"), Numerals.digits(t, at: end + 1, min: 2, max: 2) != nil, t[end + 3] == ":",
                    let (_, ze) = Numerals.digits(t, at: end + 4, min: 2, max: 2) { end = ze }
        } else if t[ce] == "T" { return nil }
        return Numeric(date: date, time: time, end: end, invalid: false)
    }

    /// `Y年M月D日` at `i` with an explicit year in any numerals, Gregorian or 民國 (the era word
    /// must then stand at `i`). Returns the date and end.
    static func written(_ t: Scan, at i: Int) -> (CalendarDate, Int)? {
        var k = i
        let era = DatePieces.minguoWord(t, at: i)
        let year: DatePieces.Year?
        if era > 0 { k += era; year = DatePieces.minguoYear(t, at: k) } else { year = DatePieces.gregorianYear(t, at: k) }
        guard let y = year, !y.fiscal else { return nil }
        guard let m = DatePieces.month(t, at: t.skipSpaces(y.end, limit: 1)), !m.fen,
              let d = DatePieces.day(t, at: t.skipSpaces(m.end, limit: 1)) else { return nil }
        let date = CalendarDate(year: y.value, month: m.value, day: d.value)
        return date.isValid ? (date, d.end) : nil
    }

    /// The first complete date in `s[r]` (numeric or written), and where it ends.
    static func firstFullDate(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (CalendarDate, Range<Int>)? {
        let t = Scan(Array(s[r]))
        var i = 0
        while i < t.n {
            if (t.isDigit(i) && !t.isDigit(i - 1)), let n = numeric(t, at: i), !n.invalid {
                return (n.date, (r.lowerBound + i)..<(r.lowerBound + n.end))
            }
            if !t.inNumber(i - 1) || DatePieces.minguoWord(t, at: i) > 0, let (d, e) = written(t, at: i) {
                return (d, (r.lowerBound + i)..<(r.lowerBound + e))
            }
            i += 1
        }
        return nil
    }
}
