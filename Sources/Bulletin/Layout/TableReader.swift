/// Finds the tables among the content lines and reads each, whatever its shape, into a `Table`:
/// rows written one per line (spaces, tabs or pipes between cells), and tables flattened to one
/// cell per line, opened by a row-number header (序号) or a row-label header (地区); an HTML page's
/// tables from their tags (`MarkupTables`). Each line is
/// looked at a bounded number of times, so reading is linear in the text.
struct TableReader {
    let source: SourceText
    let grammar: Grammar
    let lines: [Range<Int>]
    var words: TableWords { grammar.tables }
    var chars: [Unicode.Scalar] { source.chars }

    /// Longest header cell of a flattened table, in characters.
    static let headerWidth = 12
    /// Longest header cell of a table opened by a row-label header.
    static let labelledHeaderWidth = 20

    /// The tables an HTML page's tags give, then those read from the other lines.
    func read() -> [Table] {
        let markup = markupTables()
        var tables: [Table] = []
        var i = 0, m = 0
        while i < lines.count {
            if m < markup.count, markup[m].lines.lowerBound <= i {
                tables.append(markup[m])
                i = max(i, markup[m].lines.upperBound)
                m += 1
                continue
            }
            let limit = m < markup.count ? markup[m].lines.lowerBound : lines.count
            if let table = rowTable(at: i) ?? numberedCellTable(at: i) ?? labelledCellTable(at: i), table.lines.upperBound <= limit {
                tables.append(table)
                i = max(i + 1, table.lines.upperBound)
            } else {
                i += 1
            }
        }
        return tables.map(namingSubRows)
    }

    /// A sub-row (其中…, or indented) is named with the row it breaks down, as a label spanning
    /// rows names its sub-rows: its `parentLabel` is that row's label, its `subRowName` its own
    /// label after the 其中.
    private func namingSubRows(_ table: Table) -> Table {
        guard let label = table.labelColumn, table.rows.contains(where: \.isSubRow) else { return table }
        var rows = table.rows
        var parent: Range<Int>? = nil
        for k in rows.indices {
            guard rows[k].isSubRow else {
                parent = rows[k].isTotal ? nil : rows[k].cells[label]
                continue
            }
            if rows[k].parentLabel == nil { rows[k].parentLabel = parent }
            if let own = rows[k].cells[label], let lead = words.subRow.match(in: chars, at: own.lowerBound, limit: own.upperBound) {
                var a = own.lowerBound + lead.length
                while a < own.upperBound, grammar.clauseEnds.contains(chars[a]) || chars[a].isSpace { a += 1 }
                if a < own.upperBound { rows[k].subRowName = a..<own.upperBound }
            }
        }
        return Table(shape: table.shape, columns: table.columns, rows: rows, headerLines: table.headerLines, lines: table.lines)
    }

    // MARK: Cells

    /// A line as a cell: without a trailing " |" (text copied from a web table) or surrounding space.
    func cell(_ line: Range<Int>) -> Range<Int> {
        var a = line.lowerBound, b = line.upperBound
        while b > a, chars[b - 1] == "|" || chars[b - 1].isSpace { b -= 1 }
        while a < b, chars[a] == "|" || chars[a].isSpace { a += 1 }
        return a..<b
    }

    /// The cell's characters without whitespace (a header broken over lines reads as one word).
    func compact(_ range: Range<Int>) -> [Unicode.Scalar] {
        chars[range].filter { !$0.isSpace }
    }

    /// The cell's characters without whitespace, or nil when there are more than `limit` (a
    /// line of prose is given up on at once).
    func compact(_ range: Range<Int>, limit: Int) -> [Unicode.Scalar]? {
        var text: [Unicode.Scalar] = []
        for c in chars[range] where !c.isSpace {
            if text.count == limit { return nil }
            text.append(c)
        }
        return text
    }

    func isWhole(_ trie: PhraseTrie<Bool>, _ range: Range<Int>) -> Bool {
        guard let text = compact(range, limit: 24), !text.isEmpty else { return false }
        return trie.match(in: text, at: 0).map { $0.length == text.count } ?? false
    }

    /// A row number: up to six digits and nothing else (a table's first row number has at most four).
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 6, chars[range].allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(String(scalars: chars[range]))
    }

    /// A cell that states a figure: it starts with a digit (1300人, 187.9, 80.4%).
    func isNumeric(_ range: Range<Int>) -> Bool {
        guard let first = range.first, range.count <= 24 else { return false }
        return chars[first].isASCIIDigit
    }

    /// A cell with no value: nothing, or a dash.
    func isEmpty(_ range: Range<Int>) -> Bool { range.isEmpty || isWhole(words.empty, range) }

    func containsSentenceEnd(_ range: Range<Int>) -> Bool { grammar.containsSentenceEnd(chars, range) }

    /// A header cell's role: a ratio phrase or an ending in 率 makes a ratio column; else the longest
    /// target or actual phrase in it.
    func role(of header: Range<Int>) -> Table.Role {
        if isWhole(words.number, header) { return .number }
        if isWhole(words.label, header) { return .label }
        if isWhole(words.unit, header) { return .unit }
        let text = compact(header)
        var best: (length: Int, role: Table.Role)? = nil
        for p in text.indices {
            guard let hit = words.roles.match(in: text, at: p) else { continue }
            if case .ratio = hit.value { return hit.value }
            if hit.length > (best?.length ?? 0) { best = (hit.length, hit.value) }
        }
        // 开工率, 完成率%, 到位率(%): the word before its unit ends in 率.
        var end = text.count
        if end > 0, text[end - 1] == "%" { end -= 1 }
        if end > 0, text[end - 1] == ")", let open = text[..<end].lastIndex(of: "(") { end = open }
        if end > 0, text[end - 1] == "%" { end -= 1 }
        if words.rateEnds.matchEnding(in: text, at: end) != nil, best?.role != .actual { return .ratio(.rate) }
        return best?.role ?? .other
    }

    func isTotal(_ label: Range<Int>?) -> Bool { label.map { isWhole(words.total, $0) } ?? false }

    /// A label opening with 其中: the row breaks down the one above.
    func opensBreakdown(_ label: Range<Int>?) -> Bool {
        guard let label, !label.isEmpty else { return false }
        return words.subRow.match(in: chars, at: label.lowerBound, limit: label.upperBound) != nil
    }
}
