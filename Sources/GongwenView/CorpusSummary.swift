import Foundation
import Gongwen

/// One document as the report needs it: identity, date and the typed entities and diagnostics.
/// The JSON Lines reader fills it from a decoded `Document`; a `corpus.sqlite` reader fills it
/// from the documents, entities and diagnostics tables (see `CorpusSource`).
public struct ReportDocument: Sendable {
    public var id: String
    public var path: String?
    public var title: String?
    public var date: DocumentDate?
    public var issuer: String?
    public var entities: [Entity]
    public var diagnostics: [Diagnostic]

    public init(id: String, path: String?, title: String?, date: DocumentDate?, issuer: String?, entities: [Entity], diagnostics: [Diagnostic]) {
        self.id = id
        self.path = path
        self.title = title
        self.date = date
        self.issuer = issuer
        self.entities = entities
        self.diagnostics = diagnostics
    }

    public init(_ d: Document) {
        self.init(id: d.id, path: d.source.path, title: d.title, date: d.date, issuer: d.issuer, entities: d.entities, diagnostics: d.diagnostics)
    }

    /// The name people know the document by: its title, else its file name.
    public var name: String {
        if let title, !title.isEmpty { return title }
        if let path { return String(path.split(separator: "/").last ?? Substring(path)) }
        return id
    }
}

public enum ReportRecord: Sendable {
    case document(ReportDocument)
    case error(path: String?, code: ErrorCode, message: String)

    public init(_ record: GongwenRecord) {
        switch record {
        case .document(let d): self = .document(ReportDocument(d))
        case .error(let e): self = .error(path: e.source.path, code: e.code, message: e.message)
        }
    }
}

/// Where the records come from: JSON Lines today (`JSONLinesCorpus`), `corpus.sqlite` later.
///
/// A SQLite reader fills `ReportDocument` from the documents table (id, path, title, date and
/// where it came from, issuer), its entities (id, kind, text, span, section id and the value: for
/// the report at least money `amount`/`amountMax`/`currency`/`per`/`qualifier`, date and range
/// `firstDay`/`lastDay`, person count `count`/`countMax`/`unit`/`role`/`approximate`, title
/// `title`/`key`/`category` — or the value's JSON, decoded with `JSONDecoder` into `Entity`) and
/// its diagnostics (code, message, severity, span); error records become `.error`. `document` is
/// the full document (text and node tree) when the source has it, for `--views`; nil otherwise.
public protocol CorpusSource {
    /// Calls `body` once per record, in corpus order.
    func forEach(_ body: (_ record: ReportRecord, _ document: Document?) throws -> Void) throws
}

/// Everything the report shows, built one record at a time (the records themselves are not kept).
public struct CorpusSummary: Sendable {
    public struct DocumentRow: Sendable {
        public var id: String
        public var name: String
        public var path: String?
        public var year: Int?
        public var link: String?
        public var entities: Int
        public var diagnostics: Int
    }

    public struct TitleCount: Sendable {
        public var key: String
        /// The title as first written.
        public var title: String
        public var category: TitleCategory
        public var citations: Int
        /// Indices into `documents`, in corpus order, each once.
        public var documents: [Int]
    }

    public struct Money: Sendable {
        public var document: Int
        /// Sum of the amounts that are not rates, per currency (a range counts at its lower bound).
        public var totals: [String: ExactDecimal]
        public var amounts: Int
        /// Rates (`399.5元/人`): kept apart, never summed.
        public var rates: [(text: String, amount: ExactDecimal, currency: String, per: String)]
        /// A sum passed 38 digits: the total shown is a lower bound.
        public var overflow: Bool
    }

    public struct Event: Sendable {
        public var document: Int
        public var firstDay: CalendarDate
        public var lastDay: CalendarDate
        public var text: String
        public var kind: EntityKind
    }

    public struct Attendance: Sendable {
        public var document: Int
        public var counts: [(text: String, count: Int, countMax: Int?, approximate: Bool)]
        public var largest: Int { counts.map { $0.countMax ?? $0.count }.max() ?? 0 }
    }

    public private(set) var documents: [DocumentRow] = []
    public private(set) var errors: [(path: String?, code: String, message: String)] = []
    public private(set) var entitiesByKind: [EntityKind: Int] = [:]
    private var titleIndex: [String: Int] = [:]
    public private(set) var titles: [TitleCount] = []
    public private(set) var money: [Money] = []
    /// Totals per year of the document's own date (nil: undated), per currency.
    public private(set) var moneyByYear: [Int?: [String: ExactDecimal]] = [:]
    public private(set) var events: [Event] = []
    public private(set) var attendance: [Attendance] = []
    /// Numbering and outline diagnostics per document: document index → code → count.
    public private(set) var numbering: [(document: Int, codes: [String: Int])] = []

    public static let numberingCodes: [DiagnosticCode] = [.numberingGap, .numberingRepeated, .numberingDisorder, .outlineMissingLevel]

    public init() {}

    public init<S: Sequence>(records: S) where S.Element == ReportRecord {
        for r in records { add(r) }
    }

