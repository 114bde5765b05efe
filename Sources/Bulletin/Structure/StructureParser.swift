/// Reads the outline of a bulletin line by line: boilerplate, title, metadata fields, the
/// preamble, sections (一、), numbered items (1.), departments and their 成绩/计划 blocks.
struct StructureParser {
    let source: SourceText
    let grammar: Grammar
    private var chars: [Unicode.Scalar] { source.chars }

    private enum LineRole {
        case section(marker: Range<Int>, number: Int, title: Range<Int>)
        case item(number: Int, body: Range<Int>)
        case department
        case block(kind: String, label: String)
        case other
    }

    func parse(quantities: [Quantity]) -> DocumentStructure {
        var doc = DocumentStructure()
        let lines = contentLines(&doc)
        doc.contentLines = lines

        // Title: an explicit 原标题: line wins; else the first short line without sentence punctuation.
        var titleLine: Int? = nil
        for (index, line) in lines.enumerated() {
            if let prefix = grammar.titlePrefixes.match(in: chars, at: line.lowerBound) {
                let rest = trimmed(line.lowerBound + prefix.length..<line.upperBound)
                if !rest.isEmpty { doc.title = source.originalText(rest); titleLine = index; break }
            }
        }
        if doc.title == nil, let first = lines.first, first.count <= 60, !containsSentenceEnd(first),
           fieldValues(first).isEmpty, case .other = role(of: first) {
            doc.title = source.originalText(first)
            titleLine = 0
        }

        // Metadata fields in the first lines.
        var metadataLines = Set<Int>()
        for (index, line) in lines.prefix(8).enumerated() {
            let values = fieldValues(line)
            if values.isEmpty { continue }
            metadataLines.insert(index)
            for (field, range) in values {
                let text = source.text(range)
                switch field {
                case "published": if doc.published == nil { doc.published = Self.isoDate(text) }
                case "publisher": if doc.publisher == nil { doc.publisher = source.originalText(range) }
                default: break
                }
            }
        }

        // Roles of the remaining lines.
        var roles: [LineRole] = lines.map { role(of: $0) }
        for index in metadataLines { roles[index] = .other }
        // A department's name opens a block of text; in a flattened table the same short names
        // fill the 责任单位 column, followed by the next row's number.
        for (index, role) in roles.enumerated() {
            guard case .department = role, index + 1 < lines.count else { continue }
            if chars[lines[index + 1]].allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { roles[index] = .other }
        }
        if let titleLine { roles[titleLine] = .other }
        let contentEnd = lines.last?.upperBound ?? 0

        // Where each structural element ends: before the next one of the same or a higher level.
        func end(after index: Int, stopAt stop: (LineRole) -> Bool) -> Int {
            var last = lines[index].upperBound
            for j in (index + 1)..<lines.count {
                if stop(roles[j]) { break }
                last = lines[j].upperBound
            }
            return last
        }
        func isSection(_ r: LineRole) -> Bool { if case .section = r { return true }; return false }
        func isItem(_ r: LineRole) -> Bool { if case .item = r { return true }; return false }
        func isDepartment(_ r: LineRole) -> Bool { if case .department = r { return true }; return false }
        func isBlock(_ r: LineRole) -> Bool { if case .block = r { return true }; return false }

        var firstStructural: Int? = nil
        var currentItems: [Item] = []
        var openSection: (marker: Range<Int>, number: Int, title: Range<Int>, line: Int)? = nil
        func closeSection() {
            guard let s = openSection else { return }
            let range = lines[s.line].lowerBound..<end(after: s.line, stopAt: { isSection($0) || isDepartment($0) })
            let targets = quantities.filter { s.title.contains($0.range.lowerBound) }
            doc.sections.append(Section(
                marker: source.originalText(s.marker), number: s.number, title: source.originalText(s.title),
                span: source.span(range), targets: targets, items: currentItems, range: range, titleRange: s.title))
            currentItems = []
            openSection = nil
        }
        for (index, role) in roles.enumerated() {
            switch role {
            case .section(let marker, let number, let title):
                firstStructural = firstStructural ?? index
                closeSection()
                openSection = (marker, number, title, index)
            case .item(let number, let body):
                firstStructural = firstStructural ?? index
                let range = lines[index].lowerBound..<end(after: index, stopAt: { isSection($0) || isItem($0) || isDepartment($0) })
                let labelRange = label(body)
                let item = Item(number: number, span: source.span(range),
                                label: labelRange.map { source.originalText($0) }, range: range, labelRange: labelRange)
                if openSection != nil { currentItems.append(item) } else { doc.looseItems.append(item) }
            case .department:
                firstStructural = firstStructural ?? index
                closeSection()
                let range = lines[index].lowerBound..<end(after: index, stopAt: { isDepartment($0) || isSection($0) })
                var headline: String? = nil
                if index + 1 < lines.count, case .other = roles[index + 1], lines[index + 1].count <= 40,
                   !containsSentenceEnd(lines[index + 1]) {
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
                doc.departments.append(Department(
                    name: source.originalText(lines[index]), span: source.span(range), headline: headline,
                    blocks: blocks, range: range))
            case .block, .other:
                break
            }
        }
        closeSection()
        _ = contentEnd

        // Preamble: content lines before the first structural element, less title and metadata.
        if let first = firstStructural {
            let preambleLines = (0..<first).filter {
                $0 != titleLine && !metadataLines.contains($0) && source.originalText(lines[$0]) != doc.title
            }
            if let a = preambleLines.first, let b = preambleLines.last {
                let range = lines[a].lowerBound..<lines[b].upperBound
                doc.preamble = Passage(text: source.originalText(range), span: source.span(range), range: range)
            }
        }
        return doc
    }

    // MARK: Lines

    /// Splits the text into trimmed non-empty lines and removes boilerplate, recording its ranges.
    private func contentLines(_ doc: inout DocumentStructure) -> [Range<Int>] {
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
                    doc.boilerplate.append(p..<p + hit.length)
                    line = trimmed(p + hit.length..<line.upperBound)
                    p = line.lowerBound
                    continue
                case .line where line.count <= 40:
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
                doc.boilerplate.append(start..<i)
            } else if !line.isEmpty {
                lines.append(line)
            }
        }
        if let tailFrom { doc.boilerplate.append(tailFrom..<chars.count) }
        return lines
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, chars[a].properties.isWhitespace { a += 1 }
        while b > a, chars[b - 1].properties.isWhitespace { b -= 1 }
        return a..<b
    }

    private func containsSentenceEnd(_ range: Range<Int>) -> Bool {
        chars[range].contains { grammar.sentenceEnds.contains($0) || ($0 != ":" && grammar.clauseEnds.contains($0)) }
    }

    private func role(of line: Range<Int>) -> LineRole {
        let s = line.lowerBound
        // 一、 section
        if let numeral = ChineseNumeral.parse(chars, at: s, numerals: grammar.numerals),
           numeral.value.exponent == 0, (1...99).contains(numeral.value.significand),
           let marker = grammar.sectionMarkers.match(in: chars, at: numeral.end, limit: line.upperBound) {
            return .section(marker: s..<numeral.end, number: Int(numeral.value.significand),
                            title: trimmed(numeral.end + marker.length..<line.upperBound))
        }
        // 1. item
        var i = s
        while i < line.upperBound, chars[i].value >= 0x30, chars[i].value <= 0x39, i - s < 3 { i += 1 }
        if i > s, let marker = grammar.itemMarkers.match(in: chars, at: i, limit: line.upperBound),
           i + marker.length < line.upperBound, !(chars[i + marker.length].value >= 0x30 && chars[i + marker.length].value <= 0x39),
           let number = Int(source.text(s..<i)), number > 0 {
            return .item(number: number, body: trimmed(i + marker.length..<line.upperBound))
        }
        // 成绩: block
        if let block = grammar.blocks.match(in: chars, at: s, limit: line.upperBound),
           s + block.length < line.upperBound, chars[s + block.length] == ":" {
            return .block(kind: block.value, label: source.text(s..<s + block.length))
        }
        // A department's name: a short line ending with 局, 委, …
        if line.count >= 3, line.count <= 20, !containsSentenceEnd(line),
           !chars[line].contains(where: { $0.value >= 0x30 && $0.value <= 0x39 || $0 == ":" || $0 == " " }),
           grammar.departmentSuffixes.matchEnding(in: chars, at: line.upperBound, floor: line.lowerBound) != nil {
            return .department
        }
        return .other
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

    /// Metadata fields on a line: 发布日期 : 2019-12-12 → ("published", range of 2019-12-12).
    private func fieldValues(_ line: Range<Int>) -> [(String, Range<Int>)] {
        var found: [(String, Range<Int>)] = []
        var p = line.lowerBound
        while p < line.upperBound {
            guard let hit = grammar.fields.match(in: chars, at: p, limit: line.upperBound) else { p += 1; continue }
            var v = p + hit.length
            while v < line.upperBound, chars[v] == " " { v += 1 }
            guard v < line.upperBound, chars[v] == ":" else { p += hit.length; continue }
            v += 1
            while v < line.upperBound, chars[v] == " " { v += 1 }
            var e = v
            while e < line.upperBound, chars[e] != " " { e += 1 }
            if e > v { found.append((hit.value, v..<e)) }
            p = e
        }
        return found
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
