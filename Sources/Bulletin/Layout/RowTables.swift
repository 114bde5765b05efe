/// Tables written one row per line: cells separated by pipes (markdown, `| a | b |`) or by runs of
/// spaces or tabs (pdftotext -layout, a copied spreadsheet).
extension TableReader {
    /// The cells of a line: between pipes when it has two or more, else between runs of spaces
    /// (also spaces the input stage dropped between a number and a Chinese character, which the
    /// original still has: 湖北 4284).
    func fields(_ line: Range<Int>) -> [Range<Int>] {
        let pipes = chars[line].count { $0 == "|" } >= 2
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        func close(_ end: Int) {
            let field = cell(start..<end)
            if pipes || !field.isEmpty { fields.append(field) }
        }
        var offsets = OffsetMap.Reader(source.origin)  // read in order, p - 1 then p
        for p in line {
            if pipes ? chars[p] == "|" : (chars[p] == " " || chars[p] == "\t" || chars[p] == "\u{3000}") {
                close(p)
                start = p + 1
            } else if !pipes, p > start, droppedSpace(from: offsets.offset(p - 1) + 1, to: offsets.offset(p)) {
                close(p)
                start = p
            }
        }
        close(line.upperBound)
        if pipes {  // | a | b |: nothing before the first pipe or after the last
            if fields.first?.isEmpty == true { fields.removeFirst() }
            if fields.last?.isEmpty == true { fields.removeLast() }
        }
        return fields
    }

    /// Whether the original text has whitespace from `a` up to `b`, where the normalised text has
    /// two neighbouring characters (the original offsets after the first and of the second).
    private func droppedSpace(from a: Int, to b: Int) -> Bool {
        return b > a && b - a <= 8 && source.original[a..<b].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
    }

    /// A header line: three or more short cells, none a figure, one naming a target, actual or ratio.
    private func headerFields(_ line: Range<Int>) -> [Range<Int>]? {
        let fields = fields(line)
        guard fields.count >= 3, fields.allSatisfy({ !isNumeric($0) && $0.count <= Self.labelledHeaderWidth && !containsSentenceEnd($0) }),
              fields.contains(where: { role(of: $0).isIndicator }) else { return nil }
        return fields
    }

    /// |---|:---:|: the line under a markdown header.
    private func isRule(_ line: Range<Int>) -> Bool {
        chars[line].contains("-") && chars[line].allSatisfy { "|-: \t".unicodeScalars.contains($0) }
    }

    /// A header line and the rows under it; a line of group headers above it (城镇新增就业(人) over
    /// 目标 / 进度 / 完成比例(%)) makes a two-row header. Rows are indented under a row they break
    /// down, or open with 其中.
    func rowTable(at i: Int) -> Table? {
        guard let header = headerFields(lines[i]) else { return nil }
        var columns = header.map { Table.Column(header: $0, group: nil, role: role(of: $0)) }
        var firstLine = i
        var repeated = [header.map { compact($0) }]
        if i > 0, let width = firstRowWidth(after: i), width != columns.count || isGroupLine(lines[i - 1]),
           let grouped = groupedColumns(groups: lines[i - 1], leaves: header, width: width) {
            columns = grouped
            firstLine = i - 1
            repeated.append(fields(lines[i - 1]).map { compact($0) })
        }
        let numbered = columns.first?.role == .number
        var rows: [Table.Row] = []
        var j = i + 1
        var end = j
        var firstRow = j
        var indent: Int? = nil
        while j < lines.count {
            if isRule(lines[j]) { j += 1; continue }
            var cells: [Range<Int>?] = fields(lines[j])
            if repeated.contains(cells.map({ compact($0!) })) { j += 1; continue }  // the header again, on a new page
            if numbered, cells.count == columns.count - 1 { cells.insert(nil, at: 0) }
            guard cells.count == columns.count, cells.dropFirst().contains(where: { $0.map(isNumeric) ?? false }) else { break }
            let number = numbered ? cells[0].flatMap(integer) : nil
            let label = cells.indices.first { k in columns[k].role == .label } ?? (numbered ? 1 : 0)
            if rows.isEmpty { firstRow = j }
            let total = isTotal(cells[label])
            let depth = indentation(of: lines[j])
            indent = indent ?? depth
            rows.append(Table.Row(number: number, numberRange: number == nil ? nil : cells[0], cells: cells, isTotal: total,
                                  isSubRow: !total && (opensBreakdown(cells[label]) || (number == nil && depth > indent!))))
            j += 1
            end = j
        }
        guard !rows.isEmpty else { return nil }
        return Table(shape: .rowPerLine, columns: columns, rows: rows, headerLines: firstLine..<firstRow, lines: firstLine..<end)
    }

    /// How many cells the first row under the header line `i` has.
    private func firstRowWidth(after i: Int) -> Int? {
        var j = i + 1
        while j < lines.count, isRule(lines[j]) { j += 1 }
        return j < lines.count ? fields(lines[j]).count : nil
    }

    /// Two or more short cells, none a figure.
    private func isGroupLine(_ line: Range<Int>) -> Bool {
        let cells = fields(line)
        return cells.count >= 2 && cells.allSatisfy { !isNumeric($0) && $0.count <= Self.labelledHeaderWidth && !containsSentenceEnd($0) }
    }

    /// The columns under two header lines: the row-number and label headers first (on either
    /// line), then the group headers of the upper line, each over as many of the lower line's
    /// cells. Nil unless that gives `width` columns and every group is a name, not a role.
    private func groupedColumns(groups line: Range<Int>, leaves: [Range<Int>], width: Int) -> [Table.Column]? {
        guard isGroupLine(line) else { return nil }
        let upper = fields(line)
        let naming: (Table.Role) -> Bool = { $0 == .number || $0 == .label }
        let leading = leaves.prefix { naming(role(of: $0)) }.count
        let lead = width - leaves.count  // headers written only on the upper line (地区 over both)
        guard upper.count < leaves.count, lead >= 0, lead < upper.count else { return nil }
        let names = Array(upper[lead...])
        let data = Array(leaves[leading...])
        guard !names.isEmpty, names.allSatisfy({ role(of: $0) == .other }), data.count % names.count == 0,
              data.count / names.count >= 2 else { return nil }
        let per = data.count / names.count
        let columns = upper[..<lead].map { Table.Column(header: $0, group: nil, role: role(of: $0)) }
            + leaves[..<leading].map { Table.Column(header: $0, group: nil, role: role(of: $0)) }
            + data.enumerated().map { n, leaf in Table.Column(header: leaf, group: names[n / per], role: role(of: leaf)) }
        return columns.count == width ? columns : nil
    }

    /// The whitespace before a line's first character, a tab or wide space counting as several.
    private func indentation(of line: Range<Int>) -> Int {
        var p = line.lowerBound, width = 0
        while p > 0, chars[p - 1] != "\n", chars[p - 1].isSpace {
            p -= 1
            width += chars[p] == "\t" ? 4 : 1
        }
        return width
    }
}
