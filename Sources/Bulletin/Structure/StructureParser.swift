/// Reads the outline of a bulletin from its layout: title, metadata fields, the preamble, the
/// outline tree (第一部分, 一、, (一), 1., (1), ① as `Grammar/outline.tsv` ranks them; a numbered
/// table row is an item), departments and their 成绩/计划 blocks. Lines and their roles (title,
/// metadata, outline marker, department, headline, block), boilerplate and tables come from the
/// `Layout`.
struct StructureParser {
    let source: SourceText
    let grammar: Grammar
    private var chars: [Unicode.Scalar] { source.chars }

    private enum LineRole {
        case outline(OutlinePattern.Match)
        case tableRow(number: Int, marker: Range<Int>, cells: [TableCell], title: Range<Int>?)
        case tableHeader
        case department
        case block(kind: String, label: String)
        case other
    }

    func parse(layout: Layout, quantities: [Quantity]) -> DocumentStructure {
        var doc = DocumentStructure()
        let lines = layout.lines.map(\.range)
        doc.contentLines = lines
        readMetadata(layout, into: &doc)
        let roles: [LineRole] = layout.lines.map { role(of: $0, in: layout) }
        let outline = self.outline(lines, roles)
        doc.outline = outline.nodes
        (doc.sections, doc.looseItems) = tree(outline.nodes, outline.meta, quantities)
        doc.departments = departments(lines, roles, layout)
        doc.preamble = preamble(layout, before: outline.firstStructural, title: doc.title)
        return doc
    }

    /// The title and the metadata fields (published, publisher) as the layout found them.
    private func readMetadata(_ layout: Layout, into doc: inout DocumentStructure) {
        doc.title = layout.title.map { source.originalText($0.text) }
        for field in layout.lines.flatMap(\.fields) {
            switch field.name {
            case "published": if doc.published == nil { doc.published = Self.isoDate(source.text(field.value)) }
            case "publisher": if doc.publisher == nil { doc.publisher = source.originalText(field.value) }
            default: break
            }
        }
    }

    /// The flat outline: a stack of open parts; a marker closes the open parts of its level or
    /// below. Also the first line that opens a part (or a department), where the preamble ends.
    private func outline(_ lines: [Range<Int>], _ roles: [LineRole])
        -> (nodes: [OutlineNode], meta: [(marker: Range<Int>, cells: [TableCell])], firstStructural: Int?) {
        var nodes: [OutlineNode] = []
        var meta: [(marker: Range<Int>, cells: [TableCell])] = []
        var open: [Int] = []
        var firstStructural: Int? = nil
        var lastContentEnd = 0
        func close(downTo level: Int) {
            while let top = open.last, nodes[top].level >= level {
                let n = nodes[top]
                nodes[top] = OutlineNode(node: n.node, level: n.level, style: n.style, number: n.number,
                                         range: n.range.lowerBound..<max(n.range.lowerBound, lastContentEnd),
                                         titleRange: n.titleRange, labelRange: n.labelRange, parent: n.parent)
                open.removeLast()
            }
        }
        let itemLevel = grammar.outline.filter { $0.node == .item }.map(\.level).min() ?? 3
        for (index, role) in roles.enumerated() {
            let line = lines[index]
            switch role {
            case .outline(let m):
                firstStructural = firstStructural ?? index
                close(downTo: m.pattern.level)
                let body = trimmed(m.end..<line.upperBound)
                let title: Range<Int>? = m.pattern.node == .section ? body : firstSentence(body)
                nodes.append(OutlineNode(node: m.pattern.node, level: m.pattern.level, style: m.pattern.example, number: m.number,
                                         range: line.lowerBound..<line.upperBound, titleRange: title,
                                         labelRange: m.pattern.node == .item ? label(body) : nil, parent: open.last))
                meta.append((m.numeral, []))
                open.append(nodes.count - 1)
            case .tableRow(let number, let marker, let cells, let content):
                firstStructural = firstStructural ?? index
                close(downTo: itemLevel)
                nodes.append(OutlineNode(node: .item, level: itemLevel, style: "table", number: number,
                                         range: line.lowerBound..<line.upperBound, titleRange: content,
                                         labelRange: nil, parent: open.last))
                meta.append((marker, cells))
                open.append(nodes.count - 1)
            case .department:
                firstStructural = firstStructural ?? index
                close(downTo: Int.min)
            case .tableHeader, .block, .other:
                break
            }
            lastContentEnd = line.upperBound
        }
        close(downTo: Int.min)
        return (nodes, meta, firstStructural)
    }

