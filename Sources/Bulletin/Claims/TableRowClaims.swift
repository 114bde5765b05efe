/// One row's claim and the total rows' checks.
extension TableClaims {
    /// The claim of a row's ratio cell: actual and target from the row's cells (an actual written
    /// without a unit takes the target's: 1300人 | 700), or the target from the row's label
    /// (新建社区食堂50个), or, for a total row of a table without targets, the one plan the text
    /// before the table states for the same unit.
    func claim(_ row: Table.Row, _ indicator: Indicator, in table: Table) -> Claim? {
        guard let ratio = indicator.ratio, let percentage = percentage(in: row.cells[ratio]) else { return nil }
        var rules = ["basis:header(\(text(table.columns[ratio].header)))"]
        var target = indicator.target.flatMap { figures.figure(in: row.cells[$0], unit: unit($0, row, in: table)) }
        var targetSource: String? = target == nil ? nil : "table"
        var confidence = Confidence.high
        if let t = indicator.target, target != nil { rules.append("target:column(\(text(table.columns[t].header)))") }
        var actual = indicator.actual.flatMap { figures.figure(in: row.cells[$0], unit: unit($0, row, in: table)) }
        if target == nil, indicator.target == nil, let named = labelAmount(row, table) {
            (target, targetSource) = (named, "table")
            rules.append("target:label")
        }
        if let a = actual, a.unit.isEmpty, let t = target { actual = inUnit(of: t, a) }
        if let a = indicator.actual, actual != nil { rules.append("actual:column(\(text(table.columns[a].header)))") }
        if target == nil, indicator.target == nil, row.isTotal, let a = actual, let plan = planBefore(table, family: a.family) {
            (target, targetSource, confidence) = (plan.quantity, "paragraph", plan.only ? .high : .low)
            rules.append("target:beforeTable")
        }
        let incomparable = lowerIsBetter(row, indicator, table).map { "a rate where lower is better (\(text($0))): the ratio of two rates is not a share of the target" }
        let judgement = Judgement.judge(.init(percentage: percentage, basis: indicator.basis, actual: actual, target: target,
                                              confidence: confidence, incomparable: incomparable))
        return makeClaim(row, indicator, table, percentage, actual, target, targetSource, target == nil ? nil : confidence, judgement, rules)
    }

    private func makeClaim(_ row: Table.Row, _ indicator: Indicator, _ table: Table, _ percentage: Quantity,
                           _ actual: Quantity?, _ target: Quantity?, _ targetSource: String?, _ confidence: Confidence?,
                           _ judgement: Judgement, _ rules: [String]) -> Claim {
        let position = percentage.range.lowerBound
        let chain = structure.ancestry(at: position)
        let sections = chain.filter { $0.node == .section }
        let department = structure.department(at: position)
        let label = row.subRowName ?? table.labelColumn.flatMap { row.cells[$0] }
        let name = indicator.name.map { name in
            String(text(name).prefix { $0 != "(" })
        }
        // A sub-row is named with the row it belongs to: 普惠性幼儿园 · 新增学位.
        let labels = [row.parentLabel, label].compactMap { $0 }.map { text($0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let subject = ([name] + labels).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return Claim(
            section: sections.last?.number, subsection: sections.count > 1 ? sections.first?.number : nil,
            item: chain.first { $0.node == .item }?.number, department: department?.name,
            block: department?.blocks.last { $0.range.contains(position) }?.kind,
            subject: subject.isEmpty ? nil : subject, actual: actual, target: target, targetSource: targetSource,
            confidence: confidence, partOf: nil,
            reported: ReportedPercentage(
                text: percentage.text, span: percentage.span, value: percentage.value, signedValue: percentage.value,
                unit: percentage.unit, approx: percentage.approx, step: percentage.step, basis: indicator.basis,
                phrase: indicator.ratio.map { text(table.columns[$0].header) }, phraseSpan: percentage.span),
            computed: judgement.computed, computedRange: judgement.computedRange, impliedTarget: judgement.impliedTarget,
            status: judgement.status, reason: judgement.reason, rules: rules, percentRange: percentage.range, actualIsPart: false)
    }

    /// The header or row label that says lower is better (失业率低于(%)), if any.
    private func lowerIsBetter(_ row: Table.Row, _ indicator: Indicator, _ table: Table) -> Range<Int>? {
        let label = row.subRowName ?? table.labelColumn.flatMap { row.cells[$0] }
        let says = { (range: Range<Int>) in grammar.tables.lowerBetter.firstOccurrence(in: chars, range: range) != nil }
        if indicator.lowerIsBetter { return indicator.name ?? indicator.target.flatMap { table.columns[$0].header } }
        return label.flatMap { says($0) ? $0 : nil }
    }

    /// A ratio cell's percentage: 104.4%, or a bare 187.9 under a header that says it is one.
    private func percentage(in cell: Range<Int>?) -> Quantity? {
        guard let q = figures.figure(in: cell) else { return nil }
        if q.isPercent { return q }
        guard q.unit.isEmpty, let percent = grammar.units.match(in: ["%"], at: 0)?.value else { return nil }
        return q.with(unit: percent)
    }

    /// `actual` in the unit of `target`, with the target's multiplier (7965 beside 10000万).
    private func inUnit(of target: Quantity, _ actual: Quantity) -> Quantity {
        let scalars = Array(target.unit.unicodeScalars)
        let entry = grammar.units.match(in: scalars, at: 0).flatMap { $0.length == scalars.count ? $0.value : nil }
            ?? Grammar.UnitEntry(canonical: "", kind: "", family: "", scale: 1)
        let written = Double(String(target.text.unicodeScalars.prefix { $0.isASCIIDigit || $0 == "." }.map(Character.init))) ?? 0
        let factor = written > 0 ? (target.value / written / Double(entry.scale)).rounded() : 1
        guard factor >= 1, factor.isFinite, !target.unit.isEmpty || factor > 1 else { return actual }
        return actual.with(unit: entry, factor: factor)
    }

    /// An amount with a unit inside the row's label: 新建社区食堂50个 → 50个.
    private func labelAmount(_ row: Table.Row, _ table: Table) -> Quantity? {
        guard let label = table.labelColumn.flatMap({ row.cells[$0] }) else { return nil }
        let list = figures.quantities
        let a = list.boundary { $0.range.lowerBound >= label.lowerBound }
        let b = list.boundary { $0.range.lowerBound >= label.upperBound }
        return list[a..<max(a, b)].last { $0.isAmount && !$0.unit.isEmpty && $0.range.upperBound <= label.upperBound }
    }

    /// The last plan of `family` the text states before the table, and whether it is the only one.
    private func planBefore(_ table: Table, family: String) -> (quantity: Quantity, only: Bool)? {
        guard !family.isEmpty else { return nil }
        let start = layout.lines[table.lines.lowerBound].range.lowerBound
        guard let plan = planAmounts.last(family: family, from: 0, endingBy: start) else { return nil }
        return (plan, planAmounts.last(family: family, from: 0, endingBy: plan.range.lowerBound) == nil)
    }
}
