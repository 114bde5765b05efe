/// Units left out in a list: 其中中央及省市以上6.57亿元、县本级3.3亿、乡镇及其他5.75亿 writes 元 once,
/// and the later items, written with the same multiplier (亿) and no unit, are 亿元 too. An amount
/// takes the unit of the amount before it only when the two stand in one list (nothing between
/// them but a list comma, or a comma and 其中, and Han characters naming the item) and share the
/// multiplier: 资金1.2亿元,其中城镇居民0.45亿、农村居民0.75亿.
enum ListUnits {
    static func completed(_ quantities: [Quantity], source: SourceText, grammar: Grammar) -> [Quantity] {
        let chars = source.chars
        var out = quantities
        var order = Array(out.indices).sorted { out[$0].range.lowerBound < out[$1].range.lowerBound }
        order.removeAll { out[$0].isPercent }
        for (a, b) in zip(order, order.dropFirst()) {
            let previous = out[a], q = out[b]
            guard q.unit.isEmpty, !previous.unit.isEmpty, previous.isAmount,
                  let multiplier = grammar.multipliers.matchEnding(in: chars, at: q.range.upperBound, floor: q.numberStart),
                  source.text(previous.range).contains(source.text(q.range.upperBound - multiplier.length..<q.range.upperBound)),
                  inOneList(previous.range.upperBound..<q.range.lowerBound, chars: chars, grammar: grammar) else { continue }
            out[b] = Quantity(text: q.text, span: q.span, value: q.value, names: previous.unitNames,
                              approx: q.approx, step: q.step, upper: q.upper, range: q.range, numberStart: q.numberStart)
        }
        return out
    }

    /// Whether `gap` is a list comma, or a clause comma and a breakdown marker (,其中), then up to
    /// twelve Han characters naming the item (县本级).
    private static func inOneList(_ gap: Range<Int>, chars: [Unicode.Scalar], grammar: Grammar) -> Bool {
        guard !gap.isEmpty else { return false }
        var label = gap.lowerBound + 1
        if !grammar.listCommas.contains(chars[gap.lowerBound]) {
            guard grammar.clauseEnds.contains(chars[gap.lowerBound]), !grammar.sentenceEnds.contains(chars[gap.lowerBound]),
                  let marker = grammar.breakdown.match(in: chars, at: label, limit: gap.upperBound) else { return false }
            label += marker.length
        }
        return gap.upperBound - label <= 12 && chars[label..<gap.upperBound].allSatisfy { $0.isHan }
    }
}
