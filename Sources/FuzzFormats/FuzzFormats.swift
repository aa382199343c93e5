import Foundation
import FuzzSupport
import Gongwen
import GongwenFormats

/// libFuzzer target: the format layer. The first byte picks the name the rest arrives under, so
/// one corpus covers plain text, HTML, `.docx` and the archives (zip, tar, gzip, tar.gz) and their
/// members. Archives go through the public batch run over a file in /dev/shm, the one public
/// entry that expands them today (re-point at `read(bytes:name:)` when the format layer has it).
let names = ["in.txt", "in.html", "in.docx", "in.zip", "in.tar", "in.tar.gz", "in.gz", "in"]
let scratch = "/dev/shm/gongwen-fuzz-formats-\(getpid())"
let converter = BatchConverter(options: BatchOptions(jobs: 1))

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let name = names[Int(data[0]) % names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch name {
    case "in.txt", "in.html", "in.docx", "in":
        _ = converter.convert(bytes: bytes, path: name)
    default:
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let input = scratch + "/" + name
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)) else { return 0 }
        _ = try? converter.run(inputs: [input], output: .jsonl(scratch + "/out.jsonl"))
    }
    return 0
}

#if FUZZING
/// The entry point SwiftPM's `--defsym main=FuzzFormats_main` binds to: under `--sanitize=fuzzer`
/// SwiftPM parses the target as a library and `@main` is compiled out, so this is `main`.
@_cdecl("FuzzFormats_main")
func fuzzTargetMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    fuzzMain(argc, argv, fuzzOne)
}
#else
/// Replays the files named on the command line (`FuzzFormats crash-file`).
@main struct Replay {
    static func main() { exit(fuzzMain(CommandLine.argc, CommandLine.unsafeArgv, fuzzOne)) }
}
#endif
