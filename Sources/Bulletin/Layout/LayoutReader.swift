/// Reads the layout of the normalised text: first PDF conversion is undone (`Reflow`), then one pass
/// over the lines finds boilerplate, content lines, the outline marker of each line, the title and
/// metadata lines, and then the tables among them.
struct LayoutReader {
    /// The text as laid out: `Reflow` applied to the source given.
    let source: SourceText
    let grammar: Grammar
    private var chars: [Unicode.Scalar] { source.chars }

    /// Metadata fields (发布日期:) are looked for in this many first lines.
    static let metadataLines = 8
    /// The longest title line, in characters.
    static let titleWidth = 60
    /// The longest department headline, in characters.
    static let headlineWidth = 40

    init(source: SourceText, grammar: Grammar) {
        self.source = Reflow.apply(source, grammar: grammar)
        self.grammar = grammar
    }

    func read() -> Layout {
        var layout = Layout(source: source)
        let ranges = contentLines(&layout.boilerplate)
        layout.lines = ranges.map { line in
            let marker = Self.marker(in: chars, at: line.lowerBound, lineEnd: line.upperBound, grammar: grammar)
            return Layout.Line(range: line, marker: marker, role: marker == nil ? role(of: line) : .outline)
        }
        markTitleAndMetadata(&layout)
        layout.tables = TableReader(source: source, grammar: grammar, lines: ranges).read()
        for (t, table) in layout.tables.enumerated() {
            for k in table.lines { layout.lines[k].table = table.headerLines.contains(k) ? .header : .cell }
            for (r, row) in table.rows.enumerated() {
                guard let number = row.numberRange else { continue }
                let k = ranges.boundary { $0.upperBound > number.lowerBound }
                if k < ranges.count { layout.lines[k].table = .numberedRow(table: t, row: r) }
            }
        }
        layout.rowNumbers = layout.tables.flatMap { $0.rows.compactMap(\.numberRange) }.sorted { $0.lowerBound < $1.lowerBound }
        markHeadlines(&layout)
        return layout
    }

    /// The outline marker opening a line at `start` (1. 一、 (一) 第一部分 ①), as `Grammar/outline.tsv`
    /// writes them: the one test of markers, for lines, run-on items and soft wraps alike.
    static func marker(in chars: [Unicode.Scalar], at start: Int, lineEnd: Int, grammar: Grammar) -> OutlinePattern.Match? {
        OutlinePattern.match(grammar.outline, in: chars, at: start, limit: min(lineEnd, start + markerReach), numerals: grammar.numerals)
    }

    /// The longest outline marker, in characters.
    static let markerReach = 12

    /// Metadata lines (fields in the first lines) and the title: a 原标题: line, else a short first
    /// line of text without sentence punctuation or fields. Neither is a part of the outline.
    private func markTitleAndMetadata(_ layout: inout Layout) {
        for k in layout.lines.indices.prefix(Self.metadataLines) {
            layout.lines[k].fields = fields(layout.lines[k].range)
        }
        for (k, line) in layout.lines.enumerated() {
            guard let prefix = grammar.titlePrefixes.match(in: chars, at: line.range.lowerBound) else { continue }
            let rest = trimmed(line.range.lowerBound + prefix.length..<line.range.upperBound)
            if !rest.isEmpty { layout.title = (k, rest); break }
        }
        if layout.title == nil, let first = layout.lines.first, first.range.count <= Self.titleWidth,
           !grammar.containsSentenceEnd(chars, first.range), first.fields.isEmpty, case .text = first.role {
            layout.title = (0, first.range)
        }
        for k in layout.lines.indices where !layout.lines[k].fields.isEmpty { layout.lines[k].role = .metadata }
        if let title = layout.title { layout.lines[title.line].role = .title }
    }

    /// A short line without sentence punctuation right after a department's name is its headline
    /// (a line of text or a table's cell, not a part of the outline or a header).
    private func markHeadlines(_ layout: inout Layout) {
        for k in layout.lines.indices.dropLast() {
            guard case .department = layout.lines[k].role, layout.lines[k].table == nil else { continue }
            let next = layout.lines[k + 1]
            let plain: Bool
            switch (next.table, next.role) {
            case (.cell?, _), (nil, .text), (nil, .title), (nil, .metadata): plain = true
            default: plain = false
            }
            if plain, next.range.count <= Self.headlineWidth, !grammar.containsSentenceEnd(chars, next.range) {
                layout.lines[k + 1].role = .headline
            }
        }
    }

