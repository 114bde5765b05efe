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
                headings: [Range<Int>], cache: HeadingCache) -> Quantity? {
        let read = (task.map { [heading($0, cache)] } ?? []) + headings.map { heading($0, cache) }
        // Only a clause that states an amount of the actual's kind can give its target (an item's
        // label, 老旧小区改造方面, shares every word with the item and states none).
        func candidate(_ amounts: Range<Int>) -> Quantity? {
            index.amounts[amounts].first { $0.range.upperBound <= actual.range.lowerBound && $0.isComparable(with: actual) }
        }
        var words: (label: [UInt64], own: [UInt64])? = nil
        var best: (score: Double, target: Quantity)? = nil
        for (h, heading) in read.enumerated() {
            for k in heading.clauses.indices {
                guard let target = candidate(heading.amounts[k]) else { continue }
                if words == nil { words = (label.map { HanBigrams.sorted(chars, in: $0) } ?? [], HanBigrams.sorted(chars, in: context)) }
                var score = task != nil && h == 0 ? 0.5 : 0
                for b in heading.bigrams[k] {
                    let inLabel = words!.label.sortedContains(b), inOwn = words!.own.sortedContains(b)
                    guard inLabel || inOwn else { continue }
                    // Weighted by how few clauses of all the headings hold it.
                    let weight = 1.0 / Double(read.reduce(0) { $0 + ($1.frequency[b] ?? 0) })
                    if inLabel { score += 2 * weight }
                    if inOwn { score += weight }
                }
                if score > 0, score > (best?.score ?? 0) { best = (score, target) }
            }
        }
        return best?.target
    }

    /// A heading's clauses with their bigrams, read once per document.
    private func heading(_ range: Range<Int>, _ cache: HeadingCache) -> HeadingCache.Heading {
        if let known = cache.headings[range] { return known }
        let clauses = headingClauses(range)
        let sets = clauses.map { bigrams(in: $0) }
        var frequency: [UInt64: Int] = [:]
        for set in sets { for b in set { frequency[b, default: 0] += 1 } }
        let made = HeadingCache.Heading(clauses: clauses, amounts: clauses.map { index.amountPositions(in: $0) },
                                        bigrams: sets.map { $0.sorted() }, frequency: frequency)
        cache.headings[range] = made
        return made
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

/// The headings a document's claims were matched against, each read once (`HeadingMatcher`):
/// the items of a section share their headings.
final class HeadingCache {
    struct Heading {
        let clauses: [Range<Int>]
        /// Each clause's amounts: positions in `TextIndex.amounts`.
        let amounts: [Range<Int>]
        /// Each clause's Han bigrams, in bigram order so that scores add up the same way every run.
        let bigrams: [[UInt64]]
        /// How many of the clauses hold each bigram.
        let frequency: [UInt64: Int]
    }

    var headings: [Range<Int>: Heading] = [:]
}
