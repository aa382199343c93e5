import Foundation
import Gongwen
import GongwenCorpus
import GongwenFormats

/// `gongwen convert … -o corpus.sqlite` (or `--format sqlite`): the records go to the SQLite
/// corpus writer instead of a JSON Lines file (Sources/Gongwen/Gongwen.docc/Analytics.md).
enum ConvertToCorpus {
    /// Is this run's output a database?
    static func wanted(output: String?, format: String?) throws -> Bool {
        switch format?.lowercased() {
        case nil: return output.map(CorpusWriter.isDatabasePath) ?? false
        case "sqlite": return true
        case "jsonl": return false
        case let other?: throw BatchUsageError("--format: \(other) is not jsonl or sqlite")
        }
    }

    static func run(_ converter: BatchConverter, inputs: [String], output: String?, resume: Bool, append: Bool) throws -> BatchSummary {
        guard let output, output != "-" else { throw BatchUsageError("a SQLite database needs a file: -o corpus.sqlite") }
        if resume && append { throw BatchUsageError("--resume and --append: give one") }
        let folder = (output as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            throw BatchUsageError("the output folder does not exist: \(folder)")
        }
        let mode: CorpusWriter.Mode = append ? .append : resume ? .resume : .create
        let writer = try CorpusWriter(path: output, mode: mode)
        let partial = CorpusWriter.partialPath(for: output)
        let excluded = [output, partial, partial + "-wal", partial + "-shm", output + "-wal", output + "-shm", output + "-journal"]
        var summary = try converter.run(inputs: inputs, writer: writer, excluding: excluded, prior: try writer.priorRecords())
        if writer.skippedBySHA > 0 {
            FileHandle.standardError.write(Data("gongwen convert: \(writer.skippedBySHA) inputs skipped: their sha256 is already in \(output) (--append)\n".utf8))
            summary.resumed += writer.skippedBySHA
        }
        return summary
    }
}
