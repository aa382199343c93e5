import Foundation
import Gongwen

/// The lines supervisor and worker exchange (Sources/Gongwen/Gongwen.docc/Reliability.md). Control messages are one JSON
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

    func encoded() -> [UInt8] { Array(parts.joined()) }

    /// The message's bytes in pieces: a record's JSON is its own piece, so it is written as it
    /// is rather than copied behind its header.
    var parts: [[UInt8]] {
        if case .record(let r) = self {
            let header = WireJSON.line(["record": 1, "code": r.errorCode ?? NSNull(), "bytes": r.bytes, "key": r.resumeKey,
                                        "mirror": r.mirror, "length": r.json.count])
            return [header, r.json, [10]]
        }
        return [single]
    }

    private var single: [UInt8] {
        switch self {
        case .ready:
            return WireJSON.line(["ready": 1])
        case .begin(let path, let occurrence, let mirror):
            return WireJSON.line(["begin": path, "n": occurrence, "mirror": mirror])
        case .record:
            return Array(parts.joined())
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

/// Small JSON objects for the wire, one line each. Flat objects (strings, integers, booleans,
/// null, arrays of strings or integers) are written and read by hand: Foundation's
/// JSONSerialization cost more than the parse of a small document. Keys are written sorted.
enum WireJSON {
    static func line(_ object: [String: Any]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (i, key) in object.keys.sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(key, into: &out)
            out.append(UInt8(ascii: ":"))
            value(object[key]!, into: &out)
        }
        out += [UInt8(ascii: "}"), 10]
        return out
    }

    private static func value(_ v: Any, into out: inout [UInt8]) {
        switch v {
        case let s as String: string(s, into: &out)
        case let b as Bool: out += Array((b ? "true" : "false").utf8)
        case let n as Int: out += Array(String(n).utf8)
        case let list as [Any]:
            out.append(UInt8(ascii: "["))
            for (i, item) in list.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                value(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let object as [String: Any]:
            var inner = line(object)
            inner.removeLast()
            out += inner
        default: out += Array("null".utf8)
        }
    }

    private static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), b]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses one line written by `line` (any JSON object of that shape); nil when it is not one.
    static func object(_ line: ArraySlice<UInt8>) -> [String: Any]? {
        var reader = Reader(bytes: line, at: line.startIndex)
        return reader.object()
    }

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var at: Int

        mutating func skipSpace() {
            while at < bytes.endIndex, [32, 9, 13, 10].contains(bytes[at]) { at += 1 }
        }

        mutating func take(_ c: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.endIndex, bytes[at] == c else { return false }
            at += 1
            return true
        }

        mutating func object() -> [String: Any]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var out: [String: Any] = [:]
            if take(UInt8(ascii: "}")) { return out }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")), let v = value() else { return nil }
                out[key] = v
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? out : nil
        }

        mutating func value() -> Any? {
            skipSpace()
            guard at < bytes.endIndex else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["):
                at += 1
                var list: [Any] = []
                if take(UInt8(ascii: "]")) { return list }
                repeat {
                    guard let v = value() else { return nil }
                    list.append(v)
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return nil }
                if let strings = list as? [String] { return strings }
                if let ints = list as? [Int] { return ints }
                return list
            default:
                for (word, v) in [("null", NSNull() as Any), ("true", true as Any), ("false", false as Any)] where bytes[at...].starts(with: word.utf8) {
                    at += word.utf8.count
                    return v
                }
                let start = at
                if bytes[at] == UInt8(ascii: "-") { at += 1 }
                while at < bytes.endIndex, (48...57).contains(bytes[at]) { at += 1 }
                return Int(String(decoding: bytes[start..<at], as: UTF8.self))
            }
        }

        mutating func string() -> String? {
            guard at < bytes.endIndex, bytes[at] == UInt8(ascii: "\"") else { return nil }
            at += 1
            var out: [UInt8] = []
            while at < bytes.endIndex {
                let b = bytes[at]
                at += 1
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard b == UInt8(ascii: "\\") else { out.append(b); continue }
                guard at < bytes.endIndex else { return nil }
                let e = bytes[at]
                at += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard var unit = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(unit), bytes[at...].starts(with: "\\u".utf8) {
                        at += 2
                        guard let low = hex4() else { return nil }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out += Array(String(Unicode.Scalar(unit) ?? "\u{FFFD}").utf8)
                default: out.append(e)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.endIndex, let v = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) else { return nil }
            at += 4
            return v
        }
    }
}