    /// Metadata fields on a line: 发布日期 : 2019-12-12 → ("published", range of 2019-12-12).
    private func fields(_ fullLine: Range<Int>) -> [Layout.Field] {
        // Metadata lines are short: a long line is read only as far as `contextReach`.
        let line = fullLine.lowerBound..<min(fullLine.upperBound, fullLine.lowerBound + contextReach)
        var found: [Layout.Field] = []
        var p = line.lowerBound
        while p < line.upperBound {
            guard let hit = grammar.fields.match(in: chars, at: p, limit: line.upperBound) else { p += 1; continue }
            var v = p + hit.length
            while v < line.upperBound, chars[v] == " " { v += 1 }
            guard v < line.upperBound, chars[v] == ":" else { p += hit.length; continue }
            v += 1
            while v < line.upperBound, chars[v] == " " { v += 1 }
            // The value runs to a space or the next label (2021-11-12来源: once spaces around
            // numbers are dropped).
            var e = v
            while e < line.upperBound, chars[e] != " ", e == v || grammar.fields.match(in: chars, at: e, limit: line.upperBound) == nil {
                e += 1
            }
            if e > v { found.append(Layout.Field(name: hit.value, value: v..<e)) }
            p = e
        }
        return found
    }

    /// A line that starts a department's block (成绩:), or a department's name: a short line
    /// ending with 局, 委, …
    private func role(of line: Range<Int>) -> Layout.Role {
        let s = line.lowerBound
        if let block = grammar.blocks.match(in: chars, at: s, limit: line.upperBound),
           s + block.length < line.upperBound, chars[s + block.length] == ":" {
            return .block(kind: block.value, label: source.text(s..<s + block.length))
        }
        if line.count >= 3, line.count <= 20, !grammar.containsSentenceEnd(chars, line),
           !chars[line].contains(where: { $0.isASCIIDigit || $0 == ":" || $0 == " " }),
           grammar.departmentSuffixes.matchEnding(in: chars, at: line.upperBound, floor: line.lowerBound) != nil {
            return .department
        }
        return .text
    }

    /// Splits the text into trimmed non-empty lines and removes boilerplate, recording its ranges:
    /// an HTML page's chrome (navigation, header, footer, as its tags name them), and lines holding
    /// the grammar's boilerplate phrases.
    private func contentLines(_ boilerplateRanges: inout [Range<Int>]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var tailFrom: Int? = nil
        let chrome = source.htmlChrome.map(source.normalisedRange)
        var nextChrome = 0
        for i in 0...chars.count where i == chars.count || chars[i] == "\n" {
            defer { start = i + 1 }
            if tailFrom != nil { continue }
            var line = trimmed(start..<i)
            if line.isEmpty { continue }
            while nextChrome < chrome.count, chrome[nextChrome].upperBound <= line.lowerBound { nextChrome += 1 }
            if nextChrome < chrome.count, chrome[nextChrome].lowerBound <= line.lowerBound, line.upperBound <= chrome[nextChrome].upperBound {
                boilerplateRanges.append(start..<i)
                continue
            }
            // Boilerplate phrases on this line.
            var p = line.lowerBound
            var dropLine = false
            while p < line.upperBound {
                guard let hit = grammar.boilerplate.match(in: chars, at: p, limit: line.upperBound) else { p += 1; continue }
                switch hit.value {
                case .prefix where p == line.lowerBound:
                    boilerplateRanges.append(p..<p + hit.length)
                    line = trimmed(p + hit.length..<line.upperBound)
                    p = line.lowerBound
                    continue
                case .line where line.count <= 40:
                    dropLine = true
                case .start where p == line.lowerBound:
                    dropLine = true
                case .tail where p == line.lowerBound || grammar.sentenceEnds.contains(chars[p - 1]):
                    tailFrom = p
                    if p > line.lowerBound { line = trimmed(line.lowerBound..<p) } else { dropLine = true }
                default:
                    break
                }
                if dropLine || tailFrom != nil { break }
                p += hit.length
            }
            if dropLine {
                // The whole line replaces any prefix recorded on it, so the ranges stay in order.
                while let last = boilerplateRanges.last, last.lowerBound >= start { boilerplateRanges.removeLast() }
                boilerplateRanges.append(start..<i)
            } else if !line.isEmpty {
                lines += splitRunOnItems(line)
            }
        }
        if let tailFrom { boilerplateRanges.append(tailFrom..<chars.count) }
        return lines
    }

    /// A whole report scraped onto one line ("…推进。 2.新投放公共自行车3000辆…") holds its items
    /// inline: start a new line at each outline marker after a space that continues the numbering
    /// (1., then 2., then 3.).
    private func splitRunOnItems(_ line: Range<Int>) -> [Range<Int>] {
        guard line.count > 200 else { return [line] }
        var pieces: [Range<Int>] = []
        var start = line.lowerBound
        var next: [String: Int] = [:]  // the number each marker style expects next
        var p = line.lowerBound + 1
        while p < line.upperBound {
            if chars[p - 1] == " ",
               let m = Self.marker(in: chars, at: p, lineEnd: line.upperBound, grammar: grammar),
               m.number == (next[m.pattern.text] ?? 1) {
                next[m.pattern.text] = m.number + 1
                let piece = trimmed(start..<p)
                if !piece.isEmpty { pieces.append(piece) }
                start = p
                p = m.end
                continue
            }
            p += 1
        }
        let last = trimmed(start..<line.upperBound)
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, chars[a].isSpace { a += 1 }
        while b > a, chars[b - 1].isSpace { b -= 1 }
        return a..<b
    }
}
