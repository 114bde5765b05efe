import Foundation
import Synchronization

/// Set when the run is to stop (Ctrl-C): no new work is started, work under way completes.
public final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public var isSet: Bool { flag.load(ordering: .relaxed) }

    public func set() { flag.store(true, ordering: .relaxed) }
}

/// Runs `work` on the indices 0..<count on `jobs` threads and hands each result to `consume` on
/// the calling thread in index order, as soon as it and those before it are ready. When `stop` is
/// set, no further index is started; the results of those started are still consumed. Used by
/// `dataset`, `stats` and `check`: their output is the same whatever the number of jobs.
public enum ParallelRun {
    public static func run<Output: Sendable>(
        count: Int, jobs: Int, stop: StopFlag,
        work: @escaping @Sendable (Int) -> Output,
        consume: (Int, Output) throws -> Void
    ) throws {
        let state = State<Output>()
        let threads = max(1, min(jobs, count))
        for _ in 0..<threads {
            let thread = Thread {
                while let index = state.take(below: count, stop: stop) {
                    state.deliver(index, work(index))
                }
                state.finishWorker()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer { state.waitForWorkers(threads) }
        for index in 0..<count {
            guard let output = state.await(index) else { break }
            try consume(index, output)
        }
    }

    /// The shared state of a run: the next index to start, results not yet consumed, workers done.
    private final class State<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var next = 0
        private var results: [Int: Output] = [:]
        private var finished = 0

        func take(below count: Int, stop: StopFlag) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard next < count, !stop.isSet else { return nil }
            next += 1
            return next - 1
        }

        func deliver(_ index: Int, _ output: Output) {
            condition.lock()
            results[index] = output
            condition.broadcast()
            condition.unlock()
        }

        func finishWorker() {
            condition.lock()
            finished += 1
            condition.broadcast()
            condition.unlock()
        }

        /// The result for `index`, waiting for it; nil when it was never started (the run stopped).
        func await(_ index: Int) -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while results[index] == nil {
                // Started indices are below `next`; once no index at or past `index` can arrive, stop.
                if index >= next, finished > 0 { return nil }
                condition.wait()
            }
            return results.removeValue(forKey: index)
        }

        func waitForWorkers(_ count: Int) {
            condition.lock()
            while finished < count { condition.wait() }
            condition.unlock()
        }
    }
}
