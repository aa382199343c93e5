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

/// A diagnostic in normalized coordinates (mapped to the source by the assembler).
package struct FoundDiagnostic: Sendable, Hashable {
    package var code: String
    package var message: String
    package var range: Range<Int>?

    package init(code: String, message: String, range: Range<Int>?) {
        self.code = code
        self.message = message
        self.range = range
    }
}

/// The date partial dates are resolved against, and where it came from.
package struct DateAnchor: Sendable, Hashable {
    package var date: CalendarDate
    /// `dateline`, `signatureDate` or `option`.
    package var kind: String

    package init(date: CalendarDate, kind: String) {
        self.date = date
        self.kind = kind
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
package enum EntityExtraction {
    package static func run(_ context: ExtractionContext) -> ExtractionResult {
        ExtractionResult()
    }
}
