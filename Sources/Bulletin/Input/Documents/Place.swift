/// Where in a .docx, .xlsx or .pdf a piece of text comes from: the paragraph (and table cell) of
/// a Word file, the sheet and cell of a workbook, the page of a PDF. Only the fields that apply are
/// written. Text and HTML inputs have no places.
public struct Place: Encodable, Hashable, Sendable {
    /// The 1-based page of a PDF.
    public var page: Int?
    /// The 1-based paragraph of a Word file's body, every paragraph counted (those in tables too).
    public var paragraph: Int?
    /// For a Word table cell: the 1-based table, row and column (grid column, merged cells counted).
    public var table: Int?
    public var row: Int?
    public var column: Int?
    /// For a workbook: the sheet's name and the cell (D5).
    public var sheet: String?
    public var cell: String?

    public init(page: Int? = nil, paragraph: Int? = nil, table: Int? = nil, row: Int? = nil, column: Int? = nil,
                sheet: String? = nil, cell: String? = nil) {
        (self.page, self.paragraph, self.table, self.row, self.column, self.sheet, self.cell) = (page, paragraph, table, row, column, sheet, cell)
    }

    /// The place in words: "paragraph 12", "table 1 row 3 column 4 (paragraph 40)", "完成情况!D5", "page 2".
    public var description: String {
        if let sheet { return cell.map { "\(sheet)!\($0)" } ?? sheet }
        if let page { return "page \(page)" }
        let paragraphText = paragraph.map { "paragraph \($0)" }
        guard let table, let row, let column else { return paragraphText ?? "" }
        return "table \(table) row \(row) column \(column)" + (paragraphText.map { " (\($0))" } ?? "")
    }
}

/// A range of the read text (original offsets) and the place it comes from.
struct PlaceMark: Sendable {
    let range: Range<Int>
    let place: Place
}

/// A .docx, .xlsx or .pdf read as text: the plain text `bulletin text` prints, its tables as
/// their markup gives them (ranges into the text, as `HTMLText` makes for a page), and the place
/// of each stretch of the text, in text order.
struct ReadDocument {
    var text: [Unicode.Scalar] = []
    var tables: [HTMLTable] = []
    var places: [PlaceMark] = []
    /// What `Extraction.source.encoding` says: "docx (Office Open XML)".
    var format: String

    init(format: String) { self.format = format }

    /// Appends `line` (trimmed; nothing when blank) and a line break, marking it with `place`.
    /// Returns the range of the trimmed line.
    @discardableResult
    mutating func append(line: some Sequence<Unicode.Scalar>, place: Place) -> Range<Int> {
        var scalars = Array(line)
        while let last = scalars.last, last.isSpace { scalars.removeLast() }
        let lead = scalars.prefix { $0.isSpace }.count
        guard lead < scalars.count else { return text.count..<text.count }
        let start = text.count
        text.append(contentsOf: scalars[lead...])
        places.append(PlaceMark(range: start..<text.count, place: place))
        text.append("\n")
        return start..<(text.count - 1)
    }
}

extension SourceText {
    /// The place of the original offset `offset`: the mark containing it, else the last one before it.
    func place(at offset: Int) -> Place? {
        guard !places.isEmpty else { return nil }
        let after = places.boundary { $0.range.lowerBound > offset }
        return after > 0 ? places[after - 1].place : places.first?.place
    }

    /// `claims` with the place of each one's reported percentage, for inputs that have places.
    func placing(_ claims: [Claim]) -> [Claim] {
        guard !places.isEmpty else { return claims }
        return claims.map { claim in
            var placed = claim
            placed.place = place(at: claim.reported.span.start)
            return placed
        }
    }
}
