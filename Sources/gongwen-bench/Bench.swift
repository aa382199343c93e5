import Foundation
import Gongwen
import GongwenFormats

/// `swift run -c release gongwen-bench [--corpus DIR] [--runs N] [--quick]` — see Sources/Gongwen/Gongwen.docc/Performance.md.
@main
struct GongwenBench {
    struct Options {
        var corpusDir: String?
        var runs = 5
        var quick = false
        var corpusMB = 32
        var convertMB = 64
        var gongwen: String?
        var convert = true
        var scaling = true
        var stages = true
        var profile = false
        var seedsOnly = false
        var budget = 60.0
    }

    static let usage = """
    usage: gongwen-bench [--corpus DIR] [--runs N] [--quick] [--corpus-mb N] [--convert-mb N]
                         [--gongwen PATH] [--no-convert] [--no-scaling] [--no-stages] [--profile]

      --corpus DIR      seed documents (default: Corpus/seeds of the repository)
      --runs N          runs per measurement, the median is reported (default 5; --quick: 1)
      --quick           smoke run: a few MB, one run
      --corpus-mb N     in-memory corpus size in MB of UTF-8 (default 32; --quick: 3)
      --convert-mb N    input written for the `gongwen convert` timing (default 64; --quick: 4)
      --gongwen PATH    the CLI binary to time (default: .build/release/gongwen of the repository)
      --profile         only parse + encode the corpus once (for valgrind --tool=callgrind);
                        with --seeds-only: 1 MB of replicated seeds, no synthetic documents
      --seeds-only      only full parse of the seeds replicated to 8 MB, no synthetic documents;
                        prints parse_mbps=… (used by scripts/compare_jionlp.sh)
    """

    static func parseArguments() -> Options {
        var o = Options()
        var args = Array(CommandLine.arguments.dropFirst())
        var explicitRuns: Int?, explicitCorpus: Int?, explicitConvert: Int?
        func value(_ flag: String) -> String {
            guard !args.isEmpty else { fail("\(flag) needs a value") }
            return args.removeFirst()
        }
        func int(_ flag: String) -> Int {
            let v = value(flag)
            guard let n = Int(v), n > 0 else { fail("\(flag) needs a positive integer, got '\(v)'") }
            return n
        }
        while !args.isEmpty {
            let a = args.removeFirst()
            switch a {
            case "--corpus": o.corpusDir = value(a)
            case "--runs": explicitRuns = int(a)
            case "--quick": o.quick = true
            case "--corpus-mb": explicitCorpus = int(a)
            case "--convert-mb": explicitConvert = int(a)
            case "--gongwen": o.gongwen = value(a)
            case "--no-convert": o.convert = false
            case "--no-scaling": o.scaling = false
            case "--no-stages": o.stages = false
            case "--profile": o.profile = true
            case "--seeds-only": o.seedsOnly = true
            case "-h", "--help": print(usage); exit(0)
            default: fail("unknown argument '\(a)'\n\(usage)")
            }
        }
        if o.quick { o.runs = 1; o.corpusMB = 3; o.convertMB = 4; o.budget = 10 }
        if o.profile { o.corpusMB = 2; o.quick = true }
        if o.seedsOnly { o.corpusMB = o.profile ? 1 : o.quick ? 2 : 8 }
        if let r = explicitRuns { o.runs = r }
        if let c = explicitCorpus { o.corpusMB = c }
        if let c = explicitConvert { o.convertMB = c }
        return o
    }

    static func fail(_ message: String) -> Never {
        log("gongwen-bench: \(message)")
        exit(2)
    }

    /// The repository root: the working directory if it has `Corpus/`, else three levels above
    /// this executable (`<repo>/.build*/release/gongwen-bench`).
    static func repositoryRoot() -> String {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath
        if fm.fileExists(atPath: cwd + "/Corpus/seeds") { return cwd }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let root = exe.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        return fm.fileExists(atPath: root + "/Corpus/seeds") ? root : cwd
    }

