/// Reads a Word file (.docx): the paragraphs of `word/document.xml` in order, each on a line, with
/// the number Word shows before a numbered paragraph (`word/numbering.xml`, directly or through
/// the paragraph's style) and line breaks and tabs as written; and its tables (`w:tbl`) as
/// `HTMLTable`s, one cell's paragraphs per line, `w:gridSpan` as colspan and `w:vMerge` as rowspan.
/// Deleted text of tracked changes, field codes and the fallback copies of text boxes are left out.
struct DocxReader {
    private var document = ReadDocument(format: "docx (Office Open XML)")
    private var numbering: WordNumbering
    private var paragraphs: [[Unicode.Scalar]] = []  // open paragraphs (a text box nests one in another)
    private var paragraphCount = 0
    private var paragraphNumbering: [(numID: String?, level: Int?, style: String?)] = []
    private var tables: [WordTable] = []
    private var tableCount = 0
    private var inText = false

    static func read(_ zip: ZipArchive, main: String) throws(DocumentError) -> ReadDocument {
        guard let xml = try zip.part(main) else { throw DocumentError("the Word file has no \(main)") }
        var reader = DocxReader(numbering: try WordNumbering(zip))
        try reader.walk(XMLReader(xml, part: main))
        return reader.document
    }

    private init(numbering: WordNumbering) { self.numbering = numbering }

    /// Elements whose content is not text of the document.
    static let skipped: Set<String> = ["delText", "instrText", "Fallback", "rPr", "sectPr"]

    private mutating func walk(_ xml: XMLReader) throws(DocumentError) {
        var xml = xml
        var skipping: Int? = nil  // the depth of a skipped element
        while let event = try xml.next() {
            switch event {
            case .start(let name, let attributes, let empty):
                if skipping != nil { continue }
                if Self.skipped.contains(name), !empty { skipping = xml.depth; continue }
                start(name, attributes, empty: empty)
            case .end(let name):
                if let depth = skipping { if xml.depth < depth { skipping = nil }; continue }
                end(name)
            case .text(let text):
                if skipping == nil, inText, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += text.unicodeScalars }
            }
        }
    }

    private mutating func start(_ name: String, _ attributes: [String: String], empty: Bool) {
        switch name {
        case "p":
            paragraphCount += 1
            paragraphs.append([])
            paragraphNumbering.append((nil, nil, nil))
            if empty { end("p") }
        case "t": inText = !empty
        case "tab": append("\t")
        case "br", "cr": append("\n")
        case "noBreakHyphen": append("-")
        case "numId": setNumbering { $0.numID = attributes["val"] }
        case "ilvl": setNumbering { $0.level = attributes["val"].flatMap { Int($0) } }
        case "pStyle": setNumbering { $0.style = attributes["val"] }
        case "tbl":
            tableCount += 1
            tables.append(WordTable(number: tableCount))
        case "tr": if !tables.isEmpty { tables[tables.count - 1].startRow() }
        case "gridBefore": if !tables.isEmpty { tables[tables.count - 1].skip(Int(attributes["val"] ?? "") ?? 0) }
        case "tc": if !tables.isEmpty { tables[tables.count - 1].startCell(at: document.text.count) }
        case "gridSpan": if !tables.isEmpty { tables[tables.count - 1].setSpan(Int(attributes["val"] ?? "") ?? 1) }
        case "vMerge": if !tables.isEmpty { tables[tables.count - 1].setMerge(continues: (attributes["val"] ?? "continue") == "continue") }
        default: break
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "p": endParagraph()
        case "t": inText = false
        case "tc": if !tables.isEmpty { tables[tables.count - 1].endCell(in: document.text) }
        case "tbl":
            if let table = tables.popLast(), !table.html.rows.isEmpty { document.tables.append(table.html) }
        default: break
        }
    }

    private mutating func append(_ s: Unicode.Scalar) {
        if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].append(s) }
    }

    private mutating func setNumbering(_ change: (inout (numID: String?, level: Int?, style: String?)) -> Void) {
        if !paragraphNumbering.isEmpty { change(&paragraphNumbering[paragraphNumbering.count - 1]) }
    }

    private mutating func endParagraph() {
        guard var text = paragraphs.popLast(), let numbers = paragraphNumbering.popLast() else { return }
        if text.contains(where: { !$0.isSpace }),
           let label = numbering.label(numID: numbers.numID, level: numbers.level, style: numbers.style) {
            text = Array(label.unicodeScalars) + text
        }
        var place = Place(paragraph: paragraphCount)
        if let table = tables.last, let cell = table.position {
            (place.table, place.row, place.column) = (table.number, cell.row + 1, cell.column + 1)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            document.append(line: line, place: place)
        }
    }
}

/// A Word table being read: its rows of cells as `HTMLTable` cells, the grid column each cell
/// starts at, and the cells a vertical merge continues.
private struct WordTable {
    let number: Int
    var html = HTMLTable()
    private var column = 0
    private var cell: (start: Int, span: Int, continues: Bool)? = nil
    /// The row and cell index of the cell that opened a vertical merge, by grid column.
    private var merges: [Int: (row: Int, cell: Int)] = [:]

    init(number: Int) { self.number = number }

    /// The row and grid column of the open cell.
    var position: (row: Int, column: Int)? { cell == nil ? nil : (html.rows.count - 1, column) }

    mutating func startRow() {
        html.rows.append([])
        column = 0
    }

    mutating func skip(_ columns: Int) { column += max(0, min(columns, HTMLTable.maximumSpan)) }

    mutating func startCell(at offset: Int) {
        if html.rows.isEmpty { startRow() }
        cell = (offset, 1, false)
    }

    mutating func setSpan(_ span: Int) { cell?.span = max(1, min(span, HTMLTable.maximumSpan)) }
    mutating func setMerge(continues: Bool) {
        cell?.continues = continues
        mergeStarts = !continues
    }
    private var mergeStarts = false

    mutating func endCell(in text: [Unicode.Scalar]) {
        guard let open = cell else { return }
        cell = nil
        defer { column += open.span; mergeStarts = false }
        let r = html.rows.count - 1
        if open.continues, let merge = merges[column], merge.row < r {
            let spanned = html.rows[merge.row][merge.cell]
            html.rows[merge.row][merge.cell] = HTMLTable.Cell(range: spanned.range, rowspan: r - merge.row + 1, colspan: spanned.colspan)
            return
        }
        var a = min(open.start, text.count), b = text.count
        while a < b, text[a].isSpace { a += 1 }
        while b > a, text[b - 1].isSpace { b -= 1 }
        html.rows[r].append(HTMLTable.Cell(range: a..<b, rowspan: 1, colspan: open.span))
        if mergeStarts { merges[column] = (r, html.rows[r].count - 1) } else { merges[column] = nil }
    }
}
