import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress on stderr: a bar redrawn in place on a terminal (files done/total, MB/s, ETA), or a
/// plain line every few seconds when stderr is a file or pipe. Driven by the writer thread only.
final class ProgressReporter {
    enum Style { case bar, lines, none }

    private let style: Style
    private let start = Date()
    private var last: Date
    private var drewBar = false

    init(mode: ProgressMode) {
        switch mode {
        case .none: style = .none
        case .bar: style = .bar
        case .lines: style = .lines
        case .auto: style = isatty(2) != 0 ? .bar : .lines
        }
        // Lines start after the first interval: a short run prints only its summary.
        last = style == .lines ? start : .distantPast
    }

    struct State {
        var done: Int
        var known: Int
        var enumerationDone: Bool
        var bytes: Int
        var diskDone: Int
        var diskTotal: Int
    }

    func update(_ state: @autoclosure () -> State, force: Bool = false) {
        guard style != .none else { return }
        let now = Date()
        let interval: TimeInterval = style == .bar ? 0.2 : 5
        guard force || now.timeIntervalSince(last) >= interval else { return }
        last = now
        let s = state()
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let mbps = Double(s.bytes) / 1_000_000 / elapsed
        var eta = ""
        if s.diskDone > 0, s.diskTotal > s.diskDone {
            let seconds = Int(elapsed * Double(s.diskTotal - s.diskDone) / Double(s.diskDone))
            eta = String(format: " ETA %d:%02d", seconds / 60, seconds % 60)
        }
        let total = "\(s.known)\(s.enumerationDone ? "" : "+")"
        switch style {
        case .bar:
            let fraction = s.diskTotal > 0 ? min(1, Double(s.diskDone) / Double(s.diskTotal)) : (s.known > 0 ? Double(s.done) / Double(s.known) : 0)
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            emit("\r\u{1B}[K\(bar) \(s.done)/\(total) files  \(String(format: "%.1f", mbps)) MB/s\(eta)")
            drewBar = true
        case .lines:
            emit("gongwen convert: \(s.done)/\(total) files, \(String(format: "%.1f MB, %.1f MB/s", Double(s.bytes) / 1_000_000, mbps))\(eta)\n")
        case .none:
            break
        }
    }

    /// Clears the bar before the summary is printed.
    func finish() {
        if drewBar { emit("\r\u{1B}[K") }
    }

    /// A plain write(2): a closed stderr (`2>&1 | head`) loses the line instead of trapping
    /// (SIGPIPE is ignored while workers run).
    private func emit(_ s: String) {
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress!, $0.count) }
    }
}