    public var errorsByCode: [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        for e in errors { counts[e.code, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Titles by citations, then by the number of citing documents, then by key.
    public var rankedTitles: [TitleCount] {
        titles.sorted { a, b in
            a.citations != b.citations ? a.citations > b.citations : a.documents.count != b.documents.count ? a.documents.count > b.documents.count : a.key < b.key
        }
    }

    public mutating func add(_ record: ReportRecord, viewLink: String? = nil) {
        switch record {
        case .error(let path, let code, let message):
            errors.append((path, code.rawValue, message))
        case .document(let d):
            add(d, viewLink: viewLink)
        }
    }

    private mutating func add(_ d: ReportDocument, viewLink: String?) {
        let index = documents.count
        let year = d.date?.date.year
        documents.append(DocumentRow(id: d.id, name: d.name, path: d.path, year: year, link: viewLink,
                                     entities: d.entities.count, diagnostics: d.diagnostics.count))
        var m = Money(document: index, totals: [:], amounts: 0, rates: [], overflow: false)
        var people = Attendance(document: index, counts: [])
        for e in d.entities {
            entitiesByKind[e.kind, default: 0] += 1
            switch e.value {
            case .title(let t):
                if let i = titleIndex[t.key] {
                    titles[i].citations += 1
                    if titles[i].documents.last != index { titles[i].documents.append(index) }
                } else {
                    titleIndex[t.key] = titles.count
                    titles.append(TitleCount(key: t.key, title: t.title, category: t.category, citations: 1, documents: [index]))
                }
            case .money(let v):
                if let per = v.per {
                    m.rates.append((e.text, v.amount, v.currency.rawValue, per))
                } else {
                    m.amounts += 1
                    let c = v.currency.rawValue
                    if let sum = (m.totals[c] ?? .zero).adding(v.amount) { m.totals[c] = sum } else { m.overflow = true }
                }
            case .date(let v):
                events.append(Event(document: index, firstDay: v.firstDay, lastDay: v.lastDay, text: e.text, kind: e.kind))
            case .dateRange(let v):
                events.append(Event(document: index, firstDay: v.firstDay, lastDay: v.lastDay, text: e.text, kind: e.kind))
            case .personCount(let v) where v.role == .attendance:
                people.counts.append((e.text, v.count, v.countMax, v.approximate))
            default:
                break
            }
        }
        if m.amounts > 0 || !m.rates.isEmpty {
            money.append(m)
            for (c, total) in m.totals {
                var byCurrency = moneyByYear[year] ?? [:]
                if let sum = (byCurrency[c] ?? .zero).adding(total) { byCurrency[c] = sum }
                moneyByYear[year] = byCurrency
            }
        }
        if !people.counts.isEmpty { attendance.append(people) }
        var codes: [String: Int] = [:]
        for diag in d.diagnostics where Self.numberingCodes.contains(diag.code) { codes[diag.code.rawValue, default: 0] += 1 }
        if !codes.isEmpty { numbering.append((index, codes)) }
    }
}

/// Reading `gongwen convert`'s JSON Lines, one line at a time.
public struct JSONLinesCorpus: CorpusSource {
    public var path: String

    public init(path: String) { self.path = path }

    public func forEach(_ body: (_ record: ReportRecord, _ document: Document?) throws -> Void) throws {
        try forEachRecord { record in
            if case .document(let d) = record { try body(ReportRecord(record), d) } else { try body(ReportRecord(record), nil) }
        }
    }

    /// The decoded records themselves.
    public func forEachRecord(_ body: (GongwenRecord) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CorpusReadError(description: "cannot read") }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var lineNumber = 0
        func line(_ bytes: ArraySlice<UInt8>) throws {
            lineNumber += 1
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { return }
            let record: GongwenRecord
            do { record = try GongwenJSON.decode(bytes) } catch {
                throw CorpusReadError(description: "line \(lineNumber) is not gongwen/1: \(error)")
            }
            try body(record)
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                try line(pending[start..<nl])
                start = nl + 1
            }
            pending.removeFirst(start)
        }
        try line(pending[...])
    }
}

public struct CorpusReadError: Error, CustomStringConvertible {
    public var description: String
}

/// Names and relative links of the view pages the report writes beside it.
public enum ReportLinks {
    /// `<file name without extension>-<id>.html`: readable and unique.
    public static func viewFileName(_ d: Document) -> String {
        var base = d.source.path.map { String($0.split(separator: "/").last ?? "") } ?? ""
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        base = String(base.unicodeScalars.map { c in
            CharacterSet.alphanumerics.contains(c) || c == "-" || c == "_" ? Character(c) : "_"
        })
        return (base.isEmpty ? "" : base + "-") + d.id + ".html"
    }

    /// A relative URL from a folder to a file (both made absolute), percent-encoded.
    public static func relative(from folder: URL, to file: URL) -> String {
        let a = folder.standardizedFileURL.pathComponents, b = file.standardizedFileURL.pathComponents
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: a.count - common) + b[common...]
        return parts.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }.joined(separator: "/")
    }
}
