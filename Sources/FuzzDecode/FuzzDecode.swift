import Foundation
import FuzzSupport
import Gongwen

/// libFuzzer target: the gongwen/1 decoder (`GongwenJSON.decode`, what `--resume`, `entities
/// x.jsonl` and every consumer read) on arbitrary bytes. Any input must decode or throw; what
/// decodes must encode again. Byte-level mutation almost never yields JSON, and Foundation's
/// JSON parser is not instrumented, so `JSONMutator` (below, installed as libFuzzer's custom
/// mutator) mostly edits the JSON tree instead: that is what reaches our `init(from:)` code.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) }.map(Array.init) ?? []
    if case .document(let document)? = try? GongwenJSON.decode(bytes) {
        // Spans may point anywhere in what decodes: encoding must still not trap.
        _ = GongwenJSON.encode(document)
    }
    return 0
}

@_cdecl("LLVMFuzzerCustomMutator")
func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    JSONMutator.mutate(data, size, maxSize, seed)
}

#if FUZZING
/// The entry point SwiftPM's `--defsym main=FuzzDecode_main` binds to: under `--sanitize=fuzzer`
/// SwiftPM parses the target as a library and `@main` is compiled out, so this is `main`.
@_cdecl("FuzzDecode_main")
func fuzzTargetMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    fuzzMain(argc, argv, fuzzOne)
}
#else
/// Replays files (`FuzzDecode crash-file`), or with `--seed OUT FILE…` writes each file's
/// document as one gongwen/1 line: the seeds the mutator starts from.
@main struct Replay {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count > 2 && args[1] == "--seed" else { exit(fuzzMain(CommandLine.argc, CommandLine.unsafeArgv, fuzzOne)) }
        let out = URL(fileURLWithPath: args[2])
        for path in args.dropFirst(3) {
            let doc = GongwenParser().parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            let name = URL(fileURLWithPath: path).lastPathComponent
            try Data(GongwenJSON.encode(doc)).write(to: out.appendingPathComponent(name + ".gongwen.json"))
        }
        let error = GongwenJSON.encodeError(source: SourceInfo(path: "bad.gz", encoding: "binary", bytes: 228, sha256: String(repeating: "0", count: 64)),
                                            code: .unreadable, message: "truncated gzip member")
        try Data(error).write(to: out.appendingPathComponent("error-record.gongwen.json"))
    }
}
#endif
