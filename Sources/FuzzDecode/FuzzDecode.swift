import Foundation
import FuzzSupport
import Gongwen

/// libFuzzer target: the gongwen/1 decoder on arbitrary bytes (today the synthesized `Codable`;
/// the lead's decoder replaces it behind the same call). Any input must decode or throw.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(UnsafeBufferPointer(start: $0, count: size)) } ?? Data()
    if let document = try? JSONDecoder().decode(Document.self, from: bytes) {
        // What decodes must encode again without trapping (spans may point anywhere).
        _ = GongwenJSON.encode(document)
    }
    return 0
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
/// document as gongwen/1 JSON and as the synthesized `Codable` JSON: seeds that get the fuzzer
/// past the first key.
@main struct Replay {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count > 2 && args[1] == "--seed" else { exit(fuzzMain(CommandLine.argc, CommandLine.unsafeArgv, fuzzOne)) }
        let out = URL(fileURLWithPath: args[2])
        for path in args.dropFirst(3) {
            let doc = GongwenParser().parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            let name = URL(fileURLWithPath: path).lastPathComponent
            try Data(GongwenJSON.encode(doc)).write(to: out.appendingPathComponent(name + ".gongwen.json"))
            try JSONEncoder().encode(doc).write(to: out.appendingPathComponent(name + ".codable.json"))
        }
    }
}
#endif
