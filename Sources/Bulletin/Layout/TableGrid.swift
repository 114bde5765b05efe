/// A table of the text as the Layout stage read it, for showing it as a table: rows of cells, each
/// a span of the original text with the columns and rows it covers. The first `headerRows` rows
/// are headers. Not part of the JSON output.
public struct TableGrid: Sendable {
    /// A cell: its text's span (nil for an empty cell) and how far it reaches.
    public struct Cell: Sendable {
        public let span: Span?
        public let columns: Int
        public let rows: Int
    }

    /// From the start of the table's first line to the end of its last line.
    public let span: Span
    public let headerRows: Int
    public let rows: [[Cell]]

    /// The grid of a table of `layout`: an HTML table as its tags lay it out; another table as its
    /// column headers (a group header over the columns it names) and rows (a label that spans
    /// sub-rows on a row of its own).
    init(_ table: Table, layout: Layout) {
        let source = layout.source
        let lines = layout.lines[table.lines]
        span = source.span((lines.first?.range.lowerBound ?? 0)..<(lines.last?.range.upperBound ?? 0))
        if table.shape == .html, let html = Self.htmlTable(within: span, of: source) {
            headerRows = table.headerLines.count > 0 ? Self.headerRowCount(html, table: table, layout: layout) : 0
            rows = html.rows.map { $0.map { Cell(span: Span($0.range.lowerBound, $0.range.upperBound), columns: $0.colspan, rows: $0.rowspan) } }
            return
        }
        let header = Self.headerRows(table.columns, source: source)
        headerRows = header.count
        rows = header + Self.bodyRows(table, source: source)
    }

    /// The page's tag table whose cells lie in `span`.
    private static func htmlTable(within span: Span, of source: SourceText) -> HTMLTable? {
        source.htmlTables.first { html in
            let cells = html.rows.joined().filter { !$0.range.isEmpty }
            return !cells.isEmpty && cells.allSatisfy { $0.range.lowerBound >= span.start && $0.range.upperBound <= span.end }
        }
    }

    /// How many of a tag table's rows start before its body (the layout's header lines).
    private static func headerRowCount(_ html: HTMLTable, table: Table, layout: Layout) -> Int {
        let bodyLine = table.headerLines.upperBound
        guard bodyLine < layout.lines.count else { return html.rows.count }
        let bodyStart = layout.source.span(layout.lines[bodyLine].range).start
        return html.rows.prefix { row in row.allSatisfy { $0.range.isEmpty || $0.range.lowerBound < bodyStart } }.count
    }

    /// A row of group headers (each over the columns it names; a column without one has its header
    /// reach down both rows), then the column headers.
    private static func headerRows(_ columns: [Table.Column], source: SourceText) -> [[Cell]] {
        func cell(_ range: Range<Int>?, columns: Int = 1, rows: Int = 1) -> Cell {
            Cell(span: range.map(source.span), columns: columns, rows: rows)
        }
        guard columns.contains(where: { $0.group != nil }) else { return [columns.map { cell($0.header) }] }
        var groups: [Cell] = [], leaves: [Cell] = []
        var k = 0
        while k < columns.count {
            guard let group = columns[k].group else {
                groups.append(cell(columns[k].header, rows: 2))
                k += 1
                continue
            }
            var end = k + 1
            while end < columns.count, columns[end].group == group { end += 1 }
            groups.append(cell(group, columns: end - k))
            leaves += columns[k..<end].map { cell($0.header) }
            k = end
        }
        return [groups, leaves]
    }

    /// The body: a row per table row, a label spanning sub-rows on a row of its own before them.
    private static func bodyRows(_ table: Table, source: SourceText) -> [[Cell]] {
        var rows: [[Cell]] = []
        var parent: Range<Int>? = nil
        for row in table.rows {
            if let label = row.parentLabel, label != parent, !row.cells.contains(label) {
                rows.append([Cell(span: source.span(label), columns: table.columns.count, rows: 1)])
            }
            parent = row.parentLabel
            rows.append(row.cells.map { Cell(span: $0.map(source.span), columns: 1, rows: 1) })
        }
        return rows
    }
}
