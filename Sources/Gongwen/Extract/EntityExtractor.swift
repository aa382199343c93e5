/// An entity as an extractor finds it: a range of the normalized text and its resolved value.
/// The document assembler maps the range to the source, takes `text` from the source, and adds
/// the section path.
package struct FoundEntity: Sendable, Hashable {
    package var range: Range<Int>
    package var value: EntityValue

    package init(range: Range<Int>, value: EntityValue) {
        self.range = range
        self.value = value
    }
}

/// The date partial dates are resolved against, and where it came from.
package struct DateAnchor: Sendable, Hashable {
    package var date: CalendarDate
    /// `dateline`, `signatureDate` or `option`.
    package var kind: String
    /// Where the closing part of the document (the signature date and what follows) starts, in
    /// normalized coordinates: dates before it take their year from evidence before it.
    package var closingStart: Int?
    /// The line the anchor was read from: its date is the anchor, not narrative evidence.
    package var block: Range<Int>?

    package init(date: CalendarDate, kind: String, closingStart: Int? = nil, block: Range<Int>? = nil) {
        self.date = date
        self.kind = kind
        self.closingStart = closingStart
        self.block = block
    }
}

/// What every extractor sees.
package struct ExtractionContext: Sendable {
    package var text: NormalizedText
    /// The document's own date, when the front matter or closing gives one (else the caller's).
    package var anchor: DateAnchor?

    package init(text: NormalizedText, anchor: DateAnchor?) {
        self.text = text
        self.anchor = anchor
    }
}

package struct ExtractionResult: Sendable {
    package var entities: [FoundEntity] = []
    package var diagnostics: [FoundDiagnostic] = []

    package init() {}
}

/// One kind of entity. Extractors run on the normalized text, one pass each.
package protocol EntityExtractor: Sendable {
    func extract(_ context: ExtractionContext, into result: inout ExtractionResult)
}

/// Runs all extractors, resolves overlaps, and returns entities in source order.
///
/// Overlap rule (applied to everything but titles):
/// 1. The longer entity wins (`2020年5月12日至2020年7月31日` is one range, not two dates;
///    `共计40余人` is one count; `遂科技党组[2020]20号` beats anything inside it).
/// 2. At equal length the more specific kind wins, in this order: dateRange, date, documentNumber,
///    money, percentage, personCount, phone, email.
/// 3. At equal length and kind, the earlier one wins.
/// Titles (`《…》`) are a layer of their own: a title may contain other entities (a year or a
/// document number inside a cited title is still a fact), but an entity that crosses a title's
/// bracket is dropped. Diagnostics are de-duplicated by code and range.
package enum EntityExtraction {
    package static let extractors: [any EntityExtractor] = [
        DateExtractor(), QuantityExtractor(), TitleExtractor(),
        DocumentNumberExtractor(), PercentageExtractor(), ContactExtractor(),
    ]

    package static func run(_ context: ExtractionContext) -> ExtractionResult {
        var raw = ExtractionResult()
        for e in extractors { e.extract(context, into: &raw) }
        return resolve(raw)
    }

    @inline(__always) static func priority(_ v: EntityValue) -> Int {
        switch v {
        case .dateRange: 0
        case .date: 1
        case .documentNumber: 2
        case .money: 3
        case .percentage: 4
        case .personCount: 5
        case .phone: 6
        case .email: 7
        case .title: 8
        }
    }

    static func resolve(_ raw: ExtractionResult) -> ExtractionResult {
        var titles: [FoundEntity] = []
        var others: [FoundEntity] = []
        for e in raw.entities {
            if case .title = e.value { titles.append(e) } else { others.append(e) }
        }
        titles.sort { $0.range.lowerBound < $1.range.lowerBound }
        others.sort { a, b in
            let la = a.range.count, lb = b.range.count
            if la != lb { return la > lb }
            let pa = priority(a.value), pb = priority(b.value)
            if pa != pb { return pa < pb }
            return a.range.lowerBound < b.range.lowerBound
        }
        // Occupied normalized positions (entities are short: checking is O(total entity length)).
        var end = 0
        for e in others { end = max(end, e.range.upperBound) }
        // One bit per position (a Bool per scalar of the text was a memset of the whole text per document).
        var taken = [UInt64](repeating: 0, count: (end + 63) / 64)
        func crossesTitle(_ r: Range<Int>) -> Bool {
            var lo = 0, hi = titles.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if titles[mid].range.upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var k = lo
            while k < titles.count && titles[k].range.lowerBound < r.upperBound {
                let tr = titles[k].range
                if !(tr.lowerBound < r.lowerBound && r.upperBound < tr.upperBound) { return true }
                k += 1
            }
            return false
        }
        var kept: [FoundEntity] = []
        kept.reserveCapacity(others.count)
        outer: for e in others where !e.range.isEmpty && e.range.lowerBound >= 0 {
            for k in e.range where taken[k >> 6] & (1 << UInt64(k & 63)) != 0 { continue outer }
            if !titles.isEmpty && crossesTitle(e.range) { continue }
            for k in e.range { taken[k >> 6] |= 1 << UInt64(k & 63) }
            kept.append(e)
        }
        var out = ExtractionResult()
        out.entities = kept + titles
        out.entities.sort { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.count != b.range.count { return a.range.count > b.range.count }
            return priority(a.value) < priority(b.value)
        }
        var seen = Set<FoundDiagnostic>()
        for d in raw.diagnostics where seen.insert(d).inserted { out.diagnostics.append(d) }
        out.diagnostics.sort { ($0.range?.lowerBound ?? -1) < ($1.range?.lowerBound ?? -1) }
        return out
    }
}