    /// The preamble: content lines before the first structural element, less title, metadata and
    /// table headers.
    private func preamble(_ layout: Layout, before first: Int?, title: String?) -> Passage? {
        guard let first else { return nil }
        let lines = layout.lines
        let preambleLines = (0..<first).filter { k in
            if k == layout.title?.line || !lines[k].fields.isEmpty || source.originalText(lines[k].range) == title { return false }
            if case .header = lines[k].table { return false }
            return true
        }
        guard let a = preambleLines.first, let b = preambleLines.last else { return nil }
        let range = lines[a].range.lowerBound..<lines[b].range.upperBound
        return Passage(text: source.originalText(range), span: source.span(range), range: range)
    }

    /// Builds the nested sections and items from the flat outline.
    private func tree(_ nodes: [OutlineNode], _ meta: [(marker: Range<Int>, cells: [TableCell])],
                      _ quantities: [Quantity]) -> ([Section], [Item]) {
        var children = [[Int]](repeating: [], count: nodes.count)
        var roots: [Int] = []
        for (i, n) in nodes.enumerated() {
            if let p = n.parent { children[p].append(i) } else { roots.append(i) }
        }
        // The quantities by start, so that each heading's targets are found by binary search.
        let ordered = quantities.sorted { $0.range.lowerBound < $1.range.lowerBound }
        func quantitiesStarting(in range: Range<Int>) -> [Quantity] {
            let a = ordered.boundary { $0.range.lowerBound >= range.lowerBound }
            return Array(ordered[a..<max(a, ordered.boundary { $0.range.lowerBound >= range.upperBound })])
        }
        func item(_ i: Int) -> Item {
            let n = nodes[i]
            return Item(number: n.number, marker: source.originalText(meta[i].marker), style: n.style, span: source.span(n.range),
                        label: n.labelRange.map { source.originalText($0) }, title: n.titleRange.map { source.originalText($0) },
                        cells: meta[i].cells, items: children[i].filter { nodes[$0].node == .item }.map(item),
                        range: n.range, labelRange: n.labelRange, titleRange: n.titleRange)
        }
        func section(_ i: Int) -> Section {
            let n = nodes[i]
            let title = n.titleRange ?? n.range.upperBound..<n.range.upperBound
            return Section(marker: source.originalText(meta[i].marker), style: n.style, number: n.number, level: n.level,
                           title: source.originalText(title), span: source.span(n.range),
                           targets: quantitiesStarting(in: title),
                           subsections: children[i].filter { nodes[$0].node == .section }.map(section),
                           items: children[i].filter { nodes[$0].node == .item }.map(item),
                           range: n.range, titleRange: title)
        }
        return (roots.filter { nodes[$0].node == .section }.map(section), roots.filter { nodes[$0].node == .item }.map(item))
    }

