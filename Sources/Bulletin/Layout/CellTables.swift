/// Tables flattened to one cell per line, as a web table reads when copied as text or an HTML
/// table when its tags are dropped.
extension TableReader {
    // MARK: Opened by a row-number header

    /// A 序号 line, the short header lines after it, then rows: a line holding the row number and
    /// one line per further cell. The first row may continue the numbering of the items above the
    /// table (8, 9, … after item 7). A row with more cells than columns spans several (rowspan):
    /// its first cell names them all and the rest are read as sub-rows.
    func numberedCellTable(at i: Int) -> Table? {
        guard isWhole(words.number, cell(lines[i])) else { return nil }
        var j = i + 1
        while j < lines.count, case let c = cell(lines[j]), c.count <= Self.headerWidth, integer(c) == nil,
              !containsSentenceEnd(c) {
            j += 1
        }
        let headers = (i..<j).map { cell(lines[$0]) }
        let columns = headers.map { Table.Column(header: $0, group: nil, role: role(of: $0)) }
        var rows: [Table.Row] = []
        var end = j
        if columns.count >= 2, j < lines.count, let first = integer(cell(lines[j])), (1...9999).contains(first) {
            var expected = first
            while j < lines.count {
                if repeatsHeader(headers, at: j) { j += headers.count; continue }  // the header again, on a new page
                guard let number = integer(cell(lines[j])), number == expected else { break }
                let cells = rowCells(after: j, width: columns.count - 1, next: expected + 1)
                rows += numberedRows(number, numberLine: j, cells: cells, columns: columns)
                expected += 1
                j = (cells.last ?? j) + 1
                end = j
            }
        }
        return Table(shape: .cellPerLine, columns: columns, rows: rows, headerLines: i..<i + headers.count, lines: i..<end)
    }

    private func repeatsHeader(_ headers: [Range<Int>], at j: Int) -> Bool {
        j + headers.count <= lines.count && headers.indices.allSatisfy { compact(cell(lines[j + $0])) == compact(headers[$0]) }
    }

    /// The lines of a row's cells: `width` lines when the next row number follows them; all the
    /// lines up to the next number where it comes after 1 + n × `width` (a row spanning n sub-rows);
    /// else up to `width` lines before the next number. An amount that happens to equal the next
    /// row number (…, 2310, … in row 2309) does not end a full row early.
    private func rowCells(after j: Int, width: Int, next: Int) -> [Int] {
        func isNext(_ k: Int) -> Bool { k < lines.count && integer(cell(lines[k])) == next }
        if isNext(j + 1 + width) { return Array(j + 1..<j + 1 + width) }
        if let n = (2...8).first(where: { isNext(j + 2 + $0 * width) }) { return Array(j + 1..<j + 2 + n * width) }
        var cells: [Int] = []
        var k = j + 1
        while k < lines.count, cells.count < width, !isNext(k) {
            cells.append(k)
            k += 1
        }
        return cells
    }

    private func numberedRows(_ number: Int, numberLine j: Int, cells: [Int], columns: [Table.Column]) -> [Table.Row] {
        let width = columns.count - 1
        let numberCell = cell(lines[j])
        guard cells.count > width else {
            let aligned: [Range<Int>?] = [numberCell] + (0..<width).map { $0 < cells.count ? cell(lines[cells[$0]]) : nil }
            return [Table.Row(number: number, numberRange: numberCell, cells: aligned, isTotal: isTotal(aligned[1]))]
        }
        let parent = cell(lines[cells[0]])
        return stride(from: 1, to: cells.count, by: width).enumerated().map { k, start in
            let aligned: [Range<Int>?] = [k == 0 ? numberCell : nil] + cells[start..<start + width].map { cell(lines[$0]) }
            return Table.Row(number: k == 0 ? number : nil, numberRange: k == 0 ? numberCell : nil, cells: aligned,
                             isTotal: false, parentLabel: parent)
        }
    }

    // MARK: Opened by a row-label header

    /// A cell of a flattened table: one line, or where cells are set apart by blank lines, the
    /// lines up to the next blank one (a header broken over two lines: 目标 / 任务).
    private func nextCell(_ k: Int, blankSeparated: Bool) -> (range: Range<Int>, next: Int) {
        var m = k
        while blankSeparated, m + 1 < lines.count, m + 1 - k < 4, !hasBlankLine(after: m) { m += 1 }
        return (lines[k].lowerBound..<lines[m].upperBound, m + 1)
    }

