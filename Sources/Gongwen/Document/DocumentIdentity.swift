/// Document ids that joins can rely on: the caller's id when given, else the first 16 hex digits
/// of SHA-256 over the path and the input's SHA-256, so the same file at the same path has the
/// same id on every run and the same text at two paths has two ids.
enum DocumentIdentity {
    static func id(path: String?, id: String?, sha256: String) -> String {
        if let id, !id.isEmpty { return id }
        let key = Array((path ?? "").utf8) + [0] + Array(sha256.utf8)
        return String(SHA256.hex(of: key).prefix(16))
    }
}