    static func main() {
        let o = parseArguments()
        let root = repositoryRoot()
        let seedDir = o.corpusDir ?? root + "/Corpus/seeds"
        let seeds: [Seed]
        do { seeds = try Corpus.readSeeds(seedDir) } catch { fail("cannot read seeds in \(seedDir): \(error)") }
        guard !seeds.isEmpty else { fail("no seed documents in \(seedDir)") }

        let wallStart = Timer.clock.now
        // Memory of one large document, measured first, before anything else raises the peak.
        let largestSeed = seeds.max { $0.bytes.count < $1.bytes.count }!
        let bigDoc = Array(Corpus.repeated(largestSeed.text, 64).utf8)
        let rssBeforeBig = Memory.peakSelf()
        Sink.take(GongwenJSON.encode(GongwenParser().parse(bytes: bigDoc)).count)
        let rssBig = Memory.peakSelf() - rssBeforeBig
        if o.seedsOnly && !o.profile {
            var docs: [[UInt8]] = []
            var total = 0
            while total < o.corpusMB * 1_000_000 {
                for s in seeds { docs.append(s.bytes); total += s.text.utf8.count }
            }
            var parse = [Stage("parse", bytes: total, docs: docs.count) {
                var x = 0; for d in docs { x &+= GongwenParser().parse(bytes: d).entities.count }; return x
            }]
            runInterleaved(&parse, runs: o.runs, budget: o.budget, progress: "seeds only")
            print("parse of \(seeds.count) seeds replicated to \(docs.count) documents, \(mb(total)) UTF-8: \(fmt(parse[0].mbps, 2)) MB/s, median of \(parse[0].samples.count)")
            print("parse_mbps=\(fmt(parse[0].mbps, 4))")
            return
        }
        var docs: [Doc] = [], synthetic: [Doc] = []
        if !(o.profile && o.seedsOnly) {
            (docs, synthetic) = Corpus.build(seeds, targetBytes: o.corpusMB * 1_000_000, quick: o.quick)
        } else {
            var total = 0, copy = 0
            while total < o.corpusMB * 1_000_000 {
                for s in seeds {
                    docs.append(Doc(name: "copy\(copy)/\(s.name)", bytes: s.bytes, utf8: s.text.utf8.count, encoding: "UTF-8"))
                    total += s.text.utf8.count
                }
                copy += 1
            }
        }
        let totalUTF8 = docs.reduce(0) { $0 + $1.utf8 }
        let totalRaw = docs.reduce(0) { $0 + $1.bytes.count }

        if o.profile {
            // Warm-up outside the profiled function: one-time tables (FoldTable, ICU data).
            Sink.take(GongwenJSON.encode(GongwenParser().parse(bytes: seeds[0].bytes)).count)
            let t = Timer.time { profileRun(docs) }
            print("profile: parse + JSON of \(docs.count) documents, \(mb(totalUTF8)) UTF-8: \(fmt(t, 3)) s, \(fmt(Double(totalUTF8) / 1e6 / t, 1)) MB/s")
            return
        }

        print("gongwen-bench — \(o.quick ? "QUICK smoke run" : "full run"), \(o.runs) run(s) per measurement, median reported")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpuModel()); single-threaded stages; MB = 10^6 bytes of UTF-8 input")
        print("corpus: \(docs.count) documents, \(mb(totalUTF8)) UTF-8 (\(mb(totalRaw)) as stored), from \(seeds.count) seeds in \(seedDir)")
        for s in synthetic.prefix(3) + synthetic.suffix(1) {
            print("  \(s.name): \(mb(s.utf8)) UTF-8, \(s.encoding)")
        }
        print("  synthetic/gb18030-<seed>: \(synthetic.count - 4) seeds in GB18030; the rest: seeds replicated in UTF-8")
        print("")

        // Phase 1: whole parse and the two references, over the raw corpus. Nothing else is held,
        // so the peak RSS after this phase is the corpus plus what parsing needs.
        let texts = docs.map { StageProbe.decode($0.bytes) }
        let n = docs.count
        var phase1: [Stage] = [
            Stage("reference: scalar scan", bytes: totalUTF8, docs: n) {
                var x = 0; for t in texts { x &+= Int(StageProbe.scan(t)) }; return x
            },
            Stage("reference: ICU NFKC", bytes: totalUTF8, docs: n) {
                var x = 0; for t in texts { x &+= StageProbe.icuNFKC(t) }; return x
            },
            Stage("parse (bytes → Document)", bytes: totalUTF8, docs: n) {
                var x = 0; for d in docs { x &+= GongwenParser().parse(bytes: d.bytes).entities.count }; return x
            },
            Stage("parse + JSON", bytes: totalUTF8, docs: n) {
                var x = 0; for d in docs { x &+= GongwenJSON.encode(GongwenParser().parse(bytes: d.bytes)).count }; return x
            },
        ]
        // The same parse per kind of input, to see which kind is slow.
        let groups: [(String, [Doc])] = [
            ("  seeds replicated (UTF-8)", docs.filter { $0.name.hasPrefix("copy") }),
            ("  synthetic/long (1 doc)", docs.filter { $0.name == "synthetic/long" }),
            ("  synthetic/dense (1 doc)", docs.filter { $0.name == "synthetic/dense" }),
            ("  GB18030 docs", docs.filter { $0.encoding == "GB18030" }),
            ("  synthetic/fullwidth (1 doc)", docs.filter { $0.name == "synthetic/fullwidth" }),
        ]
        for (name, subset) in groups where !subset.isEmpty {
            phase1.append(Stage(name, bytes: subset.reduce(0) { $0 + $1.utf8 }, docs: subset.count) {
                var x = 0; for d in subset { x &+= GongwenParser().parse(bytes: d.bytes).entities.count }; return x
            })
        }
        log("phase 1: parse and references over \(mb(totalUTF8))")
        runInterleaved(&phase1, runs: o.runs, budget: o.budget, progress: "phase 1")
        let rssParse = Memory.peakSelf()

