import Foundation

/// What flows through the pipeline: an item converted in this process, or a whole top-level
/// input handed to a worker process (which may give many records: an archive's members).
enum Work: Sendable {
    case item(InputItem)
    case task(WorkerTask)
}

/// One result for the writer, in input order.
enum Delivered: Sendable {
    case outcome(Outcome)
    /// Already in the output being resumed, confirmed by the supervisor (`code` of that record).
    case resumed(code: String?, bytes: Int)
}

/// The parallel pipeline: a producer submits work, `jobs` threads take it (converting in process, or
/// each driving a worker process), and the writer takes results strictly in input order from a
/// reorder buffer. At most `maxInFlight` pieces of work are unwritten, so memory stays flat; an
/// archive's members are written as they arrive when it is the oldest unwritten input.
final class Pipeline: @unchecked Sendable {
    private struct Slot {
        var results: [Delivered] = []
        var head = 0
        var finished = false
    }

    private let condition = NSCondition()
    private var queue: [(Int, Work)] = []
    private var queueHead = 0
    private var slots: [Int: Slot] = [:]
    private var produced = 0
    private var finished = 0
    private var delivered = 0
    private var inFlight = 0
    private var producerDone = false
    private var cancelled = false
    private var storedFailure: Error?
    private var writeSeq = 0
    private let maxInFlight: Int
    private var diskDone = 0
    private var workersLeft = 0

    init(maxInFlight: Int) { self.maxInFlight = maxInFlight }

    /// Producer: blocks while too much is in flight; returns at once after `cancel()`.
    func submit(_ work: Work) {
        condition.lock()
        defer { condition.unlock() }
        while inFlight >= maxInFlight && !cancelled { condition.wait() }
        if cancelled { return }
        queue.append((produced, work))
        produced += 1
        inFlight += 1
        condition.broadcast()
    }

    func addDiskProgress(_ bytes: Int) {
        condition.lock()
        diskDone += bytes
        condition.unlock()
    }

    func finishProducing() {
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops everything: the producer stops submitting, workers get no more work (a write failed).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops everything because of `error` (a worker cannot start); the writer throws it.
    func fail(_ error: Error) {
        condition.lock()
        if storedFailure == nil { storedFailure = error }
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    var failure: Error? {
        condition.lock()
        defer { condition.unlock() }
        return storedFailure
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Worker: the next piece of work, or nil when there will be no more.
    func nextWork() -> (Int, Work)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead >= queue.count {
            if producerDone || cancelled { return nil }
            condition.wait()
        }
        if cancelled { return nil }
        let work = queue[queueHead]
        queueHead += 1
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return work
    }

    /// One more result of work `seq` (in its order).
    func deliver(_ seq: Int, _ result: Delivered) {
        condition.lock()
        slots[seq, default: Slot()].results.append(result)
        delivered += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Work `seq` has given all its results.
    func finish(_ seq: Int) {
        condition.lock()
        slots[seq, default: Slot()].finished = true
        finished += 1
        condition.broadcast()
        condition.unlock()
    }

    func complete(_ seq: Int, _ outcome: Outcome) {
        deliver(seq, .outcome(outcome))
        finish(seq)
    }

    func workerStarted() { condition.lock(); workersLeft += 1; condition.unlock() }

    func workerFinished() {
        condition.lock()
        workersLeft -= 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers() {
        condition.lock()
        while workersLeft > 0 { condition.wait() }
        condition.unlock()
    }

    /// Writer: the next result in input order, or nil after the last one. Calls `idle` (outside the
    /// lock) before waiting and every half second while waiting.
    func next(idle: () -> Void) -> Delivered? {
        condition.lock()
        while true {
            if cancelled {
                condition.unlock()
                return nil
            }
            if var slot = slots[writeSeq] {
                if slot.head < slot.results.count {
                    let result = slot.results[slot.head]
                    slot.head += 1
                    if slot.head > 256 && slot.head * 2 > slot.results.count {
                        slot.results.removeFirst(slot.head)
                        slot.head = 0
                    }
                    slots[writeSeq] = slot
                    condition.unlock()
                    return result
                }
                if slot.finished {
                    slots[writeSeq] = nil
                    writeSeq += 1
                    inFlight -= 1
                    condition.broadcast()
                    continue
                }
            }
            if (producerDone || cancelled) && writeSeq >= produced {
                condition.unlock()
                return nil
            }
            condition.unlock()
            idle()
            condition.lock()
            if !ready {
                _ = condition.wait(until: Date().addingTimeInterval(0.5))
            }
        }
    }

    /// Something for the writer (call with the lock held).
    private var ready: Bool {
        if let slot = slots[writeSeq], slot.head < slot.results.count || slot.finished { return true }
        return (producerDone || cancelled) && writeSeq >= produced
    }

    struct Snapshot {
        var produced: Int
        var finished: Int
        var delivered: Int
        var done: Bool
        var disk: Int
    }

    var snapshot: Snapshot {
        condition.lock()
        defer { condition.unlock() }
        return Snapshot(produced: produced, finished: finished, delivered: delivered, done: producerDone, disk: diskDone)
    }
}
