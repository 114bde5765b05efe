/// How the text is laid out, decided once for every later stage: the content lines (trimmed, web
/// boilerplate removed, a report scraped onto one line split at its items), the outline marker
/// that opens each line, the boilerplate spans, and the tables with their headers, rows and cells.
/// Quantities, Structure and Claims read it; none of them decides a line's role again.
struct Layout: Sendable {
    /// What a line is by its own text.
    enum Role: Sendable {
        /// It opens with an outline marker (一、, 1.): the marker is `Line.marker`.
        case outline
        /// A department's name (青岛市民政局).
        case department
        /// The start of a department's 成绩 or 计划 block.
        case block(kind: String, label: String)
        case text
    }

    /// The part a line plays in a table.
    enum TablePart: Sendable {
        case header
        /// The line holding the number of row `row` of table `table` (a numbered row).
        case numberedRow(table: Int, row: Int)
        case cell
    }

    /// A line of content with the outline marker it opens with (一、, 1.), if any, its role, and
    /// its part in a table.
    struct Line: Sendable {
        let range: Range<Int>
        let marker: OutlinePattern.Match?
        let role: Role
        var table: TablePart? = nil
    }

    var lines: [Line] = []
    /// Ranges of web boilerplate, in order and not overlapping.
    var boilerplate: [Range<Int>] = []
    /// Tables in text order; their lines are in `lines`.
    var tables: [Table] = []

    /// Whether `position` is in boilerplate.
    func isBoilerplate(_ position: Int) -> Bool {
        let k = boilerplate.boundary { $0.lowerBound > position } - 1
        return k >= 0 && boilerplate[k].contains(position)
    }

    /// The outline marker whose numeral holds `position` (the 2 of 2.), if any.
    func marker(containing position: Int) -> OutlinePattern.Match? {
        let k = lines.boundary { $0.range.lowerBound > position } - 1
        guard k >= 0, let marker = lines[k].marker, marker.numeral.contains(position) else { return nil }
        return marker
    }

    /// The cells holding a table's row numbers, in order: markers, not quantities.
    var rowNumbers: [Range<Int>] {
        tables.flatMap { $0.rows.compactMap(\.numberRange) }.sorted { $0.lowerBound < $1.lowerBound }
    }
}