        // Phase 2: single stages, each over the previous stage's output computed beforehand.
        var phase2: [Stage] = []
        var extractorStages: [Stage] = []
        var fixedUTF8 = 0, unchangedDocs = 0
        if o.stages {
            log("phase 2: preparing stage inputs")
            let normalized = texts.map { StageProbe.normalize($0) }
            let fixed = normalized.map { StageProbe.string($0) }
            fixedUTF8 = fixed.reduce(0) { $0 + $1.utf8.count }
            unchangedDocs = fixed.reduce(0) { $0 + (StageProbe.changed($1) ? 0 : 1) }
            let staged = texts.map { StageProbe.staged($0) }
            let documents = docs.map { GongwenParser().parse(bytes: $0.bytes) }
            let encodedLines = documents.map { GongwenJSON.encode($0) }
            phase2 = [
                Stage("decode (detect + to String)", bytes: totalUTF8, docs: n) {
                    var x = 0; for d in docs { x &+= StageProbe.decode(d.bytes).utf8.count }; return x
                },
                Stage("sha256 (source.sha256)", bytes: totalUTF8, docs: n) {
                    var x = 0; for d in docs { x &+= StageProbe.sha256(d.bytes) }; return x
                },
                Stage("normalize", bytes: totalUTF8, docs: n) {
                    var x = 0; for t in texts { x &+= StageProbe.normalize(t).count }; return x
                },
                Stage("normalize, text needing no change", bytes: fixedUTF8, docs: n) {
                    var x = 0; for t in fixed { x &+= StageProbe.normalize(t).count }; return x
                },
                Stage("scan, same unchanged text", bytes: fixedUTF8, docs: n) {
                    var x = 0; for t in fixed { x &+= Int(StageProbe.scan(t)) }; return x
                },
                Stage("blocks", bytes: totalUTF8, docs: n) {
                    var x = 0; for t in normalized { x &+= StageProbe.blocks(t) }; return x
                },
                Stage("blocks + outline", bytes: totalUTF8, docs: n) {
                    var x = 0; for t in normalized { x &+= StageProbe.outline(t) }; return x
                },
                Stage("assemble (tree, anchor, placeholders)", bytes: totalUTF8, docs: n) {
                    var x = 0; for s in staged { x &+= StageProbe.assemble(s) }; return x
                },
                Stage("extract (all extractors + resolve)", bytes: totalUTF8, docs: n) {
                    var x = 0; for t in normalized { x &+= StageProbe.extract(t) }; return x
                },
                Stage("JSON encode (GongwenJSON.encode)", bytes: totalUTF8, docs: n) {
                    var x = 0; for d in documents { x &+= GongwenJSON.encode(d).count }; return x
                },
                Stage("JSON decode (GongwenJSON.decode, typed)", bytes: totalUTF8, docs: n) {
                    var x = 0
                    for line in encodedLines { if case .document(let d)? = try? GongwenJSON.decode(line) { x &+= d.entities.count } }
                    return x
                },
            ]
            for (i, name) in StageProbe.extractorNames.enumerated() {
                extractorStages.append(Stage("  \(name)", bytes: totalUTF8, docs: n) {
                    var x = 0; for t in normalized { x &+= StageProbe.extract(t, extractor: i) }; return x
                })
            }
            var all = phase2 + extractorStages
            log("phase 2: \(all.count) stages")
            runInterleaved(&all, runs: o.runs, budget: o.budget * 1.5, progress: "phase 2")
            phase2 = Array(all.prefix(phase2.count))
            extractorStages = Array(all.suffix(extractorStages.count))
        }
        let rssStages = Memory.peakSelf()

