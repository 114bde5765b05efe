/// Paragraph, sentence and clause boundaries of the normalised text, and the quantities sorted by
/// position, for the lookups the claim extractor makes. Built once in a single pass.
///
/// Paragraphs are the content lines the Layout stage found (a report scraped onto one line is
/// already split at its items there); sentences and clauses also end where a line does.
/// Every range it hands out reaches at most `contextReach` characters from the position asked
/// about, so that no rule scans more than that for one lookup, however long the paragraph.
///
/// Offsets are held as 32 bits (inputs are at most 512 MB), and the amounts and percentages are
/// positions in the document's quantities, not copies of them.
struct TextIndex {
    private let chars: [Unicode.Scalar]
    private let clauseStarts: SortedPositions
    private let sentenceStarts: SortedPositions
    private let paragraphStarts: SortedPositions
    /// Amounts (not percentages), sorted by start.
    let amounts: QuantityList
    private let amountStarts: SortedPositions
    /// Percentages, sorted by start, and their starts.
    let percentages: QuantityList
    private let percentageStarts: SortedPositions
    /// Where bracket depth changes: (position, depth from there on), in order. Brackets do not
    /// reach across a line.
    private var depthChanges: [(position: Int32, depth: Int32)] = [(0, 0)]

    let clauseEnds: ScalarSet

    /// `lines`: the content lines as the layout found them, in order (`DocumentStructure.contentLines`).
    init(chars: [Unicode.Scalar], lines: [Range<Int>], quantities: [Quantity], grammar: Grammar) {
        self.chars = chars
        self.clauseEnds = grammar.clauseEnds
        let sentenceEnds = grammar.sentenceEnds
        // Delimiters inside a quantity (1,234) do not end a clause.
        var covered = [Bool](repeating: false, count: chars.count)
        for q in quantities { for i in q.range { covered[i] = true } }
        // Where a line starts or ends, everything does.
        var lineBoundary = [Bool](repeating: false, count: chars.count + 1)
        for line in lines { lineBoundary[line.lowerBound] = true; lineBoundary[line.upperBound] = true }
        // A line break is no end of its own: lines come from the layout.
        var clauseStarts: [Int32] = [0], sentenceStarts: [Int32] = [0], paragraphStarts: [Int32] = [0]
        func start(_ i: Int, in starts: inout [Int32]) {
            if starts.last != Int32(i) { starts.append(Int32(i)) }
        }
        var depth = 0
        for i in 0..<chars.count {
            if lineBoundary[i], i > 0 {
                start(i, in: &clauseStarts)
                start(i, in: &sentenceStarts)
                start(i, in: &paragraphStarts)
                if depth != 0 { depth = 0; depthChanges.append((Int32(i), 0)) }
            }
            guard !covered[i] else { continue }
            let c = chars[i]
            if c != "\n", clauseEnds.contains(c) { start(i + 1, in: &clauseStarts) }
            if c != "\n", sentenceEnds.contains(c) { start(i + 1, in: &sentenceStarts) }
            let before = depth
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if depth != before { depthChanges.append((Int32(i + 1), Int32(depth))) }
        }
        self.clauseStarts = SortedPositions(clauseStarts)
        self.sentenceStarts = SortedPositions(sentenceStarts)
        self.paragraphStarts = SortedPositions(paragraphStarts)
        amounts = QuantityList(quantities, where: \.isAmount)
        amountStarts = SortedPositions(amounts.map { Int32($0.range.lowerBound) })
        percentages = QuantityList(quantities, where: \.isPercent)
        percentageStarts = SortedPositions(percentages.map { Int32($0.range.lowerBound) })
    }

    private func enclosing(_ starts: SortedPositions, _ p: Int) -> Range<Int> {
        // The last start <= p, and the next start (or the end).
        let lo = starts.firstIndex(atLeast: p + 1)
        let start = starts[max(lo - 1, 0)]
        let end = lo < starts.count ? starts[lo] : chars.count
        return max(start, p - contextReach)..<max(min(end, p + contextReach), p)
    }

    func clause(containing p: Int) -> Range<Int> { enclosing(clauseStarts, p) }
    /// Where the clause containing `p` starts, however far back (for one-pass scans).
    func clauseStart(of p: Int) -> Int {
        clauseStarts[max(clauseStarts.firstIndex(atLeast: p + 1) - 1, 0)]
    }
    func sentence(containing p: Int) -> Range<Int> { enclosing(sentenceStarts, p) }
    func paragraph(containing p: Int) -> Range<Int> { enclosing(paragraphStarts, p) }

    /// Amounts that start inside `range`, in order; of a range longer than `contextReach`, those in
    /// its last `contextReach` characters (rules look back from a position).
    func amounts(in range: Range<Int>) -> QuantityList.SubSequence {
        amounts[amountPositions(in: range)]
    }

    /// The positions in `amounts` of those `amounts(in: range)` gives.
    func amountPositions(in range: Range<Int>) -> Range<Int> {
        Self.indices(in: range, of: amountStarts)
    }

    /// Percentages that start inside `range`, in order; of a range longer than `contextReach`,
    /// those in its last `contextReach` characters.
    func percentages(in range: Range<Int>) -> QuantityList.SubSequence {
        percentages[Self.indices(in: range, of: percentageStarts)]
    }

    /// The indices of the sorted `starts` inside the last `contextReach` characters of `range`.
    private static func indices(in range: Range<Int>, of starts: SortedPositions) -> Range<Int> {
        let from = max(range.lowerBound, range.upperBound - contextReach)
        let a = starts.firstIndex(atLeast: from)
        let b = starts.firstIndex(atLeast: range.upperBound)
        return a..<max(a, b)
    }

    /// How deep in brackets a position is: 0 outside, 1 in (…), and so on.
    func depth(at p: Int) -> Int {
        Int(depthChanges[max(depthChanges.boundary { Int($0.position) > p } - 1, 0)].depth)
    }

    /// Whether a phrase of `trie` comes before `q` in its clause (已 in 已开工122个, 比上年 in
    /// 比上年增收…, 未 in 未分配…).
    func hasCue(_ trie: PhraseTrie<Bool>, before q: Quantity) -> Bool {
        let clause = clause(containing: q.range.lowerBound)
        return trie.firstOccurrence(in: chars, range: clause.lowerBound..<q.range.lowerBound) != nil
    }

    /// Whether a quantity stands in brackets: 2658辆公交车(2585个站点), 已竣工28个(其中…3个).
    func isParenthetical(_ q: Quantity) -> Bool { depth(at: q.range.lowerBound) > 0 }
}

/// Some of a document's quantities, sorted by start: positions in the full list, which is shared,
/// not copied.
struct QuantityList: RandomAccessCollection, Sendable {
    private let all: [Quantity]
    private let positions: [Int32]

    /// The quantities of `all` that `isIncluded` accepts, sorted by start (the scanner gives them
    /// in text order, so this is mostly a filter).
    init(_ all: [Quantity], where isIncluded: (Quantity) -> Bool) {
        self.all = all
        var positions: [Int32] = []
        for (k, q) in all.enumerated() where isIncluded(q) { positions.append(Int32(k)) }
        let inOrder = zip(positions, positions.dropFirst()).allSatisfy { all[Int($0)].range.lowerBound <= all[Int($1)].range.lowerBound }
        if !inOrder { positions.sort { all[Int($0)].range.lowerBound < all[Int($1)].range.lowerBound } }
        self.positions = positions
    }

    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }
    subscript(k: Int) -> Quantity { all[Int(positions[k])] }
}