    /// Departments: a name line, an optional headline, and 成绩/计划 blocks up to the next department.
    private func departments(_ lines: [Range<Int>], _ roles: [LineRole], _ layout: Layout) -> [Department] {
        func isDepartment(_ r: LineRole) -> Bool { if case .department = r { return true }; return false }
        func isBlock(_ r: LineRole) -> Bool { if case .block = r { return true }; return false }
        func isSection(_ r: LineRole) -> Bool {
            if case .outline(let m) = r, m.pattern.node == .section { return true }
            return false
        }
        func end(after index: Int, stopAt stop: (LineRole) -> Bool) -> Int {
            var last = lines[index].upperBound
            for j in (index + 1)..<lines.count {
                if stop(roles[j]) { break }
                last = lines[j].upperBound
            }
            return last
        }
        var result: [Department] = []
        for (index, role) in roles.enumerated() {
            guard case .department = role else { continue }
            let range = lines[index].lowerBound..<end(after: index, stopAt: { isDepartment($0) || isSection($0) })
            var headline: String? = nil
            if index + 1 < lines.count, case .headline = layout.lines[index + 1].role {
                headline = source.originalText(lines[index + 1])
            }
            var blocks: [Department.Block] = []
            for j in index + 1..<lines.count {
                if isDepartment(roles[j]) || isSection(roles[j]) { break }
                if case .block(let kind, let label) = roles[j] {
                    let blockRange = lines[j].lowerBound..<end(after: j, stopAt: { isBlock($0) || isDepartment($0) || isSection($0) })
                    blocks.append(Department.Block(kind: kind, label: label, span: source.span(blockRange), range: blockRange))
                }
            }
            result.append(Department(name: source.originalText(lines[index]), span: source.span(range), headline: headline,
                                     blocks: blocks, range: range))
        }
        return result
    }

    // MARK: Tables

    /// A numbered table row as an item: its cells under their headers (a row spanning sub-rows
    /// gives one item with the cells of all of them).
    private func tableRow(_ r: Int, of table: Table) -> LineRole {
        let row = table.rows[r]
        guard let number = row.number, let marker = row.numberRange else { return .other }
        var group = [row]
        var k = r + 1
        while k < table.rows.count, table.rows[k].numberRange == nil, table.rows[k].parentLabel != nil {
            group.append(table.rows[k])
            k += 1
        }
        var cells: [TableCell] = []
        if let parent = row.parentLabel {
            cells.append(TableCell(header: nil, text: source.originalText(parent), span: source.span(parent)))
        }
        for r in group {
            for (c, range) in r.cells.enumerated().dropFirst() {
                guard let range else { continue }
                cells.append(TableCell(header: table.columns[c].header.map { source.originalText($0) },
                                       text: source.originalText(range), span: source.span(range)))
            }
        }
        return .tableRow(number: number, marker: marker, cells: cells, title: row.parentLabel ?? row.cells.dropFirst().first ?? nil)
    }

    /// The first sentence of an item's text, its stated task.
    private func firstSentence(_ body: Range<Int>) -> Range<Int>? {
        guard !body.isEmpty else { return nil }
        var i = body.lowerBound
        while i < body.upperBound, !grammar.sentenceEnds.contains(chars[i]) { i += 1 }
        return body.lowerBound..<i
    }

    // MARK: Lines

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, chars[a].isSpace { a += 1 }
        while b > a, chars[b - 1].isSpace { b -= 1 }
        return a..<b
    }


    /// A line's role as the layout decided it.
    private func role(of line: Layout.Line, in layout: Layout) -> LineRole {
        switch line.table {
        case .header: return .tableHeader
        case .numberedRow(let t, let r): return tableRow(r, of: layout.tables[t])
        case .cell: return .other
        case nil: break
        }
        switch line.role {
        case .outline: return line.marker.map { .outline($0) } ?? .other
        case .department: return .department
        case .block(let kind, let label): return .block(kind: kind, label: label)
        case .title, .metadata, .headline, .text: return .other
        }
    }

    /// The item's label: its text up to 方面 within the first clause (就业方面 → 就业).
    private func label(_ body: Range<Int>) -> Range<Int>? {
        var i = body.lowerBound
        while i < body.upperBound, !grammar.clauseEnds.contains(chars[i]) {
            if let end = grammar.itemLabelEnds.match(in: chars, at: i, limit: body.upperBound), i > body.lowerBound {
                _ = end
                return body.lowerBound..<i
            }
            i += 1
        }
        return nil
    }

    /// 2019-12-12, 2019/12/12, 2019年12月12日 → 2019-12-12.
    static func isoDate(_ text: String) -> String? {
        let numbers = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3, (1900...2100).contains(numbers[0]), (1...12).contains(numbers[1]),
              (1...31).contains(numbers[2]) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(numbers[0])-\(two(numbers[1]))-\(two(numbers[2]))"
    }
}