        // Report: stages.
        let parse = phase1[2], parseJSON = phase1[3], scan = phase1[0], nfkc = phase1[1]
        print("== Throughput, single-threaded (median of \(parse.samples.count) run(s)) ==")
        var rows: [[String]] = []
        func row(_ s: Stage, share: Bool = true) -> [String] {
            [s.name, fmt(s.median, 3), fmt(s.mbps, 1), fmt(s.docsPerSecond, 0),
             share ? fmt(100 * s.median / parse.median, 1) + "%" : ""]
        }
        for (k, s) in phase1.enumerated() {
            rows.append(row(s, share: s.name.hasPrefix("parse +")))
            if k == 3 && phase1.count > 4 { rows.append(["parse by kind of input:", "", "", "", ""]) }
        }
        for s in phase2 { rows.append(row(s)) }
        if !extractorStages.isEmpty {
            rows.append(["per extractor (raw, no resolve):", "", "", "", ""])
            for s in extractorStages { rows.append(row(s)) }
        }
        printTable(["stage", "median s", "MB/s", "docs/s", "of parse"], rows)
        print("")
        print("ratios (throughput): parse / NFKC = \(fmt(parse.mbps / nfkc.mbps, 3)), parse / scan = \(fmt(parse.mbps / scan.mbps, 4)), parse+JSON / NFKC = \(fmt(parseJSON.mbps / nfkc.mbps, 3))")
        if let norm = phase2.first(where: { $0.name == "normalize, text needing no change" }),
           let sc = phase2.first(where: { $0.name == "scan, same unchanged text" }) {
            print("normalization of unchanged text: \(fmt(norm.mbps, 1)) MB/s = \(fmt(norm.mbps / sc.mbps, 3)) × scan speed (\(unchangedDocs)/\(n) documents verified unchanged by a second pass)")
        }
        print("memory of one document: parse + JSON of \(mb(bigDoc.count)) (64× \(largestSeed.name)) raised peak RSS by \(mib(rssBig)) = \(fmt(Double(rssBig) / Double(bigDoc.count), 1))× the input")
        print("peak RSS: \(mib(rssParse)) after parse phase (corpus held: \(mb(totalRaw)) bytes + \(mb(totalUTF8)) decoded text), \(mib(rssStages)) after stage phase (all stage inputs held); at start \(mib(rssBeforeBig))")
        print("")

        // Scaling.
        var scalingResult: (Double, Double)? = nil
        if o.scaling {
            let largest = seeds.max { $0.bytes.count < $1.bytes.count }!
            print("== Scaling: one document of 1×, 8×, 64× the largest seed (\(largest.name), \(mb(largest.text.utf8.count))) ==")
            var perDoc: [Int: Double] = [:]
            var rows: [[String]] = []
            for k in [1, 8, 64] {
                let bytes = Array(Corpus.repeated(largest.text, k).utf8)
                let reps = 64 / k
                var samples: [Double] = []
                for _ in 0..<max(3, o.runs) {
                    samples.append(Timer.time {
                        var x = 0
                        for _ in 0..<reps { x &+= GongwenParser().parse(bytes: bytes).entities.count }
                        return x
                    } / Double(reps))
                }
                perDoc[k] = Timer.median(samples)
                rows.append(["\(k)×", mb(bytes.count), fmt(perDoc[k]! * 1000, 2), fmt(Double(bytes.count) / 1e6 / perDoc[k]!, 1),
                             fmt(perDoc[k]! / perDoc[1]!, 1)])
            }
            printTable(["size", "UTF-8", "ms / parse", "MB/s", "time / 1×"], rows)
            let r64 = perDoc[64]! / perDoc[1]!
            scalingResult = (perDoc[8]! / perDoc[1]!, r64)
            print(r64 > 80 ? "FLAG: 64× the input takes \(fmt(r64, 1))× the time (> 80×): not linear" : "ok: 64× the input takes \(fmt(r64, 1))× the time (limit 80×)")
            print("")
        }

