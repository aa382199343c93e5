import Foundation

extension BatchConverter {
    /// `--stdin-jsonl` lines `{"id": …, "path": …, "bytes_base64": …}`: the input's own bytes (HTML, `.docx`,
    /// text in any encoding), converted through the format layer as a file with that path would be.
    /// Nil when the line has no `bytes_base64` field. One line is one input: an archive sent this way is
    /// an `unsupported-format` record (send its members instead), so output line N still answers line N.
    static func item(fromBase64 object: [String: Any], id: String?, path: String?, number: Int) -> InputItem? {
        guard let field = object["bytes_base64"] else { return nil }
        let mirror = id ?? "line-\(number)"
        guard let b64 = field as? String, let data = Data(base64Encoded: b64, options: .ignoreUnknownCharacters) else {
            return InputItem(path: path, id: id, mirror: mirror, payload: .failure(
                BatchFailure(BatchErrorCode.badInput, "line \(number): \"bytes_base64\" is not base64"), format: "text"))
        }
        return InputItem(path: path, id: id, mirror: mirror, payload: .bytes(Array(data), format: nil))
    }
}
