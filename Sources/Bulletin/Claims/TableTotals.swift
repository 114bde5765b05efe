/// Total rows (合计, 全市): each figure against the sum of the other rows' figures in its column.
extension TableClaims {
    /// A breakdownSum check per target and actual column of the indicator, for each total row of a
    /// table whose other top-level rows all state the figure (rows breaking down the one above,
    /// 其中…, are not added; sub-rows of a spanning row are left alone).
    func totals(of table: Table, _ indicator: Indicator) -> [Check] {
        guard !table.rows.contains(where: { $0.parentLabel != nil && !$0.isSubRow }) else { return [] }
        let columns = [indicator.target, indicator.actual].compactMap { $0 }
        var checks = breakdowns(in: table, columns)
        let parts = table.rows.filter { !$0.isTotal && !$0.isSubRow }
        guard parts.count >= 2 else { return checks }
        for total in table.rows where total.isTotal {
            for column in columns {
                if let check = totalCheck(total, parts, column, table) { checks.append(check) }
            }
        }
        return checks
    }

    /// Sub-rows (其中…) against the row they break down: together they may not exceed it (they
    /// need not add up to it, a 其中 list may name only some parts).
    private func breakdowns(in table: Table, _ columns: [Int]) -> [Check] {
        var checks: [Check] = []
        var k = 0
        while k < table.rows.count {
            let parent = table.rows[k]
            var end = k + 1
            while end < table.rows.count, table.rows[end].isSubRow { end += 1 }
            defer { k = end }
            guard !parent.isSubRow, end > k + 1 else { continue }
            for column in columns {
                if let check = breakdownCheck(parent, Array(table.rows[k + 1..<end]), column, table) { checks.append(check) }
            }
        }
        return checks
    }

    private func breakdownCheck(_ whole: Table.Row, _ parts: [Table.Row], _ column: Int, _ table: Table) -> Check? {
        guard let (stated, figures, sum) = addition(whole, parts, column, table) else { return nil }
        let label = table.labelColumn.flatMap { whole.cells[$0] }
        let what = columnName(column, table)
        let written = figures.map(\.text).joined(separator: " + ")
        if sum.low <= stated.interval.high {
            return Check(rule: "breakdownSum", status: .pass,
                         message: "\(text(label)) \(what): its sub-rows \(written) are within the row's \(stated.text)", span: stated.span)
        }
        return Check(rule: "breakdownSum", status: .fail,
                     message: "\(text(label)) \(what): its sub-rows \(written) add up to more than the row's \(stated.text)", span: stated.span)
    }

    private func totalCheck(_ total: Table.Row, _ parts: [Table.Row], _ column: Int, _ table: Table) -> Check? {
        guard let (stated, figures, sum) = addition(total, parts, column, table) else { return nil }
        let header = unit(column, total, in: table)
        // Amounts as the column writes them (in 万元 where its header says so).
        let scale = (header?.factor ?? 1) * Double(header?.unit.scale ?? 1)
        let written = { (x: Double) in Interval.formatAmount(x / scale) }
        let point = figures.map(\.value).reduce(0, +)
        let label = table.labelColumn.flatMap { total.cells[$0] }
        let what = columnName(column, table)
        let addition = "\(text(label)) \(what): \(figures.count) rows add up to \(written(point))"
        if sum.overlaps(stated.interval) {
            return Check(rule: "breakdownSum", status: .pass, message: "\(addition), as the total row states (\(stated.text))",
                         span: stated.span)
        }
        return Check(rule: "breakdownSum", status: .fail,
                     message: "\(addition) (\(written(sum.low))–\(written(sum.high)) with rounding), but the total row states \(stated.text)",
                     span: stated.span)
    }

    /// The figure `whole` states in `column`, those of `parts` (each in its row's unit) and their
    /// sum with rounding; nil unless every part states one comparable with the whole's.
    private func addition(_ whole: Table.Row, _ parts: [Table.Row], _ column: Int,
                          _ table: Table) -> (stated: Quantity, parts: [Quantity], sum: Interval)? {
        guard let stated = figures.figure(in: whole.cells[column], unit: unit(column, whole, in: table)) else { return nil }
        let found = parts.compactMap { figures.figure(in: $0.cells[column], unit: unit(column, $0, in: table)) }
        guard found.count == parts.count, found.allSatisfy({ $0.isComparable(with: stated) }) else { return nil }
        return (stated, found, found.map(\.interval).reduce(Interval(0, 0), +))
    }

    /// A column as the messages name it: its group and its header (城镇新增就业(人) 进度).
    private func columnName(_ column: Int, _ table: Table) -> String {
        [text(table.columns[column].group), text(table.columns[column].header)].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
