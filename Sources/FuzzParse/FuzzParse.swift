import FuzzSupport
import Gongwen
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer target: any bytes through the whole pipeline, then through the JSON encoder.
/// Built by `scripts/fuzz.sh parse SECONDS`; without `-D FUZZING` it replays the files it is given.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let document = GongwenParser().parse(bytes: bytes)
    _ = GongwenJSON.encode(document)
    return 0
}

#if FUZZING
/// The entry point SwiftPM's `--defsym main=FuzzParse_main` binds to: under `--sanitize=fuzzer`
/// SwiftPM parses the target as a library and `@main` is compiled out, so this is `main`.
@_cdecl("FuzzParse_main")
func fuzzTargetMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    fuzzMain(argc, argv, fuzzOne)
}
#else
/// Replays the files named on the command line (`FuzzParse crash-file`).
@main struct Replay {
    static func main() { exit(fuzzMain(CommandLine.argc, CommandLine.unsafeArgv, fuzzOne)) }
}
#endif
