/// Paragraph, sentence and clause boundaries of the normalised text, and the quantities sorted by
/// position, for the lookups the claim extractor makes. Built once in a single pass.
struct TextIndex {
    private let chars: [Unicode.Scalar]
    private var clauseStarts: [Int] = [0]
    private var sentenceStarts: [Int] = [0]
    private var paragraphStarts: [Int] = [0]
    /// Amounts (not percentages), sorted by start.
    let amounts: [Quantity]
    private let amountStarts: [Int]

    let clauseEnds: Set<Unicode.Scalar>

    init(chars: [Unicode.Scalar], quantities: [Quantity], grammar: Grammar) {
        self.chars = chars
        self.clauseEnds = grammar.clauseEnds
        let sentenceEnds = grammar.sentenceEnds
        // Delimiters inside a quantity (1,234) do not end a clause.
        var covered = [Bool](repeating: false, count: chars.count)
        for q in quantities { for i in q.range { covered[i] = true } }
        for (i, c) in chars.enumerated() where !covered[i] {
            if clauseEnds.contains(c) { clauseStarts.append(i + 1) }
            if sentenceEnds.contains(c) { sentenceStarts.append(i + 1) }
            if c == "\n" { paragraphStarts.append(i + 1) }
        }
        amounts = quantities.filter(\.isAmount).sorted { $0.range.lowerBound < $1.range.lowerBound }
        amountStarts = amounts.map(\.range.lowerBound)
    }

    private func enclosing(_ starts: [Int], _ p: Int) -> Range<Int> {
        // The last start <= p, and the next start (or the end).
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= p { lo = mid + 1 } else { hi = mid }
        }
        let start = starts[max(lo - 1, 0)]
        let end = lo < starts.count ? starts[lo] : chars.count
        return start..<end
    }

    func clause(containing p: Int) -> Range<Int> { enclosing(clauseStarts, p) }
    func sentence(containing p: Int) -> Range<Int> { enclosing(sentenceStarts, p) }
    func paragraph(containing p: Int) -> Range<Int> { enclosing(paragraphStarts, p) }

    /// Amounts that start inside `range`, in order.
    func amounts(in range: Range<Int>) -> ArraySlice<Quantity> {
        func firstIndex(atOrAfter p: Int) -> Int {
            var lo = 0, hi = amountStarts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if amountStarts[mid] < p { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let a = firstIndex(atOrAfter: range.lowerBound), b = firstIndex(atOrAfter: range.upperBound)
        return amounts[a..<max(a, b)]
    }

    /// Whether a quantity stands in brackets as a gloss: 2658辆公交车(2585个站点).
    func isParenthetical(_ q: Quantity) -> Bool {
        var i = q.range.lowerBound - 1
        while i >= 0, i >= q.range.lowerBound - 12 {
            let c = chars[i]
            if c == "(" { return true }
            if c == ")" || clauseEnds.contains(c) { return false }
            i -= 1
        }
        return false
    }
}
