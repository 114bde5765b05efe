/// A non-decreasing map from normalised offsets to original offsets (`SourceText.origin`), kept as
/// runs: within a run each next offset is one more than the last, so a text that normalisation
/// leaves one scalar for one scalar is a single run, however long. A new run starts where the map
/// jumps (a dropped CR, a pinyin gloss, a page number, a joined line) or stands still (one scalar
/// normalised to several). Reading an offset searches the run starts of its page of 256 offsets
/// (`SortedPositions`); memory is 12 bytes a run and 4 a page instead of 8 a character.
struct OffsetMap: Sendable, Equatable {
    /// Where each run starts, as a normalised offset, in increasing order.
    private var runStarts = SortedPositions()
    /// The original offset of each run's first entry.
    private var runBases: [Int] = []
    /// How many offsets the map holds.
    private(set) var count = 0

    init() {}

    /// Appends the original offset of the next normalised offset.
    mutating func append(_ offset: Int) { appendRun(offset, count: 1) }

    /// Appends the original offsets of `map`'s entries in `range`, a run at a time.
    mutating func append(from map: OffsetMap, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= map.count, "range \(range) outside the map of \(map.count)")
        guard !range.isEmpty else { return }
        var from = range.lowerBound
        var k = map.runStarts.firstIndex(atLeast: from + 1) - 1
        while from < range.upperBound {
            let runEnd = k + 1 < map.runStarts.count ? map.runStarts[k + 1] : map.count
            let to = min(runEnd, range.upperBound)
            appendRun(map.runBases[k] + (from - map.runStarts[k]), count: to - from)
            from = to
            k += 1
        }
    }

    /// Appends `count` offsets that step by one from `first`.
    private mutating func appendRun(_ first: Int, count n: Int) {
        let continuesRun = runStarts.last.map { runBases[runBases.count - 1] + (count - $0) == first } ?? false
        if !continuesRun {
            runStarts.append(count)
            runBases.append(first)
        }
        count += n
    }

    mutating func reserveRuns(_ n: Int) {
        runStarts.reserveCapacity(n)
        runBases.reserveCapacity(n)
    }

    /// The number of runs, for tests and the benchmark.
    var runCount: Int { runStarts.count }

    /// The original offset of normalised offset `i` (`0 <= i < count`).
    subscript(i: Int) -> Int {
        precondition(i >= 0 && i < count, "offset \(i) outside the map of \(count)")
        // The run is the last to start at or before `i`.
        let k = runStarts.firstIndex(atLeast: i + 1) - 1
        return runBases[k] + (i - runStarts[k])
    }

    /// Reads offsets in increasing order without a search each: the `Reflow` passes copy the map
    /// entry by entry.
    struct Reader {
        let map: OffsetMap
        private var run = 0

        init(_ map: OffsetMap) { self.map = map }

        /// The original offset of `i`; each `i` at least the last one asked for.
        mutating func offset(_ i: Int) -> Int {
            precondition(i >= 0 && i < map.count, "offset \(i) outside the map of \(map.count)")
            let starts = map.runStarts
            // A few runs on are walked; farther (or the first time), searched.
            var steps = 0
            while run + 1 < starts.count, starts[run + 1] <= i {
                run += 1
                steps += 1
                if steps == 4 { run = starts.firstIndex(atLeast: i + 1) - 1; break }
            }
            if starts[run] > i { run = starts.firstIndex(atLeast: i + 1) - 1 }
            return map.runBases[run] + (i - starts[run])
        }
    }

    /// The first normalised offset whose original offset is at least `offset`; `count` if none.
    func firstIndex(atLeast offset: Int) -> Int {
        // The first run whose last entry reaches `offset`; within it the offset is direct.
        var lo = 0, hi = runStarts.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let end = mid + 1 < runStarts.count ? runStarts[mid + 1] : count
            if runBases[mid] + (end - 1 - runStarts[mid]) >= offset { hi = mid } else { lo = mid + 1 }
        }
        guard lo < runStarts.count else { return count }
        return runStarts[lo] + max(0, offset - runBases[lo])
    }
}