    private func hasBlankLine(after k: Int) -> Bool {
        guard k + 1 < lines.count else { return true }
        return chars[lines[k].upperBound..<lines[k + 1].lowerBound].count { $0 == "\n" } >= 2
    }

    /// A 地区 (or 项目名称) cell, the header cells after it (group headers such as 城镇新增就业(人)
    /// above their columns), then rows of a label and one cell per column.
    func labelledCellTable(at i: Int) -> Table? {
        guard isWhole(words.label, cell(lines[i])) else { return nil }
        let blank = hasBlankLine(after: i)
        var headers: [Range<Int>] = []
        var starts: [Int] = []
        var k = i
        while k < lines.count, headers.count < 40 {
            let (c, next) = nextCell(k, blankSeparated: blank)
            let text = cell(c)
            if isNumeric(text) || compact(text, limit: Self.labelledHeaderWidth) == nil || containsSentenceEnd(text) { break }
            headers.append(text)
            starts.append(k)
            k = next
        }
        // The last of them is the first row's label.
        guard headers.count >= 4, k < lines.count, isNumeric(cell(nextCell(k, blankSeparated: blank).range)) else { return nil }
        headers.removeLast()
        let rowStart = starts.removeLast()
        var best: (columns: [Table.Column], rows: [Table.Row], end: Int)? = nil
        for columns in layouts(of: headers) {
            let (rows, end) = labelledRows(from: rowStart, columns: columns, blank: blank)
            if rows.count > (best?.rows.count ?? 0) { best = (columns, rows, end) }
        }
        guard let best else { return nil }
        return Table(shape: .cellPerLine, columns: best.columns, rows: best.rows, headerLines: i..<rowStart, lines: i..<best.end)
    }

    /// The ways header cells can stand over the columns: each its own column; or group headers
    /// first and their columns after (城镇新增就业(人), 再就业(人), 目标, 进度, 比例, 目标, 进度, 比例:
    /// an HTML table's two header rows, flattened); or each group header before its columns.
    private func layouts(of headers: [Range<Int>]) -> [[Table.Column]] {
        let roles = headers.map(role(of:))
        let label = Table.Column(header: headers[0], group: nil, role: roles[0])
        var layouts: [[Table.Column]] = []
        // Groups first: the cells before the first role cell, then the role cells shared out in order.
        if let r = roles.indices.dropFirst().first(where: { roles[$0] != .other }), r > 1 {
            let groups = r - 1, leaves = headers.count - r
            if leaves % groups == 0, leaves > 0 {
                let per = leaves / groups
                layouts.append([label] + (0..<leaves).map { n in
                    Table.Column(header: headers[r + n], group: headers[1 + n / per], role: roles[r + n])
                })
            }
        }
        // Each group before its columns: an other cell followed by a role cell opens a group.
        var columns = [label]
        var group: Range<Int>? = nil
        for n in headers.indices.dropFirst() {
            if roles[n] == .other, n + 1 < headers.count, roles[n + 1] != .other { group = headers[n]; continue }
            columns.append(Table.Column(header: headers[n], group: group, role: roles[n]))
        }
        if columns.count < headers.count { layouts.append(columns) }
        layouts.append(zip(headers, roles).map { Table.Column(header: $0, group: nil, role: $1) })
        return layouts
    }

    /// Rows of a label and one cell per further column, as long as they read as rows: the label is
    /// no figure, every other cell is a figure or empty, and at least one is a figure.
    private func labelledRows(from start: Int, columns: [Table.Column], blank: Bool) -> (rows: [Table.Row], end: Int) {
        var rows: [Table.Row] = []
        var k = start
        var end = start
        while k < lines.count {
            var cells: [Range<Int>?] = []
            var m = k
            while cells.count < columns.count, m < lines.count {
                let (c, next) = nextCell(m, blankSeparated: blank)
                cells.append(cell(c))
                m = next
            }
            guard cells.count == columns.count, let label = cells[0], !isNumeric(label), !containsSentenceEnd(label),
                  cells.dropFirst().allSatisfy({ isNumeric($0!) || isEmpty($0!) }),
                  cells.dropFirst().contains(where: { isNumeric($0!) }) else { break }
            rows.append(Table.Row(number: nil, numberRange: nil, cells: cells, isTotal: isTotal(label),
                                  isSubRow: !isTotal(label) && opensBreakdown(label)))
            k = m
            end = m
        }
        return (rows, end)
    }
}
