/// The monotone map from normalized index to source index, stored as runs: where `source - index`
/// stays the same (everything a one-for-one fold like `，` → `,` leaves aligned) nothing is
/// stored. A new run starts only where the lengths part: a CR of CR LF or a zero-width character
/// dropped, `㈠` expanded to three scalars. A document with LF line ends and no expansions has
/// one run, so the map costs nothing; a CR LF document costs eight bytes a line, not four bytes
/// a scalar.
package struct OffsetMap: Sendable, Hashable {
    /// Normalized indexes where a run starts, ascending; `runStarts[0] == 0`.
    private var runStarts: [Int32] = [0]
    /// `source - index` in each run.
    private var deltas: [Int32] = [0]
    /// Indexes mapped, `0..<count` (the normalized length plus one: the end is mapped too).
    package private(set) var count = 0

    package init() {}

    /// Normalized index `count` comes from source index `source`.
    @inline(__always)
    package mutating func append(_ source: Int32) {
        let delta = source &- Int32(truncatingIfNeeded: count)
        if delta != deltas[deltas.count - 1] {
            if runStarts[runStarts.count - 1] == Int32(truncatingIfNeeded: count) {
                deltas[deltas.count - 1] = delta
            } else {
                runStarts.append(Int32(truncatingIfNeeded: count))
                deltas.append(delta)
            }
        }
        count += 1
    }

    /// `length` indexes from `count` on come from consecutive source indexes from `source`.
    @inline(__always)
    package mutating func append(run source: Int32, length: Int) {
        guard length > 0 else { return }
        append(source)
        count += length - 1
    }

    /// Whether every index maps to itself (nothing was dropped or expanded).
    package var isIdentity: Bool { deltas.count == 1 && deltas[0] == 0 }

    /// Stored runs (for the memory figures in Performance).
    package var runCount: Int { runStarts.count }

    /// The source index of normalized index `i` (`0..<count`).
    @inline(__always)
    package subscript(_ i: Int) -> Int {
        // The last run starting at or before i.
        var lo = 0, hi = runStarts.count
        let key = Int32(truncatingIfNeeded: i)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if runStarts[mid] <= key { lo = mid } else { hi = mid }
        }
        return i + Int(deltas[lo])
    }

    /// Every mapped index in order, for tests.
    package var values: [Int] { (0..<count).map { self[$0] } }
}
