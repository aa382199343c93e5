import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps results alive so the optimiser cannot drop the measured work.
enum Sink {
    nonisolated(unsafe) static var value = 0
    @inline(never) static func take(_ x: Int) { value &+= x }
}

enum Timer {
    static let clock = ContinuousClock()

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    /// Wall time of one call on the monotonic clock.
    @inline(never) static func time(_ body: () -> Int) -> Double {
        let t0 = clock.now
        let x = body()
        let t = seconds(clock.now - t0)
        Sink.take(x)
        return t
    }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return .nan }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

enum Memory {
    /// Peak resident set size of this process, in bytes (getrusage ru_maxrss, kB on Linux).
    static func peakSelf() -> Int {
        var ru = rusage()
        getrusage(RUSAGE_SELF.rawValue, &ru)
        return Int(ru.ru_maxrss) * 1024
    }

    /// Largest peak resident set size of any waited-for child, in bytes.
    static func peakChildren() -> Int {
        var ru = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &ru)
        return Int(ru.ru_maxrss) * 1024
    }
}

/// One timed stage: a body that does the whole corpus pass, and what it processes.
struct Stage {
    let name: String
    /// UTF-8 bytes of input the stage is credited with.
    let bytes: Int
    let docs: Int
    let body: () -> Int
    var samples: [Double] = []

    init(_ name: String, bytes: Int, docs: Int, body: @escaping () -> Int) {
        self.name = name
        self.bytes = bytes
        self.docs = docs
        self.body = body
    }

    var median: Double { Timer.median(samples) }
    var mbps: Double { Double(bytes) / 1e6 / median }
    var docsPerSecond: Double { Double(docs) / median }
}

/// Runs every stage `runs` times, interleaved (run 1 of each stage, then run 2 of each, …), so a
/// slow phase of a noisy machine hits all stages alike and the ratios survive it. Stops adding
/// runs once `budget` seconds have gone by (at least one run each).
func runInterleaved(_ stages: inout [Stage], runs: Int, budget: Double, progress: String) {
    let t0 = Timer.clock.now
    for r in 0..<runs {
        if r > 0 && Timer.seconds(Timer.clock.now - t0) > budget {
            log("  \(progress): time budget of \(Int(budget)) s reached after \(r) run(s)")
            break
        }
        for k in stages.indices {
            stages[k].samples.append(Timer.time(stages[k].body))
        }
        log("  \(progress): run \(r + 1)/\(runs) done (\(fmt(Timer.seconds(Timer.clock.now - t0), 1)) s)")
    }
}

// MARK: - Printing

func log(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

func fmt(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "—" }
    return String(format: "%.\(digits)f", x)
}

func mb(_ bytes: Int) -> String {
    bytes < 1_000_000 ? fmt(Double(bytes) / 1e3, 1) + " kB" : fmt(Double(bytes) / 1e6, 1) + " MB"
}
func mib(_ bytes: Int) -> String { fmt(Double(bytes) / 1048576, 1) + " MiB" }

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

/// A plain-text table: first column left-aligned, the rest right-aligned.
func printTable(_ header: [String], _ rows: [[String]]) {
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, c in pad(c, widths[i], right: i > 0) }.joined(separator: "  ")
    }
    print(line(header))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for r in rows { print(line(r)) }
}
