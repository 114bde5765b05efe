/// Reads an Excel workbook (.xlsx): every sheet in workbook order, its name on a line of its own
/// (the sheet's title), then its cells. Strings come from `xl/sharedStrings.xml` or the cell;
/// numbers are the typed value as the cell's number format (`xl/styles.xml`) displays it
/// (`CellFormat`). Rows separated by an empty row are separate blocks; in each, leading and
/// trailing rows with one filled cell (a title, 单位：万元, a note) are lines of text, and the rows
/// between them a table (`HTMLTable`, merged cells as rowspan and colspan), one cell per line.
struct XlsxReader {
    /// A filled cell: its 0-based row and column and its displayed text.
    struct Cell {
        let row: Int
        let column: Int
        let text: String
    }

    /// The widest block read as a table; a wider one is read cell by cell as lines.
    static let maximumWidth = 64
    /// Excel's last row.
    static let maximumRow = 1_048_576

    var document = ReadDocument(format: "xlsx (Office Open XML)")

    static func read(_ zip: ZipArchive, main: String) throws(DocumentError) -> ReadDocument {
        let base = main.split(separator: "/").dropLast().joined(separator: "/")
        let strings = try sharedStrings(zip, base: base)
        let formats = try cellFormats(zip, base: base)
        var reader = XlsxReader()
        for (name, path) in try sheets(zip, main: main, base: base) {
            guard let xml = try zip.part(path) else { continue }
            let (cells, merges) = try readSheet(XMLReader(xml, part: path), strings: strings, formats: formats)
            reader.document.append(line: name.unicodeScalars, place: Place(sheet: name))
            reader.layOut(cells, merges: merges, sheet: name)
        }
        return reader.document
    }

    // MARK: Parts

    /// The sheets' names and part paths, in workbook order.
    private static func sheets(_ zip: ZipArchive, main: String, base: String) throws(DocumentError) -> [(String, String)] {
        guard let xml = try zip.part(main) else { throw DocumentError("the workbook has no \(main)") }
        var targets: [String: String] = [:]
        let relsPath = (base.isEmpty ? "" : base + "/") + "_rels/" + (main.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        if let rels = try zip.part(relsPath) {
            var reader = XMLReader(rels, part: relsPath)
            while let event = try reader.next() {
                if case .start("Relationship", let a, _) = event, let id = a["Id"], let target = a["Target"] {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : (base.isEmpty ? "" : base + "/") + target
                }
            }
        }
        var sheets: [(String, String)] = []
        var reader = XMLReader(xml, part: main)
        while let event = try reader.next() {
            if case .start("sheet", let a, _) = event, let name = a["name"], let target = a["id"].flatMap({ targets[$0] }) {
                sheets.append((name, target))
            }
        }
        return sheets
    }

    private static func sharedStrings(_ zip: ZipArchive, base: String) throws(DocumentError) -> [String] {
        let path = base + "/sharedStrings.xml"
        guard let xml = try zip.part(path) else { return [] }
        var reader = XMLReader(xml, part: path)
        var strings: [String] = [], inText = false, phonetic = false
        while let event = try reader.next() {
            switch event {
            case .start("si", _, _): strings.append("")
            case .start("t", _, let empty): inText = !empty
            case .start("rPh", _, let empty): phonetic = !empty
            case .end("t"): inText = false
            case .end("rPh"): phonetic = false
            case .text(let t): if inText, !phonetic, !strings.isEmpty { strings[strings.count - 1] += t }
            default: break
            }
        }
        return strings
    }

    /// The number format code of each cell style (`cellXfs`), by index.
    private static func cellFormats(_ zip: ZipArchive, base: String) throws(DocumentError) -> [String] {
        let path = base + "/styles.xml"
        guard let xml = try zip.part(path) else { return [] }
        var reader = XMLReader(xml, part: path)
        var codes: [Int: String] = [:], formats: [String] = [], inCellXfs = false
        while let event = try reader.next() {
            switch event {
            case .start("numFmt", let a, _): if let id = a["numFmtId"].flatMap({ Int($0) }) { codes[id] = a["formatCode"] }
            case .start("cellXfs", _, let empty): inCellXfs = !empty
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let a, _) where inCellXfs:
                let id = a["numFmtId"].flatMap { Int($0) } ?? 0
                formats.append(codes[id] ?? CellFormat.builtIn[id] ?? (CellFormat.builtInDates.contains(id) ? "yyyy-mm-dd" : "General"))
            default: break
            }
        }
        return formats
    }

    /// The filled cells of a sheet and its merged ranges (0-based, inclusive).
    private static func readSheet(_ xml: XMLReader, strings: [String], formats: [String]) throws(DocumentError)
        -> ([Cell], [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)]) {
        var xml = xml
        var cells: [Cell] = [], merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
        var open: (ref: (Int, Int), type: String, style: Int)? = nil
        var value = "", inValue = false
        var nextRow = 0, nextColumn = 0
        while let event = try xml.next() {
            switch event {
            case .start("row", let a, _):
                nextRow = a["r"].flatMap { Int($0) }.map { min(max($0, 1), Self.maximumRow) - 1 } ?? min(nextRow, Self.maximumRow)
                nextColumn = 0
            case .end("row"): nextRow += 1
            case .start("c", let a, let empty):
                let ref = a["r"].flatMap(Self.reference) ?? (nextRow, nextColumn)
                nextColumn = ref.1 + 1
                if !empty { open = (ref, a["t"] ?? "n", a["s"].flatMap { Int($0) } ?? 0); value = "" }
            case .start("v", _, let empty), .start("t", _, let empty): inValue = !empty && open != nil
            case .end("v"), .end("t"): inValue = false
            case .text(let t): if inValue { value += t }
            case .end("c"):
                if let cell = open, case let text = display(value, type: cell.type, style: cell.style, strings: strings, formats: formats), !text.isEmpty {
                    cells.append(Cell(row: cell.ref.0, column: cell.ref.1, text: text))
                }
                open = nil
            case .start("mergeCell", let a, _):
                let ends = (a["ref"] ?? "").split(separator: ":").compactMap { Self.reference(String($0)) }
                if ends.count == 2, ends[0].0 <= ends[1].0, ends[0].1 <= ends[1].1 { merges.append((ends[0].0...ends[1].0, ends[0].1...ends[1].1)) }
            default: break
            }
        }
        return (cells, merges)
    }

    private static func display(_ value: String, type: String, style: Int, strings: [String], formats: [String]) -> String {
        switch type {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "n":
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)) else { return value }
            return CellFormat.display(number, code: formats.indices.contains(style) ? formats[style] : "General")
        default: return value  // str, inlineStr, e (#DIV/0!), d (an ISO date)
        }
    }

    /// "D5" → (4, 3), 0-based row and column; nil when malformed.
    static func reference(_ ref: String) -> (Int, Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for ch in ref.unicodeScalars {
            if ch.properties.isUppercase, ch.isASCII, digits == 0, letters < 3 {
                column = column * 26 + Int(ch.value - 64); letters += 1
            } else if ("0"..."9").contains(ch), letters > 0, digits < 7 {
                row = row * 10 + Int(ch.value - 48); digits += 1
            } else if ch != "$" { return nil }
        }
        return letters > 0 && digits > 0 && row > 0 ? (row - 1, column - 1) : nil
    }

    /// "D5" for 0-based row 4, column 3.
    static func name(row: Int, column: Int) -> String {
        var letters = "", c = column + 1
        while c > 0 { letters = String(Unicode.Scalar(UInt8(65 + (c - 1) % 26))) + letters; c = (c - 1) / 26 }
        return letters + String(row + 1)
    }
}
