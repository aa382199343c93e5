#if canImport(Glibc)
import Glibc
#endif

/// The body of a fuzz target's `main`, shared by the targets.
///
/// SwiftPM links an executable with `--defsym main=<Target>_main` and, under
/// `--sanitize=fuzzer`, parses it as a library, so each target defines `<Target>_main` itself
/// with `@_cdecl` (an ordinary build uses `@main` instead) and hands control to libFuzzer. Built with `-D FUZZING`
/// (scripts/fuzz.sh) this is libFuzzer's driver; in an ordinary build it replays the files named
/// on the command line, so a crashing input reproduces under a debugger without libFuzzer.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> Int32
#endif

public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                     _ callback: FuzzCallback) -> Int32 {
    #if FUZZING
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
    #else
    var status: Int32 = 0
    for k in 1..<Int(argc) {
        guard let p = argv[k] else { continue }
        let path = String(cString: p)
        guard let bytes = readFile(path) else {
            print("cannot read \(path)")
            status = 1
            continue
        }
        _ = bytes.withUnsafeBufferPointer { callback($0.baseAddress, $0.count) }
        print("ok \(path) (\(bytes.count) bytes)")
    }
    return status
    #endif
}

private func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buffer[0..<n])
    }
    return out
}
