/// Positions in increasing order (repeats allowed), with the index of the first one at or past
/// each multiple of 256, so that a search reads only the positions of one stretch of 256. Built
/// by appending; used for the text index's clause and amount starts and for `OffsetMap`'s runs.
struct SortedPositions: Sendable, Equatable {
    private var values: [Int32] = []
    /// `pages[k]`: the index of the first value at least `k << pageShift`. Pages past the last
    /// value are not stored: their first value is the end.
    private var pages: [Int32] = []
    private static let pageShift = 8

    init() {}

    /// `values` in increasing order.
    init(_ values: [Int32]) {
        self.values.reserveCapacity(values.count)
        for v in values { append(Int(v)) }
    }

    /// Adds `value`, which is at least every value already held.
    mutating func append(_ value: Int) {
        precondition(value >= (values.last.map(Int.init) ?? 0) && value <= Int(Int32.max), "position \(value) out of order or too large")
        // Every page starting at or before `value` that no earlier value reached begins here.
        while pages.count <= value >> Self.pageShift { pages.append(Int32(values.count)) }
        values.append(Int32(value))
    }

    mutating func reserveCapacity(_ n: Int) { values.reserveCapacity(n) }

    var count: Int { values.count }
    var last: Int? { values.last.map(Int.init) }
    subscript(k: Int) -> Int { Int(values[k]) }

    /// The index of the first value at least `p`; `count` if none is.
    func firstIndex(atLeast p: Int) -> Int {
        guard p > 0 else { return 0 }
        let page = p >> Self.pageShift
        guard page < pages.count else { return values.count }
        // Every value from `pages[page]` on is at least the page's start, and every one from
        // `pages[page + 1]` on at least the next page's.
        var lo = Int(pages[page]), hi = page + 1 < pages.count ? Int(pages[page + 1]) : values.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if Int(values[mid]) >= p { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
