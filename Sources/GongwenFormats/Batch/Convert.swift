import Foundation
import Gongwen

/// One input document on its way through the batch.
struct InputItem: Sendable {
    enum Payload: Sendable {
        /// A file on disk, read by the worker.
        case file(String)
        /// Bytes in memory (an archive member, a `--stdin-jsonl` text) with an optional format.
        case bytes([UInt8], format: String?)
        /// Known to be an error before reading (too large, unreadable member, symlink loop …).
        case failure(BatchFailure, format: String)
    }

    /// `source.path`: as given on the command line, `archive.zip!/member` for members.
    var path: String?
    /// `source.id` (`--stdin-jsonl`).
    var id: String?
    /// Relative path for `-o dir/` (without `.json`).
    var mirror: String
    var payload: Payload
}

/// A finished record, ready to write.
struct Record: Sendable {
    var json: [UInt8]
    /// nil for a document.
    var errorCode: String?
    var bytes: Int
    var resumeKey: String
    var mirror: String
}

enum Outcome: Sendable {
    case record(Record)
    /// Already in the output being resumed (the writer confirms and skips it).
    case alreadyDone(key: String, bytes: Int, item: InputItem)
}

/// What the converter made of one input: a document, or why not.
public enum ConversionResult: Sendable {
    case document(Document)
    case failure(source: SourceInfo, code: String, message: String)
}

/// Converts single inputs: format detection, HTML and `.docx` extraction, binary detection.
struct ItemConverter: Sendable {
    let options: BatchOptions

    func outcome(_ item: InputItem, pretty: Bool, resume: ResumeIndex?) -> Outcome {
        switch item.payload {
        case .failure(let failure, let format):
            let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: failure.bytes, sha256: "", format: InputFormat(rawValue: format))
            let key = ResumeIndex.key(path: item.path, id: item.id, sha256: "")
            if let resume, resume.contains(key) { return .alreadyDone(key: key, bytes: failure.bytes, item: item) }
            return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
        case .file(let fsPath):
            do {
                let bytes = try FileIO.read(fsPath, limit: options.maxBytes)
                // Handed over, so the parser can free them once decoded.
                return outcome(bytes: consume bytes, format: nil, item: item, pretty: pretty, resume: resume)
            } catch let failure as BatchFailure {
                let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: failure.bytes, sha256: "", format: InputFormat(rawValue: Formats.label(forName: item.path ?? fsPath)))
                let key = ResumeIndex.key(path: item.path, id: item.id, sha256: "")
                if let resume, resume.contains(key) { return .alreadyDone(key: key, bytes: failure.bytes, item: item) }
                return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
            } catch {
                let failure = BatchFailure(BatchErrorCode.unreadable, "\(error)")
                let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: 0, sha256: "", format: "unknown")
                return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
            }
        case .bytes(let bytes, let format):
            if bytes.count > options.maxBytes {
                let failure = BatchFailure(BatchErrorCode.tooLarge, "\(bytes.count) bytes is over the limit of \(options.maxBytes) bytes (--max-bytes)", bytes: bytes.count)
                let source = SourceInfo(path: item.path, id: item.id, encoding: "", bytes: bytes.count, sha256: "", format: InputFormat(rawValue: format ?? "text"))
                return .record(errorRecord(source: source, failure: failure, item: item, pretty: pretty))
            }
            return outcome(bytes: bytes, format: format, item: item, pretty: pretty, resume: resume)
        }
    }

    private func outcome(bytes: consuming [UInt8], format: String?, item: InputItem, pretty: Bool, resume: ResumeIndex?) -> Outcome {
        let sha = SHA256.hex(of: bytes)
        let count = bytes.count
        let key = ResumeIndex.key(path: item.path, id: item.id, sha256: sha)
        if let resume, resume.contains(key) { return .alreadyDone(key: key, bytes: count, item: item) }
        switch convert(bytes: consume bytes, sha256: sha, path: item.path, id: item.id, format: format) {
        case .document(let document):
            return .record(Record(json: options.recordEncoder.document(document, pretty), errorCode: nil, bytes: count,
                                  resumeKey: key, mirror: item.mirror))
        case .failure(let source, let code, let message):
            return .record(Record(json: options.recordEncoder.error(source, code, message, pretty), errorCode: code, bytes: count,
                                  resumeKey: key, mirror: item.mirror))
        }
    }

    private func errorRecord(source: SourceInfo, failure: BatchFailure, item: InputItem, pretty: Bool) -> Record {
        Record(json: options.recordEncoder.error(source, failure.code, failure.message, pretty), errorCode: failure.code,
               bytes: failure.bytes, resumeKey: ResumeIndex.key(path: item.path, id: item.id, sha256: source.sha256), mirror: item.mirror)
    }

    /// Bytes → document through the one input path (`DocumentReader`), so a file converts here
    /// exactly as `gongwen parse` reads it; anything it cannot read becomes an error record.
    func convert(bytes: consuming [UInt8], sha256: String? = nil, path: String?, id: String?, format: String?) -> ConversionResult {
        let count = bytes.count
        let sha256 = sha256 ?? SHA256.hex(of: bytes)
        var parse = options.parse
        parse.path = path
        parse.id = id
        let limits = ReadLimits(maxBytes: options.maxBytes, maxCompressionRatio: options.maxCompressionRatio)
        do throws(FormatError) {
            let document = try DocumentReader.read(bytes: consume bytes, name: path, options: parse, limits: limits, sha256: sha256,
                                                   forcedFormat: format.flatMap(DocumentFormat.init(rawValue:)))
            return .document(document)
        } catch {
            let sha = error.code == BatchErrorCode.tooLarge ? "" : sha256
            let source = SourceInfo(path: path, id: id, encoding: "", bytes: count, sha256: sha, format: InputFormat(rawValue: error.format))
            return .failure(source: source, code: error.code, message: error.message)
        }
    }
}

