/// Total rows (合计, 全市): each figure against the sum of the other rows' figures in its column.
extension TableClaims {
    /// A breakdownSum check per target and actual column of the indicator, for each total row of a
    /// table whose other top-level rows all state the figure (rows breaking down the one above,
    /// 其中…, are not added; sub-rows of a spanning row are left alone).
    func totals(of table: Table, _ indicator: Indicator) -> [Check] {
        guard !table.rows.contains(where: { $0.parentLabel != nil }) else { return [] }
        let parts = table.rows.filter { !$0.isTotal && !$0.isSubRow }
        guard parts.count >= 2 else { return [] }
        var checks: [Check] = []
        for total in table.rows where total.isTotal {
            for column in [indicator.target, indicator.actual].compactMap({ $0 }) {
                if let check = totalCheck(total, parts, column, table) { checks.append(check) }
            }
        }
        return checks
    }

    private func totalCheck(_ total: Table.Row, _ parts: [Table.Row], _ column: Int, _ table: Table) -> Check? {
        let header = unit(column, total, in: table)
        guard let stated = figures.figure(in: total.cells[column], unit: header) else { return nil }
        let figures = parts.compactMap { self.figures.figure(in: $0.cells[column], unit: unit(column, $0, in: table)) }
        guard figures.count == parts.count, figures.allSatisfy({ $0.isComparable(with: stated) }) else { return nil }
        let sum = figures.map(\.interval).reduce(Interval(0, 0), +)
        // Amounts as the column writes them (in 万元 where its header says so).
        let scale = (header?.factor ?? 1) * Double(header?.unit.scale ?? 1)
        let written = { (x: Double) in Interval.formatAmount(x / scale) }
        let point = figures.map(\.value).reduce(0, +)
        let label = table.labelColumn.flatMap { total.cells[$0] }
        let what = [text(table.columns[column].group), text(table.columns[column].header)].filter { !$0.isEmpty }.joined(separator: " ")
        let addition = "\(text(label)) \(what): \(figures.count) rows add up to \(written(point))"
        if sum.overlaps(stated.interval) {
            return Check(rule: "breakdownSum", status: .pass, message: "\(addition), as the total row states (\(stated.text))",
                         span: stated.span)
        }
        return Check(rule: "breakdownSum", status: .fail,
                     message: "\(addition) (\(written(sum.low))–\(written(sum.high)) with rounding), but the total row states \(stated.text)",
                     span: stated.span)
    }
}
