import Bulletin

/// The text of a document cut into the blocks a page shows: the title, headings of the outline
/// (by level), items, paragraphs and tables, each with its range of the original text. Also
/// answers where a figure stands (heading, table cell, sentence) for the claim panel.
struct DocumentBlocks {
    enum Kind {
        case title
        case heading(level: Int)
        case item
        case paragraph
        case table(TableGrid)
    }

    struct Block {
        let kind: Kind
        let start: Int
        let end: Int
    }

    let text: [Unicode.Scalar]
    let blocks: [Block]
    /// Where each line of the text starts.
    let lineStarts: [Int]

    init(_ extraction: Extraction, text: [Unicode.Scalar]) {
        self.text = text
        lineStarts = [0] + text.indices.filter { text[$0] == "\n" }.map { $0 + 1 }
        let headings = Self.sectionStarts(extraction.sections)
        let items = Set(Self.itemStarts(extraction))
        let tables = extraction.tables.filter { Self.isShownWhole($0, text: text) }
        var blocks: [Block] = []
        var t = 0
        for line in Self.lines(text) {
            while t < tables.count, tables[t].span.end <= line.lowerBound { t += 1 }
            if t < tables.count, tables[t].span.start <= line.lowerBound {
                if blocks.last.map({ $0.start != tables[t].span.start }) ?? true {
                    blocks.append(Block(kind: .table(tables[t]), start: tables[t].span.start, end: tables[t].span.end))
                }
                continue
            }
            let opener = line.first { !text[$0].properties.isWhitespace } ?? line.lowerBound
            let kind: Kind
            if let title = extraction.title, Self.trimmed(text[line]) == title { kind = .title }
            else if let level = headings[opener] { kind = .heading(level: level) }
            else if items.contains(opener) { kind = .item }
            else { kind = .paragraph }
            blocks.append(Block(kind: kind, start: line.lowerBound, end: line.upperBound))
        }
        self.blocks = blocks
    }

    /// The lines of the text that hold more than whitespace, without their line ends.
    static func lines(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0...text.count where i == text.count || text[i] == "\n" {
            var end = i
            while end > start, text[end - 1] == "\r" { end -= 1 }
            if text[start..<end].contains(where: { !$0.properties.isWhitespace }) { lines.append(start..<end) }
            start = i + 1
        }
        return lines
    }

    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let kept = scalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
        return String(String.UnicodeScalarView(kept))
    }

    /// Where each section starts, with its level.
    static func sectionStarts(_ sections: [Section]) -> [Int: Int] {
        var starts: [Int: Int] = [:]
        func walk(_ section: Section) {
            starts[section.span.start] = section.level
            section.subsections.forEach(walk)
        }
        sections.forEach(walk)
        return starts
    }

    static func itemStarts(_ extraction: Extraction) -> [Int] {
        func collect(_ items: [Item]) -> [Int] { items.flatMap { [$0.span.start] + collect($0.items) } }
        func inSections(_ sections: [Section]) -> [Int] { sections.flatMap { collect($0.items) + inSections($0.subsections) } }
        return inSections(extraction.sections) + collect(extraction.items)
    }

    /// Whether the table's cells hold every character of its lines but spaces and rules (| - ─),
    /// so that showing it as a table leaves nothing of the text out.
    static func isShownWhole(_ table: TableGrid, text: [Unicode.Scalar]) -> Bool {
        guard table.span.start < table.span.end, table.span.end <= text.count else { return false }
        var covered = [Bool](repeating: false, count: table.span.end - table.span.start)
        for cell in table.rows.joined() {
            guard let span = cell.span, span.start >= table.span.start, span.end <= table.span.end else { continue }
            for i in span.start..<span.end { covered[i - table.span.start] = true }
        }
        let rules: Set<Unicode.Scalar> = ["|", "-", "─", "—", "｜", "+", "=", ":"]
        return (table.span.start..<table.span.end).allSatisfy { i in
            covered[i - table.span.start] || text[i].properties.isWhitespace || rules.contains(text[i])
        }
    }

    // MARK: Places

    /// Where `offset` stands, in words: "heading, line 12:3 「…」", "table cell under 目标任务, line 40:1", "sentence, line 23:14 「…」".
    func place(of offset: Int) -> String {
        let position = "line \(lineColumn(of: offset))"
        guard let block = blocks.last(where: { $0.start <= offset }), offset < block.end else { return position }
        switch block.kind {
        case .title: return "title, \(position)"
        case .heading: return "heading, \(position): 「\(excerpt(block.start..<block.end))」"
        case .table(let table): return "\(cellDescription(table, offset)), \(position)"
        case .item, .paragraph: return "sentence, \(position): 「\(excerpt(sentence(around: offset)))」"
        }
    }

    /// 1-based line and column (in characters) of `offset`.
    func lineColumn(of offset: Int) -> String {
        var lo = 0, hi = lineStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return "\(lo + 1):\(offset - lineStarts[lo] + 1)"
    }

    /// The sentence holding `offset`: out to 。；！？ or the line's end.
    func sentence(around offset: Int) -> Range<Int> {
        let ends: Set<Unicode.Scalar> = ["。", "；", ";", "！", "？", "\n"]
        var a = min(offset, text.count), b = a
        while a > 0, !ends.contains(text[a - 1]) { a -= 1 }
        while b < text.count, !ends.contains(text[b]) { b += 1 }
        if b < text.count, text[b] != "\n" { b += 1 }
        return a..<b
    }

    /// The text of `range`, trimmed and cut to `limit` characters.
    func excerpt(_ range: Range<Int>, limit: Int = 80) -> String {
        let trimmed = Self.trimmed(text[range])
        return trimmed.unicodeScalars.count <= limit ? trimmed : String(trimmed.prefix(limit)) + "…"
    }

    /// "table cell under HEADER" for the cell of `table` holding `offset`.
    func cellDescription(_ table: TableGrid, _ offset: Int) -> String {
        for (r, row) in table.rows.enumerated() {
            var column = 0
            for cell in row {
                defer { column += cell.columns }
                guard let span = cell.span, span.start <= offset, offset < span.end else { continue }
                if r < table.headerRows { return "table header" }
                let header = columnHeader(table, column)
                return header.map { "table cell under \($0)" } ?? "table cell"
            }
        }
        return "table"
    }

    /// The header text over column `column` (the lowest header row's cell reaching it).
    func columnHeader(_ table: TableGrid, _ column: Int) -> String? {
        for row in table.rows.prefix(table.headerRows).reversed() {
            var c = 0
            for cell in row {
                if c <= column, column < c + cell.columns, let span = cell.span, span.start < span.end {
                    return excerpt(span.start..<span.end, limit: 24)
                }
                c += cell.columns
            }
        }
        return nil
    }
}
