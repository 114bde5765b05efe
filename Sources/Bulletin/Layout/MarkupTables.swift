/// Tables of an HTML page read from their tags (`HTMLTable`): the grid of cells laid out with
/// their rowspan and colspan; the leading rows of header words are header rows, a header cell over
/// several columns is their group header (城镇新增就业(人) over 目标任务 / 进度 / 完成比例(%)); a
/// label cell spanning rows names the sub-rows it spans (`Table.Row.parentLabel`), as a label
/// header spanning two columns (项目名称 over the project and its indicators) does for the cells
/// of its first column.
extension TableReader {
    /// The most columns a progress table has; a wider grid is page layout, not a table read here.
    static let markupWidth = 64
    /// The most header rows looked for.
    static let markupHeaderRows = 4

    /// A cell of the grid: the index of the tag's cell, and where that cell starts.
    private struct Slot {
        let cell: Int
        let row: Int
        let column: Int
    }

    /// The page's tables that read as progress tables, in text order, without overlaps.
    func markupTables() -> [Table] {
        var tables: [Table] = []
        for table in source.htmlTables.compactMap(markupTable) where table.lines.lowerBound >= (tables.last?.lines.upperBound ?? 0) {
            tables.append(table)
        }
        return tables
    }

    private func markupTable(_ html: HTMLTable) -> Table? {
        let cells = html.rows.map { $0.map { source.normalisedRange($0.range) } }
        guard let grid = grid(html) else { return nil }
        let h = headerRows(grid, cells)
        guard h >= 1, h < grid.count else { return nil }
        let (columns, parents) = markupColumns(grid, cells, headerRows: h)
        guard columns.contains(where: \.role.isIndicator) else { return nil }
        let rows = (h..<grid.count).compactMap { markupRow($0, grid, html, cells, columns, parents) }
        let all = cells.joined().filter { !$0.isEmpty }
        guard !rows.isEmpty, let first = all.map(\.lowerBound).min(), let last = all.map(\.upperBound).max() else { return nil }
        let bodyStart = (h..<cells.count).lazy.compactMap { cells[$0].first { !$0.isEmpty }?.lowerBound }.first ?? last
        let a = lines.boundary { $0.upperBound > first }
        let body = lines.boundary { $0.upperBound > bodyStart }
        let end = lines.boundary { $0.lowerBound >= last }
        guard a < end else { return nil }
        return Table(shape: .html, columns: columns, rows: rows, headerLines: a..<max(a, body), lines: a..<end)
    }

    /// The grid: for each row, the slot of each column (nil where no cell reaches). Nil when the
    /// grid is wider than `markupWidth`.
    private func grid(_ html: HTMLTable) -> [[Slot?]]? {
        var grid = [[Slot?]](repeating: [], count: html.rows.count)
        for (r, row) in html.rows.enumerated() {
            var c = 0
            for (k, cell) in row.enumerated() {
                while c < grid[r].count, grid[r][c] != nil { c += 1 }
                guard c + cell.colspan <= Self.markupWidth else { return nil }
                for rr in r..<min(grid.count, r + cell.rowspan) {
                    if grid[rr].count < c + cell.colspan { grid[rr] += [Slot?](repeating: nil, count: c + cell.colspan - grid[rr].count) }
                    for cc in c..<c + cell.colspan { grid[rr][cc] = Slot(cell: k, row: r, column: c) }
                }
                c += cell.colspan
            }
        }
        let width = grid.map(\.count).max() ?? 0
        return grid.map { $0 + [Slot?](repeating: nil, count: width - $0.count) }
    }

    private func range(_ slot: Slot?, _ cells: [[Range<Int>]]) -> Range<Int>? {
        slot.map { cells[$0.row][$0.cell] }
    }

    /// How many leading rows are header rows: every cell starting in them is a header word or no
    /// figure (1-8月实际完成情况 is a header).
    private func headerRows(_ grid: [[Slot?]], _ cells: [[Range<Int>]]) -> Int {
        var h = 0
        while h < min(grid.count, Self.markupHeaderRows) {
            let own = grid[h].compactMap { $0 }.filter { $0.row == h }.map { cells[$0.row][$0.cell] }
            guard !own.isEmpty, own.allSatisfy({ !isNumeric($0) || role(of: $0) != .other }) else { break }
            h += 1
        }
        return h
    }

    /// The columns under the header rows: each its bottom header cell, and the cell above it that
    /// spans it and others as its group (when that names no role itself). A label header over
    /// several columns heads the last of them; the columns before it are `parents`.
    private func markupColumns(_ grid: [[Slot?]], _ cells: [[Range<Int>]], headerRows h: Int) -> (columns: [Table.Column], parents: Set<Int>) {
        var columns: [Table.Column] = []
        var parents = Set<Int>()
        let bottom = grid[h - 1]
        for (c, slot) in bottom.enumerated() {
            let header = range(slot, cells)
            var group: Range<Int>? = nil
            if h >= 2, let above = grid[h - 2][c], above.row != slot?.row || above.cell != slot?.cell,
               case let g = cells[above.row][above.cell], role(of: g) == .other {
                group = g
            }
            var role = header.map(role(of:)) ?? .other
            if role == .label, c + 1 < bottom.count, let next = bottom[c + 1], next.row == slot?.row, next.cell == slot?.cell {
                parents.insert(c)
                role = .other
            }
            columns.append(Table.Column(header: parents.contains(c) ? nil : header, group: group, role: role))
        }
        return (columns, parents)
    }

    /// A body row: each column's cell where it starts in this row, or nil; a label spanning rows, or a parent column's cell, is
    /// the row's `parentLabel`. A row without a figure is no row.
    private func markupRow(_ r: Int, _ grid: [[Slot?]], _ html: HTMLTable, _ cells: [[Range<Int>]],
                           _ columns: [Table.Column], _ parents: Set<Int>) -> Table.Row? {
        let label = columns.firstIndex { $0.role == .label } ?? columns.firstIndex { $0.role != .number }
        let slots = grid[r]
        func same(_ a: Slot?, _ b: Slot?) -> Bool { a?.row == b?.row && a?.cell == b?.cell }
        var parent: Range<Int>? = nil
        var aligned: [Range<Int>?] = []
        for (c, slot) in slots.enumerated() {
            guard let slot, case let text = cells[slot.row][slot.cell], !text.isEmpty else { aligned.append(nil); continue }
            if parents.contains(c), !(label.map { same(slots[$0], slot) } ?? false) {
                parent = parent ?? text
                aligned.append(nil)
                continue
            }
            if c == label, html.rows[slot.row][slot.cell].rowspan > 1 { parent = parent ?? text }
            // A cell over several columns stands in the label column when it covers it (合计 over
            // 序号 and 项目名称), else in its first.
            let home = label.flatMap { same(slots[$0], slot) ? $0 : nil } ?? slot.column
            aligned.append(slot.row == r && c == home ? text : nil)
        }
        let figures = aligned.indices.filter { c in columns[c].role != .number && c != label && aligned[c].map(isNumeric) == true }
        guard !figures.isEmpty else { return nil }
        let numberColumn = columns.firstIndex { $0.role == .number }
        let numberCell = numberColumn.flatMap { aligned[$0] }
        let number = numberCell.flatMap(integer)
        let names = aligned.indices.filter { columns[$0].role == .number || $0 == label }.compactMap { aligned[$0] }
        let total = names.contains { isTotal($0) }
        return Table.Row(number: number, numberRange: number == nil ? nil : numberCell, cells: aligned, isTotal: total,
                         parentLabel: parent, isSubRow: !total && opensBreakdown(label.flatMap { aligned[$0] }))
    }
}