        // CLI convert.
        var convertSummary: (Double, Int?)? = nil
        if o.convert {
            // The CLI built next to this executable (`swift build -c release` puts both in
            // .build/release), else the repository's .build/release/gongwen.
            let sibling = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("gongwen").path
            let binary = o.gongwen ?? (FileManager.default.isExecutableFile(atPath: sibling) ? sibling : root + "/.build/release/gongwen")
            print("== CLI: gongwen convert --jobs 1 / --jobs 2 ==")
            if let why = ConvertBench.availability(binary) {
                print("skipped: \(why)")
            } else {
                let runs = o.quick ? 1 : min(3, o.runs)
                let bench = ConvertBench(binary: binary, seeds: seeds, targetBytes: o.convertMB * 1_000_000, runs: runs)
                if let (files, bytes, results) = bench.measure() {
                    print("input: \(files) files, \(mb(bytes)) (replicated seeds, UTF-8) in a temp folder; binary \(binary); median of \(runs) run(s)")
                    var rows: [[String]] = []
                    for r in results {
                        rows.append(["--jobs \(r.jobs)", fmt(r.seconds, 2), fmt(Double(files) / r.seconds, 0),
                                     fmt(Double(bytes) / 1e6 / r.seconds, 1), r.peakRSS.map(mib) ?? "—", "\(r.outputLines)"])
                    }
                    printTable(["convert", "wall s", "docs/s", "MB/s", "peak RSS", "lines out"], rows)
                    if results.count == 2 {
                        let speedup = results[0].seconds / results[1].seconds
                        print("speedup --jobs 2 / --jobs 1: \(fmt(speedup, 2))× (target ≥ 1.8×)")
                        convertSummary = (speedup, results.map { $0.peakRSS ?? 0 }.max())
                    }
                } else {
                    print("skipped: convert run failed (see messages above)")
                }
            }
            print("")
        }

        // Targets.
        print("== Targets (issue 5) ==")
        func verdict(_ ok: Bool) -> String { ok ? "met" : "MISSED" }
        var targets: [[String]] = [
            ["parse ≥ 100 MB/s", fmt(parse.mbps, 1) + " MB/s", verdict(parse.mbps >= 100),
             parse.mbps >= 100 ? "" : "needs \(fmt(100 / parse.mbps, 2))× faster"],
            ["parse + JSON ≥ 50 MB/s", fmt(parseJSON.mbps, 1) + " MB/s", verdict(parseJSON.mbps >= 50),
             parseJSON.mbps >= 50 ? "" : "needs \(fmt(50 / parseJSON.mbps, 2))× faster"],
        ]
        if let norm = phase2.first(where: { $0.name == "normalize, text needing no change" }),
           let sc = phase2.first(where: { $0.name == "scan, same unchanged text" }) {
            let r = norm.mbps / sc.mbps
            targets.append(["normalize unchanged text at scan speed", "\(fmt(r, 2))× scan", r >= 0.8 ? "met (≥ 0.8× scan)" : "MISSED",
                            "\(fmt(norm.mbps, 0)) vs \(fmt(sc.mbps, 0)) MB/s"])
        }
        if let (speedup, peak) = convertSummary {
            targets.append(["convert --jobs 2 ≥ 1.8× --jobs 1", "\(fmt(speedup, 2))×", verdict(speedup >= 1.8), ""])
            if let p = peak, p > 0 {
                targets.append(["convert peak RSS < 150 MB (1 GB in)", mib(p), p < 150 << 20 ? "met at \(o.convertMB) MB in" : "MISSED",
                                "measured on \(o.convertMB) MB; run --convert-mb 1024 for 1 GB"])
            }
        }
        if let (_, r64) = scalingResult {
            targets.append(["scaling: 64× input within 80× time", "\(fmt(r64, 1))×", verdict(r64 <= 80), ""])
        }
        printTable(["target", "measured", "verdict", "note"], targets)
        print("")
        print("total bench time \(fmt(Timer.seconds(Timer.clock.now - wallStart), 1)) s (checksum \(Sink.value & 0xFFFF))")
    }

    /// The profiled work, under a stable name for `valgrind --tool=callgrind --toggle-collect=*profileRun*`.
    @inline(never) static func profileRun(_ docs: [Doc]) -> Int {
        var x = 0
        for d in docs { x &+= GongwenJSON.encode(GongwenParser().parse(bytes: d.bytes)).count }
        return x
    }

    static func cpuModel() -> String {
        guard let s = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let v = line.split(separator: ":", maxSplits: 1).last else { return "unknown CPU" }
        return v.trimmingCharacters(in: .whitespaces)
    }
}
