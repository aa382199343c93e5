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
    private var byTopLevel: [String: [String]]?

    init() {}

    /// A worker's view: the keys the supervisor handed it, one per record.
    init(keys: [String]) {
        for key in keys { records[key, default: []].append(nil) }
    }

    /// Takes out every key of this top-level input (`path`, or `path!/…` for its members) with the
    /// error codes of their records, so exactly one task is told it is done and its count is kept.
    func reserve(topLevel path: String) -> [String: [String?]] {
        lock.lock()
        defer { lock.unlock() }
        if byTopLevel == nil {
            var index: [String: [String]] = [:]
            for key in records.keys {
                let keyPath = key.prefix { $0 != "\u{0}" }
                let top = keyPath.range(of: "!/").map { String(keyPath[..<$0.lowerBound]) } ?? String(keyPath)
                index[top, default: []].append(key)
            }
            byTopLevel = index
        }
        var out: [String: [String?]] = [:]
        for key in byTopLevel?.removeValue(forKey: path) ?? [] {
            if let codes = records.removeValue(forKey: key), !codes.isEmpty { out[key] = codes }
        }
        return out
    }

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

    /// The Gongwen version that wrote a record (its `gongwenVersion`), read by the typed header decoder.
    static func writerVersion(of line: ArraySlice<UInt8>) -> String? {
        try? GongwenJSON.decodeHeader(line).gongwenVersion
    }

    /// Reads `path`, indexes its complete lines and cuts off a partial last line. Refuses a file
    /// whose first record was written by another gongwen version, unless `anyVersion`.
    static func load(truncating path: String, anyVersion: Bool = false) throws -> ResumeIndex {
        let index = ResumeIndex()
        guard FileManager.default.fileExists(atPath: path) else { return index }
        let source = try FileSource(path: path)
        var complete = 0
        var versionError: BatchUsageError?
        let partial = try source.forEachLine { line in
            if complete == 0, !anyVersion, let version = writerVersion(of: line), version != GongwenVersion.current {
                versionError = BatchUsageError(path: path, "written by gongwen \(version), this is \(GongwenVersion.current); convert again without --resume, or pass --resume-any-version")
            }
            if versionError != nil { return }
            index.add(line: line)
            complete += line.count + 1
        }
        if let versionError { throw versionError }
        if !partial.isEmpty {
            guard truncate(path, off_t(complete)) == 0 else {
                throw BatchUsageError("cannot truncate \(path) for --resume: \(String(cString: strerror(errno)))")
            }
        }
        return index
    }
}
