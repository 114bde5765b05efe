/// How `XlsxReader` writes a sheet's cells as text and tables.
extension XlsxReader {
    typealias Merge = (rows: ClosedRange<Int>, columns: ClosedRange<Int>)

    /// The most merged ranges looked at in one sheet.
    static let maximumMerges = 10_000
    /// The most table slots merged cells are laid over in one table.
    static let maximumMergedSlots = 1 << 20

    /// Writes the cells of sheet `sheet` block by block.
    mutating func layOut(_ cells: [Cell], merges: [Merge], sheet: String) {
        let merges = Array(merges.prefix(Self.maximumMerges))
        var byRow: [Int: [Cell]] = [:]
        for cell in cells { byRow[cell.row, default: []].append(cell) }
        var bottoms: [Int: Int] = [:]  // the last row a merge reaches, by its first row
        for m in merges { bottoms[m.rows.lowerBound] = max(bottoms[m.rows.lowerBound] ?? 0, m.rows.upperBound) }
        var block: [Int] = [], end = -1
        for row in byRow.keys.sorted() {
            if !block.isEmpty, row > end + 1 { layOutBlock(block, byRow, merges, sheet); block = []; end = -1 }
            block.append(row)
            end = max(end, row, bottoms[row] ?? row)
        }
        if !block.isEmpty { layOutBlock(block, byRow, merges, sheet) }
    }

    /// Leading and trailing rows of one filled cell as lines, the rows between as a table.
    private mutating func layOutBlock(_ rows: [Int], _ byRow: [Int: [Cell]], _ merges: [Merge], _ sheet: String) {
        var first = 0
        while first < rows.count, byRow[rows[first]]!.count == 1 { first += 1 }
        var last = rows.count - 1
        while last >= first, byRow[rows[last]]!.count == 1 { last -= 1 }
        for row in rows[..<first] { lines(byRow[row]!, sheet) }
        if first <= last {
            let body = rows[first...last]
            let columns = body.flatMap { byRow[$0]! }.map(\.column)
            let (low, high) = (columns.min()!, columns.max()!)
            // Rows that only merged cells reach may lie between filled ones, but not many.
            let sparse = rows[last] - rows[first] + 1 > 2 * body.count + 64
            if high - low + 1 >= 2, high - low + 1 <= Self.maximumWidth, !sparse {
                table(rows: rows[first]...rows[last], columns: low...high, byRow, merges, sheet)
            } else {
                for row in body { lines(byRow[row]!, sheet) }
            }
        }
        for row in rows[(last + 1)...] { lines(byRow[row]!, sheet) }
    }

    private mutating func lines(_ cells: [Cell], _ sheet: String) {
        for cell in cells.sorted(by: { $0.column < $1.column }) { _ = write(cell.text, at: cell, sheet) }
    }

    /// Writes a cell's text, a line per line of it; the range it takes.
    private mutating func write(_ text: String, at cell: Cell, _ sheet: String) -> Range<Int> {
        let place = Place(sheet: sheet, cell: Self.name(row: cell.row, column: cell.column))
        var range: Range<Int>? = nil
        for line in text.unicodeScalars.split(separator: "\n") {
            let r = document.append(line: line, place: place)
            if !r.isEmpty { range = (range?.lowerBound ?? r.lowerBound)..<r.upperBound }
        }
        return range ?? document.text.count..<document.text.count
    }

    private mutating func table(rows: ClosedRange<Int>, columns: ClosedRange<Int>, _ byRow: [Int: [Cell]], _ merges: [Merge], _ sheet: String) {
        // The merge covering each slot of the table, by row and column (merges clipped to the table).
        // Overlapping merges (which Excel never writes) are bounded by `maximumMergedSlots`.
        var covering: [Int: [Int: Merge]] = [:]
        var slots = 0
        for m in merges where m.rows.overlaps(rows) && m.columns.overlaps(columns) {
            let (rs, cs) = (m.rows.clamped(to: rows), m.columns.clamped(to: columns))
            guard covering[rs.lowerBound]?[cs.lowerBound] == nil, slots + rs.count * cs.count <= Self.maximumMergedSlots else { continue }
            slots += rs.count * cs.count
            for r in rs { for c in cs where covering[r]?[c] == nil { covering[r, default: [:]][c] = m } }
        }
        var html = HTMLTable()
        for r in rows {
            var row: [HTMLTable.Cell] = []
            let filled = Dictionary((byRow[r] ?? []).map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
            for c in columns {
                let merge = covering[r]?[c]
                if let merge, r != max(merge.rows.lowerBound, rows.lowerBound) || c != max(merge.columns.lowerBound, columns.lowerBound) { continue }
                let cell = filled[c] ?? Cell(row: r, column: c, text: "")
                let range = write(cell.text, at: cell, sheet)
                let rowspan = merge.map { min($0.rows.upperBound, rows.upperBound) - r + 1 } ?? 1
                let colspan = merge.map { min($0.columns.upperBound, columns.upperBound) - c + 1 } ?? 1
                row.append(HTMLTable.Cell(range: range, rowspan: min(rowspan, HTMLTable.maximumSpan), colspan: colspan))
            }
            html.rows.append(row)
        }
        document.tables.append(html)
    }
}
