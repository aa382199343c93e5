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
