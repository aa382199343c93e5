import Foundation
import Gongwen

/// The lines supervisor and worker exchange (docs/RELIABILITY.md). Control messages are one JSON
/// object per line; a record's JSON follows its header line as `length` raw bytes and a newline, so
/// a large document is never escaped twice.
///
/// Supervisor → worker: one `config` line, then one `task` line per top-level input.
/// Worker → supervisor: `ready`, then `begin` before reading each input or archive member, then its `record` (or
/// `skipped`, when `--resume` already has it), and `done` when the task's last member is sent.
enum WorkerMessage {
    /// Reads one input or member (`path`, the `n`th member of that name in this task) from now on.
    case begin(path: String, occurrence: Int, mirror: String)
    case record(Record)
    /// Already in the output being resumed.
    case skipped(key: String, bytes: Int)
    case done
    /// Sent once, after the config line: the worker is up (the supervisor checks the binary works).
    case ready

    func encoded() -> [UInt8] {
        switch self {
        case .ready:
            return WireJSON.line(["ready": 1])
        case .begin(let path, let occurrence, let mirror):
            return WireJSON.line(["begin": path, "n": occurrence, "mirror": mirror])
        case .record(let r):
            var header = WireJSON.line(["record": 1, "code": r.errorCode ?? NSNull(), "bytes": r.bytes, "key": r.resumeKey,
                                        "mirror": r.mirror, "length": r.json.count])
            header += r.json
            header.append(10)
            return header
        case .skipped(let key, let bytes):
            return WireJSON.line(["skipped": key, "bytes": bytes])
        case .done:
            return WireJSON.line(["done": 1])
        }
    }
}

/// One top-level input handed to a worker, and where to pick up after a member that crashed.
struct WorkerTask {
    var path: String
    var fsPath: String
    var mirror: String
    var kind: PlannedInput.Kind
    /// Members up to and including the `afterOccurrence`th one named `after` were dealt with by an
    /// earlier worker: skip them without reading them.
    var after: String?
    var afterOccurrence = 0
    /// `--resume`: keys (`path`, sha256) of this input's members already in the output, one per record.
    var done: [String] = []
    /// `--resume`: members whose record says their worker crashed, hung or grew too large; skipped
    /// unread (and reported as `skipped`), so a resumed run does not trip over them again.
    var failed: [String] = []

    static func kindName(_ kind: PlannedInput.Kind) -> String {
        switch kind {
        case .zip: "zip"
        case .tar: "tar"
        case .tarGz: "tar.gz"
        case .gzip: "gzip"
        case .file, .failure: "file"
        }
    }

    func encoded() -> [UInt8] {
        var object: [String: Any] = ["task": path, "fs": fsPath, "mirror": mirror, "kind": Self.kindName(kind), "done": done, "failed": failed]
        if let after { object["after"] = after; object["afterN"] = afterOccurrence }
        return WireJSON.line(object)
    }

    init(path: String, fsPath: String, mirror: String, kind: PlannedInput.Kind) {
        self.path = path
        self.fsPath = fsPath
        self.mirror = mirror
        self.kind = kind
    }

    init?(line: ArraySlice<UInt8>) {
        guard let o = WireJSON.object(line), let path = o["task"] as? String, let fs = o["fs"] as? String,
              let mirror = o["mirror"] as? String, let kind = o["kind"] as? String else { return nil }
        let kinds: [String: PlannedInput.Kind] = ["zip": .zip, "tar": .tar, "tar.gz": .tarGz, "gzip": .gzip]
        self.init(path: path, fsPath: fs, mirror: mirror, kind: kinds[kind] ?? .file)
        after = o["after"] as? String
        afterOccurrence = (o["afterN"] as? Int) ?? 0
        done = (o["done"] as? [String]) ?? []
        failed = (o["failed"] as? [String]) ?? []
    }
}

/// The settings a worker needs, sent as its first line.
enum WorkerConfig {
    static func encoded(_ options: BatchOptions, pretty: Bool) -> [UInt8] {
        var config: [String: Any] = ["maxBytes": options.maxBytes, "maxRatio": options.maxCompressionRatio, "maxDepth": options.maxArchiveDepth,
                                     "includeText": options.includeText, "pretty": pretty, "traditional": options.parse.traditionalToSimplified]
        if let e = options.parse.encoding { config["encoding"] = e }
        if let a = options.parse.anchorDate { config["anchor"] = [a.year, a.month, a.day] }
        return WireJSON.line(["config": config])
    }

    static func decode(_ line: ArraySlice<UInt8>) -> (options: BatchOptions, pretty: Bool)? {
        guard let c = WireJSON.object(line)?["config"] as? [String: Any], let maxBytes = c["maxBytes"] as? Int,
              let maxRatio = c["maxRatio"] as? Int, let maxDepth = c["maxDepth"] as? Int else { return nil }
        let anchor = (c["anchor"] as? [Int]).flatMap { $0.count == 3 ? CalendarDate(year: $0[0], month: $0[1], day: $0[2]) : nil }
        let parse = ParseOptions(encoding: c["encoding"] as? String, traditionalToSimplified: (c["traditional"] as? Bool) ?? false, anchorDate: anchor)
        var options = BatchOptions(jobs: 1, maxBytes: maxBytes, maxCompressionRatio: maxRatio, maxArchiveDepth: maxDepth, parse: parse)
        options.includeText = (c["includeText"] as? Bool) ?? true
        return (options, (c["pretty"] as? Bool) ?? false)
    }
}

/// Small JSON objects for the wire, one line each.
enum WireJSON {
    static func line(_ object: [String: Any]) -> [UInt8] {
        var bytes = [UInt8]((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
        bytes.append(10)
        return bytes
    }

    static func object(_ line: ArraySlice<UInt8>) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
    }
}
