/// A diagnostic in normalized coordinates (mapped to the source by the assembler).
package struct FoundDiagnostic: Sendable, Hashable {
    package var code: DiagnosticCode
    package var message: String
    package var range: Range<Int>?

    package init(code: DiagnosticCode, message: String, range: Range<Int>?) {
        self.code = code
        self.message = message
        self.range = range
    }
}
