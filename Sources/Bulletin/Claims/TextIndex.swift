/// Paragraph, sentence and clause boundaries of the normalised text, and the quantities sorted by
/// position, for the lookups the claim extractor makes. Built once in a single pass.
///
/// Paragraphs are the content lines the Layout stage found (a report scraped onto one line is
/// already split at its items there); sentences and clauses also end where a line does.
/// Every range it hands out reaches at most `contextReach` characters from the position asked
/// about, so that no rule scans more than that for one lookup, however long the paragraph.
struct TextIndex {
    private let chars: [Unicode.Scalar]
    private var clauseStarts: [Int] = [0]
    private var sentenceStarts: [Int] = [0]
    private var paragraphStarts: [Int] = [0]
    /// Amounts (not percentages), sorted by start.
    let amounts: [Quantity]
    private let amountStarts: [Int]
    /// Percentages, sorted by start, and their starts.
    let percentages: [Quantity]
    private let percentageStarts: [Int]
    /// Where bracket depth changes: (position, depth from there on), in order. Brackets do not
    /// reach across a line.
    private var depthChanges: [(Int, Int)] = [(0, 0)]

    let clauseEnds: Set<Unicode.Scalar>

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
        // Clause and sentence ends as a table by scalar (a set lookup per character is slow in debug
        // builds). A line break is no end of its own: lines come from the layout.
        var ends = [UInt8](repeating: 0, count: 0x10000)
        for c in clauseEnds where c.value < 0x10000 && c != "\n" { ends[Int(c.value)] |= 1 }
        for c in sentenceEnds where c.value < 0x10000 && c != "\n" { ends[Int(c.value)] |= 2 }
        func start(_ i: Int, in starts: inout [Int]) {
            if starts.last != i { starts.append(i) }
        }
        var depth = 0
        for i in 0..<chars.count {
            if lineBoundary[i], i > 0 {
                start(i, in: &clauseStarts)
                start(i, in: &sentenceStarts)
                start(i, in: &paragraphStarts)
                if depth != 0 { depth = 0; depthChanges.append((i, 0)) }
            }
            guard !covered[i] else { continue }
            let c = chars[i]
            let end = c.value < 0x10000 ? ends[Int(c.value)] : 0
            if end & 1 != 0 || (c.value >= 0x10000 && clauseEnds.contains(c)) { start(i + 1, in: &clauseStarts) }
            if end & 2 != 0 || (c.value >= 0x10000 && sentenceEnds.contains(c)) { start(i + 1, in: &sentenceStarts) }
            let before = depth
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if depth != before { depthChanges.append((i + 1, depth)) }
        }
        amounts = quantities.filter(\.isAmount).sorted { $0.range.lowerBound < $1.range.lowerBound }
        amountStarts = amounts.map(\.range.lowerBound)
        percentages = quantities.filter(\.isPercent).sorted { $0.range.lowerBound < $1.range.lowerBound }
        percentageStarts = percentages.map(\.range.lowerBound)
    }

    private func enclosing(_ starts: [Int], _ p: Int) -> Range<Int> {
        // The last start <= p, and the next start (or the end).
        let lo = starts.boundary { $0 > p }
        let start = starts[max(lo - 1, 0)]
        let end = lo < starts.count ? starts[lo] : chars.count
        return max(start, p - contextReach)..<max(min(end, p + contextReach), p)
    }

    func clause(containing p: Int) -> Range<Int> { enclosing(clauseStarts, p) }
    /// Where the clause containing `p` starts, however far back (for one-pass scans).
    func clauseStart(of p: Int) -> Int {
        clauseStarts[max(clauseStarts.boundary { $0 > p } - 1, 0)]
    }
    func sentence(containing p: Int) -> Range<Int> { enclosing(sentenceStarts, p) }
    func paragraph(containing p: Int) -> Range<Int> { enclosing(paragraphStarts, p) }

    /// Amounts that start inside `range`, in order; of a range longer than `contextReach`, those in
    /// its last `contextReach` characters (rules look back from a position).
    func amounts(in range: Range<Int>) -> ArraySlice<Quantity> {
        amounts[Self.indices(in: range, of: amountStarts)]
    }

    /// Percentages that start inside `range`, in order; of a range longer than `contextReach`,
    /// those in its last `contextReach` characters.
    func percentages(in range: Range<Int>) -> ArraySlice<Quantity> {
        percentages[Self.indices(in: range, of: percentageStarts)]
    }

    /// The indices of the sorted `starts` inside the last `contextReach` characters of `range`.
    private static func indices(in range: Range<Int>, of starts: [Int]) -> Range<Int> {
        let from = max(range.lowerBound, range.upperBound - contextReach)
        let a = starts.boundary { $0 >= from }
        let b = starts.boundary { $0 >= range.upperBound }
        return a..<max(a, b)
    }

    /// How deep in brackets a position is: 0 outside, 1 in (…), and so on.
    func depth(at p: Int) -> Int {
        depthChanges[max(depthChanges.boundary { $0.0 > p } - 1, 0)].1
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
