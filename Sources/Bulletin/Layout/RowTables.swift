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
        for p in line {
            if pipes ? chars[p] == "|" : (chars[p] == " " || chars[p] == "\t" || chars[p] == "\u{3000}") {
                close(p)
                start = p + 1
            } else if !pipes, p > start, droppedSpace(before: p) {
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

    /// Whether the original text has whitespace between the characters at `p - 1` and `p`.
    private func droppedSpace(before p: Int) -> Bool {
        let a = source.origin[p - 1] + 1, b = source.origin[p]
        return b > a && b - a <= 8 && source.original[a..<b].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
    }

    /// A header line: three or more short cells, none a figure, one naming a target, actual or ratio.
    private func headerFields(_ line: Range<Int>) -> [Range<Int>]? {
        let fields = fields(line)
        guard fields.count >= 3, fields.allSatisfy({ !isNumeric($0) && $0.count <= Self.labelledHeaderWidth && !containsSentenceEnd($0) }),
              fields.contains(where: { [.target, .actual].contains(role(of: $0)) || isRatio(role(of: $0)) }) else { return nil }
        return fields
    }

    private func isRatio(_ role: Table.Role) -> Bool { if case .ratio = role { return true }; return false }

    /// |---|:---:|: the line under a markdown header.
    private func isRule(_ line: Range<Int>) -> Bool {
        chars[line].contains("-") && chars[line].allSatisfy { "|-: \t".unicodeScalars.contains($0) }
    }

    func rowTable(at i: Int) -> Table? {
        guard let header = headerFields(lines[i]) else { return nil }
        let columns = header.map { Table.Column(header: $0, group: nil, role: role(of: $0)) }
        let numbered = columns.first?.role == .number
        let headerText = header.map { compact($0) }
        var rows: [Table.Row] = []
        var j = i + 1
        var end = j
        var firstRow = j
        while j < lines.count {
            if isRule(lines[j]) { j += 1; continue }
            var cells: [Range<Int>?] = fields(lines[j])
            if cells.map({ compact($0!) }) == headerText { j += 1; continue }  // the header again, on a new page
            if numbered, cells.count == columns.count - 1 { cells.insert(nil, at: 0) }
            guard cells.count == columns.count, cells.dropFirst().contains(where: { $0.map(isNumeric) ?? false }) else { break }
            let number = numbered ? cells[0].flatMap(integer) : nil
            let label = cells.indices.first { k in columns[k].role == .label } ?? (numbered ? 1 : 0)
            if rows.isEmpty { firstRow = j }
            rows.append(Table.Row(number: number, numberRange: number == nil ? nil : cells[0], cells: cells,
                                  isTotal: isTotal(cells[label])))
            j += 1
            end = j
        }
        guard !rows.isEmpty else { return nil }
        return Table(shape: .rowPerLine, columns: columns, rows: rows, headerLines: i..<firstRow, lines: i..<end)
    }
}
