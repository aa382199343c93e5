import Foundation

/// Refuses an output that would overwrite or be read as one of the inputs (`convert a.txt -o a.txt`
/// would empty it; `convert dir -o dir/x.jsonl` would convert its own output): a usage error,
/// before anything is written.
enum OutputGuard {
    static func refuseOverlap(output: String, inputs: [String]) throws {
        let target = resolved(output)
        for input in inputs {
            guard let real = FileIO.realPath(input) else { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory)
            if target == real {
                throw BatchUsageError(path: output, "the output is one of the inputs (\(input)); choose another output")
            }
            if isDirectory.boolValue, target.hasPrefix(real == "/" ? "/" : real + "/") {
                throw BatchUsageError(path: output, "the output is inside the input folder \(input); choose an output outside it")
            }
            if !isDirectory.boolValue, real.hasPrefix(target + "/") {
                throw BatchUsageError(path: output, "the output folder holds the input \(input); choose an output outside it")
            }
        }
    }

    /// The absolute, link-free path a (possibly not yet existing) output will have.
    static func resolved(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        if let real = FileIO.realPath(p) { return real }
        let parent = (p as NSString).deletingLastPathComponent
        let name = (p as NSString).lastPathComponent
        let base = parent.isEmpty ? FileManager.default.currentDirectoryPath : resolved(parent)
        return (base == "/" ? "" : base) + "/" + name
    }
}
