/// Finds the target a section heading states for an item's amount. A heading such as
/// "启动棚户区改造2.8万套(户),完成住房保障6000套(户),…" lists several targets; the item is matched
/// to the heading clause whose words it shares most (Han-character bigrams of the item's label
/// and of the words around the amount (`context`), each weighted by how few clauses of the heading contain it),
/// and the target is that clause's amount of the same unit family.
struct HeadingMatcher {
    let source: SourceText
    let grammar: Grammar
    let index: TextIndex
    private var chars: [Unicode.Scalar] { source.chars }

    /// The target for `actual` among the amounts stated in `headings` (an item's stated task, the
    /// headings of the sections around it, the preamble), matched through the words of `label` and
    /// `context`. The target must come before the actual and be of its unit family.
    /// The item's own `task` ("5.新建居家养老服务站18个") counts even without shared words: it is
    /// what the item reports on. Only clauses that state an amount of the actual's unit family are
    /// candidates.
    func target(for actual: Quantity, context: Range<Int>, label: Range<Int>?, task: Range<Int>?,
                headings: [Range<Int>]) -> Quantity? {
        let taskClauses = task.map { headingClauses($0) } ?? []
        let clauses = taskClauses + headings.flatMap { headingClauses($0) }
        guard !clauses.isEmpty else { return nil }
        let clauseBigrams = clauses.map { bigrams(in: $0) }
        var frequency: [UInt64: Int] = [:]
        for set in clauseBigrams { for b in set { frequency[b, default: 0] += 1 } }

        let labelBigrams = label.map { bigrams(in: $0) } ?? []
        let own = bigrams(in: context)
        // Only a clause that states an amount of the actual's kind can give its target (an item's
        // label, 老旧小区改造方面, shares every word with the item and states none).
        func candidate(_ clause: Range<Int>) -> Quantity? {
            index.amounts(in: clause).first { $0.range.upperBound <= actual.range.lowerBound && $0.isComparable(with: actual) }
        }
        var best: (score: Double, clause: Int, target: Quantity)? = nil
        for (k, set) in clauseBigrams.enumerated() {
            guard let target = candidate(clauses[k]) else { continue }
            var score = k < taskClauses.count ? 0.5 : 0
            for b in set {
                let weight = 1.0 / Double(frequency[b] ?? 1)
                if labelBigrams.contains(b) { score += 2 * weight }
                if own.contains(b) { score += weight }
            }
            if score > 0, score > (best?.score ?? 0) { best = (score, k, target) }
        }
        return best?.target
    }

    /// The heading split at clause ends and list commas (、); of a heading longer than
    /// `contextReach` (a preamble on one line), its start.
    private func headingClauses(_ heading: Range<Int>) -> [Range<Int>] {
        let range = heading.lowerBound..<min(heading.upperBound, heading.lowerBound + contextReach)
        var clauses: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where grammar.clauseEnds.contains(chars[i]) || grammar.listCommas.contains(chars[i]) {
            if i > start { clauses.append(start..<i) }
            start = i + 1
        }
        if range.upperBound > start { clauses.append(start..<range.upperBound) }
        return clauses
    }

    private func bigrams(in range: Range<Int>) -> Set<UInt64> { HanBigrams.of(chars, in: range) }
}
