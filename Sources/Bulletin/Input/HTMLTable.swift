/// A `<table>` of an HTML page as its tags give it: rows (`<tr>`) of cells (`<td>`, `<th>`), each
/// with the range of its text in the page's plain text and its rowspan and colspan. The Layout
/// stage decides whether it is a progress table and what its columns are.
struct HTMLTable: Sendable {
    struct Cell: Sendable {
        /// The cell's text in the plain text (original offsets), trimmed.
        let range: Range<Int>
        let rowspan: Int
        let colspan: Int
    }

    var rows: [[Cell]] = []

    /// The elements that make up a table.
    static let tags: Set<String> = ["table", "tr", "td", "th"]
    /// The largest rowspan or colspan read; a larger one is read as this.
    static let maximumSpan = 1000

    func shifted(by offset: Int) -> HTMLTable {
        HTMLTable(rows: rows.map { $0.map { Cell(range: $0.range.lowerBound + offset..<$0.range.upperBound + offset, rowspan: $0.rowspan, colspan: $0.colspan) } })
    }

    /// Collects tables while `HTMLText` reads a page: a stack of open tables (a table inside a cell
    /// is a table of its own), each with its open cell.
    struct Builder {
        private(set) var tables: [HTMLTable] = []
        private var open: [(table: HTMLTable, cell: (start: Int, rowspan: Int, colspan: Int)?)] = []

        /// A table tag at the end of `out` (the plain text so far, trailing spaces removed).
        mutating func tag(_ name: String, closing: Bool, rowspan: Int, colspan: Int, at out: [Unicode.Scalar]) {
            if name == "table", !closing { open.append((HTMLTable(), nil)); return }
            guard !open.isEmpty else { return }
            closeCell(at: out)
            switch (name, closing) {
            case ("table", true):
                let table = open.removeLast().table
                if !table.rows.isEmpty { tables.append(table) }
            case ("tr", false):
                open[open.count - 1].table.rows.append([])
            case ("td", false), ("th", false):
                if open[open.count - 1].table.rows.isEmpty { open[open.count - 1].table.rows.append([]) }
                open[open.count - 1].cell = (out.count, rowspan, colspan)
            default:
                break
            }
        }

        /// Closes what is still open at the end of the page.
        mutating func finish(at out: [Unicode.Scalar]) {
            while !open.isEmpty { tag("table", closing: true, rowspan: 1, colspan: 1, at: out) }
            tables.sort { ($0.rows.first?.first?.range.lowerBound ?? 0) < ($1.rows.first?.first?.range.lowerBound ?? 0) }
        }

        private mutating func closeCell(at out: [Unicode.Scalar]) {
            guard let cell = open[open.count - 1].cell else { return }
            open[open.count - 1].cell = nil
            var a = min(cell.start, out.count), b = out.count
            while a < b, out[a].isSpace { a += 1 }
            while b > a, out[b - 1].isSpace { b -= 1 }
            open[open.count - 1].table.rows[open[open.count - 1].table.rows.count - 1]
                .append(Cell(range: a..<b, rowspan: cell.rowspan, colspan: cell.colspan))
        }
    }
}
