/// Reads the layout of the normalised text in one pass over its lines: boilerplate, content lines,
/// the outline marker of each line, and then the tables among them.
struct LayoutReader {
    let source: SourceText
    let grammar: Grammar
    private var chars: [Unicode.Scalar] { source.chars }

    func read() -> Layout {
        var layout = Layout()
        let ranges = contentLines(&layout.boilerplate)
        layout.lines = ranges.map { line in
            let marker = OutlinePattern.match(grammar.outline, in: chars, at: line.lowerBound, limit: line.upperBound,
                                              numerals: grammar.numerals)
            return Layout.Line(range: line, marker: marker, role: marker == nil ? role(of: line) : .outline)
        }
        layout.tables = TableReader(source: source, grammar: grammar, lines: ranges).read()
        for (t, table) in layout.tables.enumerated() {
            for k in table.lines { layout.lines[k].table = table.headerLines.contains(k) ? .header : .cell }
            for (r, row) in table.rows.enumerated() {
                guard let number = row.numberRange else { continue }
                let k = ranges.boundary { $0.upperBound > number.lowerBound }
                if k < ranges.count { layout.lines[k].table = .numberedRow(table: t, row: r) }
            }
        }
        return layout
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

    /// Splits the text into trimmed non-empty lines and removes boilerplate, recording its ranges.
    private func contentLines(_ boilerplateRanges: inout [Range<Int>]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var tailFrom: Int? = nil
        for i in 0...chars.count where i == chars.count || chars[i] == "\n" {
            defer { start = i + 1 }
            if tailFrom != nil { continue }
            var line = trimmed(start..<i)
            if line.isEmpty { continue }
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
               let m = OutlinePattern.match(grammar.outline, in: chars, at: p, limit: min(line.upperBound, p + 12), numerals: grammar.numerals),
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
        while a < b, chars[a].properties.isWhitespace { a += 1 }
        while b > a, chars[b - 1].properties.isWhitespace { b -= 1 }
        return a..<b
    }
}
