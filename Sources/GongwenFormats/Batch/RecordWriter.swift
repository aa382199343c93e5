import Foundation
import Gongwen

/// A destination for `convert` records that lives outside this module (the SQLite corpus):
/// called on one thread, strictly in input order, with each record's `gongwen/1` line.
public protocol BatchRecordWriter: AnyObject {
    /// One finished record: its JSON line (no newline) and, for an error record, its code.
    func write(line: [UInt8], errorCode: String?) throws
    /// Called when the batch would otherwise wait for workers: a good moment to commit.
    func flush() throws
    /// After the last record.
    func finish() throws
}

/// A record already in the destination, so the same input (path or id, and sha256) is skipped
/// without being converted again (`--resume`, `--append`).
public struct BatchPriorRecord: Sendable, Hashable {
    public var path: String?
    public var id: String?
    public var sha256: String
    public var errorCode: String?

    public init(path: String?, id: String?, sha256: String, errorCode: String?) {
        self.path = path
        self.id = id
        self.sha256 = sha256
        self.errorCode = errorCode
    }
}

extension BatchConverter {
    /// `gongwen convert <inputs>` into an external writer. `excluding` are output files that must
    /// never be read as inputs; `prior` the records already written, skipped (counted as done).
    public func run(inputs: [String], writer: BatchRecordWriter, excluding: [String] = [], prior: [BatchPriorRecord] = []) throws -> BatchSummary {
        let start = Date()
        guard !inputs.isEmpty else { throw BatchUsageError("no inputs given") }
        let excluded = Set(excluding.compactMap(FileIO.realPath))
        let planned = try InputPlanner(excluded: excluded).plan(inputs)
        var resume: ResumeIndex?
        if !prior.isEmpty {
            let index = ResumeIndex()
            for p in prior {
                // The index reads record headers: give it the smallest record with this source.
                let source = SourceInfo(path: p.path, id: p.id, encoding: "", bytes: 0, sha256: p.sha256)
                let line = p.errorCode.map { GongwenJSON.encodeError(source: source, code: ErrorCode(rawValue: $0), message: "") }
                    ?? GongwenJSON.encode(Document(source: source, text: "", children: [], entities: [], diagnostics: []))
                index.add(line: line[...])
            }
            resume = index
        }
        return try execute(planned: planned, stdin: nil, stdinIndex: 0, sink: WriterSink(writer), resume: resume, pretty: false, start: start)
    }
}

/// Adapts a public `BatchRecordWriter` to the pipeline's sink.
private final class WriterSink: RecordSink {
    let writer: BatchRecordWriter
    init(_ writer: BatchRecordWriter) { self.writer = writer }
    func write(_ record: Record) throws -> Bool {
        try writer.write(line: record.json, errorCode: record.errorCode)
        return true
    }
    func flush() throws { try writer.flush() }
    func finish() throws { try writer.finish() }
}
