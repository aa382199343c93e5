import Foundation

/// Times the CLI `gongwen convert` with `--jobs 1` and `--jobs 2` over a folder of replicated
/// seeds, by spawning the release binary.
struct ConvertBench {
    let binary: String
    let seeds: [Seed]
    let targetBytes: Int
    let runs: Int

    struct Result {
        let jobs: Int
        let seconds: Double
        let samples: [Double]
        let peakRSS: Int?
        let outputLines: Int
    }

    /// Nil with a message when the binary or its `convert` command is not there (yet).
    static func availability(_ binary: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return "no binary at \(binary) (build it: swift build -c release --product gongwen)"
        }
        let (status, help) = run(binary, ["convert", "--help"], captureStdout: true)
        guard status == 0, help.contains("USAGE: gongwen convert") else {
            return "\(binary) has no 'convert' command yet (exit \(status))"
        }
        guard help.contains("--jobs") else { return "'gongwen convert' has no --jobs option yet" }
        return nil
    }

    func measure() -> (inputFiles: Int, inputBytes: Int, results: [Result])? {
        let fm = FileManager.default
        let root = NSTemporaryDirectory() + "gongwen-bench-\(getpid())"
        let input = root + "/in"
        defer { try? fm.removeItem(atPath: root) }
        do {
            try fm.createDirectory(atPath: input, withIntermediateDirectories: true)
        } catch {
            log("convert: cannot create \(input): \(error)")
            return nil
        }
        // Replicated seeds, 200 files per folder.
        var files = 0, bytes = 0
        while bytes < targetBytes {
            for s in seeds {
                let dir = input + "/d\(files / 200)"
                if files % 200 == 0 { try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                let name = "\(dir)/\(files)_\(s.name)"
                guard fm.createFile(atPath: name, contents: Data(s.bytes)) else {
                    log("convert: cannot write \(name)")
                    return nil
                }
                files += 1
                bytes += s.bytes.count
            }
        }
        log("  convert: wrote \(files) files, \(mb(bytes)) to \(input)")
        let (_, help) = ConvertBench.run(binary, ["convert", "--help"], captureStdout: true)
        let outFlag = help.contains("--output") ? "--output" : "-o"
        let timeTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

        var results: [Result] = []
        for jobs in [1, 2] {
            var samples: [Double] = []
            var peak: Int? = nil
            var lines = 0
            for r in 0..<runs {
                let out = root + "/out-\(jobs).jsonl"
                let timeFile = root + "/time-\(jobs).txt"
                try? fm.removeItem(atPath: out)
                var exe = binary
                var args = ["convert", input, outFlag, out, "--jobs", "\(jobs)"] + (help.contains("--quiet") ? ["--quiet"] : [])
                if let t = timeTool {
                    args = ["-v", "-o", timeFile, binary] + args
                    exe = t
                }
                let t0 = Timer.clock.now
                let (status, _) = ConvertBench.run(exe, args, captureStdout: false, stderrFile: root + "/stderr-\(jobs).txt")
                let t = Timer.seconds(Timer.clock.now - t0)
                if status != 0 {
                    let err = (try? String(contentsOfFile: root + "/stderr-\(jobs).txt", encoding: .utf8)) ?? ""
                    log("convert --jobs \(jobs) failed (exit \(status)): \(err.suffix(600))")
                    return nil
                }
                samples.append(t)
                if timeTool != nil, let text = try? String(contentsOfFile: timeFile, encoding: .utf8),
                   let line = text.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }),
                   let kb = Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) {
                    peak = max(peak ?? 0, kb * 1024)
                }
                if r == 0 { lines = ConvertBench.countLines(out) }
                log("  convert --jobs \(jobs): run \(r + 1)/\(runs) \(fmt(t, 2)) s")
            }
            if timeTool == nil { peak = Memory.peakChildren() }
            results.append(Result(jobs: jobs, seconds: Timer.median(samples), samples: samples, peakRSS: peak,
                                  outputLines: lines))
        }
        return (files, bytes, results)
    }

    static func countLines(_ path: String) -> Int {
        guard let h = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? h.close() }
        var n = 0
        while let chunk = try? h.read(upToCount: 1 << 20), !chunk.isEmpty {
            n += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        return n
    }

    /// Spawns a process and waits; stdout captured or discarded, stderr to a file or discarded.
    static func run(_ exe: String, _ args: [String], captureStdout: Bool, stderrFile: String? = nil) -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = captureStdout ? pipe : FileHandle.nullDevice
        if let f = stderrFile, FileManager.default.createFile(atPath: f, contents: nil),
           let h = FileHandle(forWritingAtPath: f) {
            p.standardError = h
        } else {
            p.standardError = FileHandle.nullDevice
        }
        do { try p.run() } catch { return (-1, "\(error)") }
        var out = ""
        if captureStdout {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            out = String(decoding: data, as: UTF8.self)
        }
        p.waitUntilExit()
        return (p.terminationStatus, out)
    }
}
