/// The word of a rate (完工率, 资金到位率): where its suffix (`rateSuffix` in Grammar/claims.tsv,
/// 率) stands and the activity before it, up to four Han characters (完工, 资金到位), which says
/// what the rate counts.
struct RateWord {
    let suffix: Int
    let activity: Range<Int>
    /// A rate word that names no activity (覆盖率, 完成率: `genericRate`).
    let isGeneric: Bool

    /// The first rate word whose suffix stands in `from..<limit`; its activity reaches back no
    /// further than `floor`.
    init?(in chars: [Unicode.Scalar], grammar: Grammar, from: Int, limit: Int, floor: Int = 0) {
        var r = from
        let end = min(limit, chars.count, from + contextReach)
        while r < end, grammar.rateSuffixes.match(in: chars, at: r, limit: end) == nil { r += 1 }
        guard r < end else { return nil }
        var w = r
        while w > max(floor, r - 4), chars[w - 1].isHan { w -= 1 }
        suffix = r
        activity = w..<r
        isGeneric = grammar.genericRates.matchEnding(in: chars, at: r + 1) != nil
    }
}
