import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Word 97–2003 `.doc` (and Kingsoft `.wps` files that are Word-compatible) → text, through
/// `antiword` or, failing that, `catdoc` — Debian's maintained readers of the binary format — run as
/// a child process without a shell, with a time limit and bounded output. When neither is
/// installed the file is an `unsupported-format` record naming the package to install.
public enum LegacyWordReader {
    /// The tool used, in order of preference, with its arguments before the file path.
    public struct Tool: Sendable, Hashable {
        public var path: String
        public var arguments: [String]

        public init(path: String, arguments: [String]) {
            self.path = path
            self.arguments = arguments
        }

        /// `antiword -m UTF-8.txt -w 0` (no wrapping), then `catdoc -d utf-8 -w`.
        public static let candidates: [Tool] = [
            Tool(path: "/usr/bin/antiword", arguments: ["-m", "UTF-8.txt", "-w", "0"]),
            Tool(path: "/usr/bin/catdoc", arguments: ["-d", "utf-8", "-w"]),
        ]
    }

    public struct Limits: Sendable, Hashable {
        public var seconds: Double
        public var maxOutputBytes: Int

        public init(seconds: Double = 30, maxOutputBytes: Int = 64 << 20) {
            self.seconds = seconds
            self.maxOutputBytes = maxOutputBytes
        }
    }

    /// An OLE2 compound file (the container of `.doc`, `.xls`, `.ppt`, and most `.wps`).
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// Reads a `.doc` / `.wps`. `name` (the input's path) only chooses the wording of a failure.
    /// Throws `FormatReadFailure`: `unsupported-format` (no tool installed; a `.wps` or OLE2 file
    /// that is not a Word document), `unreadable` (the tool failed or timed out), `too-large`
    /// (more output than `limits.maxOutputBytes`), `empty` (no text).
    public static func read(bytes: [UInt8], name: String? = nil, tools: [Tool] = Tool.candidates,
                            limits: Limits = Limits()) throws(FormatReadFailure) -> String {
        let isWPS = (name ?? "").lowercased().hasSuffix(".wps")
        let installed = tools.filter { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let tool = installed.first else {
            throw FormatReadFailure(BatchErrorCode.unsupportedFormat,
                                    "a Word 97–2003 file needs antiword or catdoc to be read: apt-get install antiword")
        }
        guard sniff(bytes) else {
            throw FormatReadFailure(BatchErrorCode.unsupportedFormat, isWPS
                ? "a Kingsoft WPS file that is not Word-compatible (not an OLE2 compound file); save it as .doc or .docx in WPS"
                : "not a Word 97–2003 file (no OLE2 signature)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-doc-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw FormatReadFailure(BatchErrorCode.unreadable, "cannot create a temporary folder: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("input.doc")
        do { try Data(bytes).write(to: file) } catch {
            throw FormatReadFailure(BatchErrorCode.unreadable, "cannot write a temporary file: \(error)")
        }
        var lastFailure = FormatReadFailure(BatchErrorCode.unreadable, "no tool could read it")
        var best: (text: String, plausible: Double)?
        for tool in installed {
            let run = ChildProcess.run(tool.path, tool.arguments + [file.path], seconds: limits.seconds, maxOutput: limits.maxOutputBytes)
            switch run {
            case .success(let output):
                let text = String(decoding: output, as: UTF8.self)
                if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                    lastFailure = FormatReadFailure(BatchErrorCode.empty, "the Word document has no text")
                    continue
                }
                // A tool that misreads the file writes its binary structures as text (Yi, Samaritan,
                // private-use characters): try the next one, keep the most plausible output.
                let score = plausibility(text)
                if score >= 0.9 { return text }
                if best == nil || score > best!.plausible { best = (text, score) }
            case .failure(let failure):
                lastFailure = failure
            }
        }
        if let best { return best.text }
        if isWPS, lastFailure.code == BatchErrorCode.unreadable {
            throw FormatReadFailure(BatchErrorCode.unsupportedFormat,
                                    "a Kingsoft WPS file that is not Word-compatible (\(tool.path.split(separator: "/").last ?? "") cannot read it); save it as .doc or .docx in WPS")
        }
        throw lastFailure
    }
}

extension LegacyWordReader {
    /// The share of scalars that Chinese documents are made of (see `Formats.plausibleScalar`).
    static func plausibility(_ text: String) -> Double {
        var total = 0, plausible = 0
        for s in text.unicodeScalars.prefix(100_000) {
            total += 1
            if Formats.plausibleScalar(s.value) { plausible += 1 }
        }
        return total == 0 ? 0 : Double(plausible) / Double(total)
    }
}

/// A child process without a shell: stdin and stderr are /dev/null, stdout is read up to a bound,
/// and the process is killed when it runs past its time or its output past the bound.
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String], seconds: Double, maxOutput: Int) -> Result<[UInt8], FormatReadFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let tool = executable.split(separator: "/").last.map(String.init) ?? executable
        do { try process.run() } catch {
            return .failure(FormatReadFailure(BatchErrorCode.unsupportedFormat, "cannot run \(tool): \(error)"))
        }
        let pid = process.processIdentifier
        let timedOut = TimeoutFlag()
        let killer = DispatchWorkItem {
            timedOut.set()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
        var output: [UInt8] = []
        var tooLarge = false
        let fd = pipe.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            if output.count + n > maxOutput {
                tooLarge = true
                kill(pid, SIGKILL)
                break
            }
            output.append(contentsOf: chunk[0..<n])
        }
        process.waitUntilExit()
        killer.cancel()
        if tooLarge { return .failure(FormatReadFailure(BatchErrorCode.tooLarge, "\(tool) wrote more than \(maxOutput) bytes")) }
        if timedOut.isSet { return .failure(FormatReadFailure(BatchErrorCode.unreadable, "\(tool) took over \(Int(seconds)) s and was stopped")) }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failure(FormatReadFailure(BatchErrorCode.unreadable, "\(tool) could not read the file (exit status \(process.terminationStatus))"))
        }
        return .success(output)
    }

    /// Set from the timer, read after the process ended.
    final class TimeoutFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }
}
