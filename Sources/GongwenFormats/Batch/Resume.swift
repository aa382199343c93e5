import Foundation
import Gongwen
#if canImport(Glibc)
import Glibc
#endif

/// The records already in an output file, for `--resume`: keyed by input path (or id) and sha256,
/// so the same bytes at two paths are two inputs, and a changed file is converted again.
final class ResumeIndex: @unchecked Sendable {
    /// key → the error code of each record with that key (nil for documents), in file order.
    private var records: [String: [String?]] = [:]
    private let lock = NSLock()
    private(set) var lineCount = 0

    static func key(path: String?, id: String?, sha256: String) -> String {
        (path ?? "id:" + (id ?? "")) + "\u{0}" + sha256
    }

    func contains(_ key: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return records[key].map { !$0.isEmpty } ?? false
    }

    /// Takes one record with this key: its error code (nil for a document), or nil if there is none left.
    func take(_ key: String) -> String?? {
        lock.lock()
        defer { lock.unlock() }
        guard var list = records[key], !list.isEmpty else { return nil }
        let first = list.removeFirst()
        records[key] = list
        return .some(first)
    }

    /// The Gongwen versions that wrote the records read so far.
    private(set) var versions: Set<String> = []

    /// Reads one line through the typed header decoder; a line that is not gongwen/1 is not a record.
    func add(line: ArraySlice<UInt8>) {
        lineCount += 1
        guard let header = try? GongwenJSON.decodeHeader(line) else { return }
        versions.insert(header.gongwenVersion)
        let s = header.source
        records[Self.key(path: s.path, id: s.id, sha256: s.sha256), default: []].append(header.errorCode?.rawValue)
    }

    /// Reads `path`, indexes its complete lines and cuts off a partial last line.
    static func load(truncating path: String) throws -> ResumeIndex {
        let index = ResumeIndex()
        guard FileManager.default.fileExists(atPath: path) else { return index }
        let source = try FileSource(path: path)
        var complete = 0
        let partial = try source.forEachLine { line in
            index.add(line: line)
            complete += line.count + 1
        }
        if !partial.isEmpty {
            guard truncate(path, off_t(complete)) == 0 else {
                throw BatchUsageError("cannot truncate \(path) for --resume: \(String(cString: strerror(errno)))")
            }
        }
        return index
    }
}
