/// How the text is laid out, decided once for every later stage: the text as matched (PDF
/// conversion undone, `Reflow`), the content lines (trimmed, web boilerplate removed, a report
/// scraped onto one line split at its items), the title and metadata lines, the outline marker that
/// opens each line, the boilerplate spans, and the tables with their headers, rows and cells.
/// Quantities, Structure, Claims and Checks read it; none of them decides a line's role again.
struct Layout: Sendable {
    /// What a line is.
    enum Role: Sendable {
        /// It opens with an outline marker (一、, 1.): the marker is `Line.marker`.
        case outline
        /// A department's name (青岛市民政局).
        case department
        /// The start of a department's 成绩 or 计划 block.
        case block(kind: String, label: String)
        /// The document's title (`Layout.title`).
        case title
        /// Metadata fields (发布日期: …) near the top: `Line.fields`.
        case metadata
        /// A short line right after a department's name: its headline.
        case headline
        case text
    }

    /// A metadata field on a line: 发布日期 : 2019-12-12 → ("published", the range of 2019-12-12).
    struct Field: Sendable {
        let name: String
        let value: Range<Int>
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
        var role: Role
        var table: TablePart? = nil
        /// Metadata fields, read in the first `LayoutReader.metadataLines` lines.
        var fields: [Field] = []
    }

    /// The text the later stages match (`Reflow` applied); spans still point into the original.
    let source: SourceText
    var lines: [Line] = []
    /// The title: its line, and its text (after a 原标题: prefix).
    var title: (line: Int, text: Range<Int>)? = nil
    /// Ranges of web boilerplate, in order and not overlapping.
    var boilerplate: [Range<Int>] = []
    /// Tables in text order; their lines are in `lines`.
    var tables: [Table] = []
    /// The cells holding the tables' row numbers, in order.
    var rowNumbers: [Range<Int>] = []

    /// Whether `position` is in boilerplate.
    func isBoilerplate(_ position: Int) -> Bool {
        let k = boilerplate.boundary { $0.lowerBound > position } - 1
        return k >= 0 && boilerplate[k].contains(position)
    }

    /// The start of the content line holding `position`; `position` itself when no line holds it.
    func lineStart(of position: Int) -> Int {
        let k = lines.boundary { $0.range.lowerBound > position } - 1
        return k >= 0 && lines[k].range.upperBound >= position ? lines[k].range.lowerBound : position
    }

    /// The outline marker whose numeral holds `position` (the 2 of 2.), if any.
    func marker(containing position: Int) -> OutlinePattern.Match? {
        let k = lines.boundary { $0.range.lowerBound > position } - 1
        guard k >= 0, let marker = lines[k].marker, marker.numeral.contains(position) else { return nil }
        return marker
    }

    /// Whether `range` lies in a table's row-number cell: a marker, not a quantity.
    func isRowNumber(_ range: Range<Int>) -> Bool {
        let k = rowNumbers.boundary { $0.lowerBound > range.lowerBound } - 1
        return k >= 0 && rowNumbers[k].contains(range.lowerBound) && range.upperBound <= rowNumbers[k].upperBound
    }
}
