/// The amounts that a clause names as a plan (年度计划投资565.6亿元) or a whole (共摸排208所): a cue
/// phrase comes before the amount in its clause, with no done-cue (已, 实际) between them, which
/// would make it an achieved amount. Not amounts in brackets. Found in one pass over the text, so
/// the plan and share rules look a target up by binary search instead of testing every earlier
/// amount of the paragraph.
struct CuedAmounts {
    /// By unit family, in text order. (A list: a document states amounts of a few families, and
    /// comparing a short name with each costs less than hashing it.)
    private var byFamily: [(family: String, amounts: [Quantity])] = []

    init(chars: [Unicode.Scalar], index: TextIndex, cues: PhraseTrie<Bool>, doneCues: PhraseTrie<Bool>) {
        var clauseStart = -1
        var scanned = 0                                  // phrase ends up to here have been looked at
        var cue: (start: Int, end: Int)? = nil           // the last cue of the clause so far
        var doneAfterCue = false
        for q in index.amounts {
            let start = q.range.lowerBound
            let clause = index.clauseStart(of: start)
            if clause != clauseStart {
                (clauseStart, scanned, cue, doneAfterCue) = (clause, clause, nil, false)
            }
            // Each phrase end between the previous amount and this one, once.
            var end = scanned + 1
            while end <= start {
                if let hit = cues.matchEnding(in: chars, at: end, floor: clauseStart) {
                    cue = (end - hit.length, end)
                    doneAfterCue = false
                } else if let c = cue, !doneAfterCue, doneCues.matchEnding(in: chars, at: end, floor: c.end) != nil {
                    doneAfterCue = true
                }
                end += 1
            }
            scanned = max(scanned, start)
            if cue != nil, !doneAfterCue, !index.isParenthetical(q) {
                let family = q.family
                if let k = byFamily.firstIndex(where: { $0.family == family }) {
                    byFamily[k].amounts.append(q)
                } else {
                    byFamily.append((family, [q]))
                }
            }
        }
    }

    private func amounts(of family: String) -> [Quantity]? {
        byFamily.first { $0.family == family }?.amounts
    }

    /// Whether `q` is one of the cued amounts.
    func contains(_ q: Quantity) -> Bool {
        guard let list = amounts(of: q.family) else { return false }
        let k = list.boundary { $0.range.lowerBound >= q.range.lowerBound }
        return k < list.count && list[k].range == q.range
    }

    /// The cued amount of `family` when the text states exactly one.
    func only(family: String) -> Quantity? {
        guard let list = amounts(of: family), list.count == 1 else { return nil }
        return list[0]
    }

    /// The last cued amount of `family` that starts at or after `lower` and ends at or before `upper`.
    func last(family: String, from lower: Int, endingBy upper: Int) -> Quantity? {
        guard let list = amounts(of: family) else { return nil }
        var k = list.boundary { $0.range.lowerBound >= upper } - 1  // the last that starts before `upper`
        while k >= 0, list[k].range.upperBound > upper { k -= 1 }  // at most one overlaps `upper`
        return k >= 0 && list[k].range.lowerBound >= lower ? list[k] : nil
    }
}
