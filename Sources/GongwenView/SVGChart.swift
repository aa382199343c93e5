import Gongwen

/// Charts as inline SVG, drawn here (no library, nothing loaded). Geometry only uses `Double`;
/// the numbers people read are the exact `display` strings, and every chart has a table beside it.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Double
        var display: String
    }

    static let width = 600.0

    static func shortened(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    /// Horizontal bars, one row per item, scaled to the largest value.
    static func bars(id: String, title: String, _ bars: [Bar], colour: String = "#3b6fb6") -> String {
        let labelWidth = 200.0, valueWidth = 120.0, row = 24.0
        let height = Double(bars.count) * row + 10
        let maxValue = bars.map(\.value).max() ?? 0
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-t\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(id)-t\">\(HTML.escape(title))</title>"
        for (i, b) in bars.enumerated() {
            let y = 5 + Double(i) * row
            let w = maxValue > 0 ? max(1, (width - labelWidth - valueWidth) * b.value / maxValue) : 0
            s += "<g><title>\(HTML.escape(b.label)): \(HTML.escape(b.display))</title>"
            s += "<text x=\"\(Int(labelWidth) - 6)\" y=\(q(y + 15)) text-anchor=\"end\" font-size=\"13\" fill=\"#222\">\(HTML.escape(shortened(b.label, 14)))</text>"
            s += "<rect x=\"\(Int(labelWidth))\" y=\(q(y + 3)) width=\(q(w)) height=\"15\" fill=\"\(colour)\" rx=\"2\"/>"
            s += "<text x=\(q(labelWidth + w + 5)) y=\(q(y + 15)) font-size=\"12\" fill=\"#222\">\(HTML.escape(b.display))</text></g>"
        }
        return s + "</svg>"
    }

    struct Lane {
        var label: String
        /// Day numbers (see `dayNumber`), inclusive.
        var spans: [(first: Int, last: Int, text: String)]
    }

    /// One lane per document, a dot per day and a bar per longer span, over a shared time axis.
    static func timeline(id: String, title: String, _ lanes: [Lane]) -> String {
        let labelWidth = 170.0, right = 20.0, row = 22.0, axis = 24.0
        let all = lanes.flatMap(\.spans)
        guard let lo = all.map(\.first).min(), let hi = all.map(\.last).max() else { return "" }
        let span = Double(max(hi - lo, 1))
        let plot = width - labelWidth - right
        func x(_ day: Int) -> Double { labelWidth + plot * Double(day - lo) / span }
        let height = Double(lanes.count) * row + axis + 6
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-t\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(id)-t\">\(HTML.escape(title))</title>"
        // Year ticks (months when everything falls within about a year).
        let first = civil(lo), last = civil(hi)
        var ticks: [(Int, String)] = []
        if last.year - first.year >= 2 {
            let step = max(1, (last.year - first.year) / 8)
            var y = first.year + 1
            while y <= last.year { ticks.append((dayNumber(CalendarDate(year: y, month: 1, day: 1)), String(y))); y += step }
        } else {
            var (y, m) = (first.year, first.month + 1)
            var n = 0
            while n < 30 {
                if m > 12 { m = 1; y += 1 }
                let d = dayNumber(CalendarDate(year: y, month: m, day: 1))
                if d > hi { break }
                ticks.append((d, "\(y)-\(m < 10 ? "0" : "")\(m)"))
                m += 1; n += 1
            }
            if ticks.count > 12 { ticks = ticks.enumerated().filter { $0.offset % 3 == 0 }.map(\.element) }
        }
        let bottom = Double(lanes.count) * row + 4
        for (d, label) in ticks {
            s += "<line x1=\(q(x(d))) x2=\(q(x(d))) y1=\"0\" y2=\(q(bottom)) stroke=\"#ddd\"/>"
            s += "<text x=\(q(x(d))) y=\(q(bottom + 16)) font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">\(label)</text>"
        }
        for (i, lane) in lanes.enumerated() {
            let y = 4 + Double(i) * row + row / 2
            s += "<text x=\"\(Int(labelWidth) - 6)\" y=\(q(y + 4)) text-anchor=\"end\" font-size=\"12\" fill=\"#222\">\(HTML.escape(shortened(lane.label, 12)))</text>"
            s += "<line x1=\"\(Int(labelWidth))\" x2=\(q(width - right)) y1=\(q(y)) y2=\(q(y)) stroke=\"#eee\"/>"
            for e in lane.spans {
                let tip = "<title>\(HTML.escape(e.text)) (\(civil(e.first))\(e.last != e.first ? " … \(civil(e.last))" : ""))</title>"
                if e.last - e.first < 2 {
                    s += "<circle cx=\(q(x(e.first))) cy=\(q(y)) r=\"3.5\" fill=\"#1c6fb8\" fill-opacity=\"0.75\">\(tip)</circle>"
                } else {
                    s += "<rect x=\(q(x(e.first))) y=\(q(y - 4)) width=\(q(max(2, x(e.last) - x(e.first)))) height=\"8\" fill=\"#5a3fc0\" fill-opacity=\"0.55\" rx=\"2\">\(tip)</rect>"
                }
            }
        }
        return s + "</svg>"
    }

    private static func q(_ v: Double) -> String { "\"" + String(Double(Int(v * 10)) / 10) + "\"" }

    /// Days since 1970-01-01 (proleptic Gregorian).
    static func dayNumber(_ d: CalendarDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ n: Int) -> CalendarDate {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
