/// The figures of a table's cells as quantities: the amount the quantity scanner found at the start
/// of the cell, or the cell's bare number (a year-like 1988), given the unit its column header
/// names ((人), (万元), % for a ratio column) when the cell writes none.
struct TableFigures {
    let source: SourceText
    let grammar: Grammar
    /// Quantities sorted by start.
    let quantities: [Quantity]
    private var chars: [Unicode.Scalar] { source.chars }

    /// A unit a header names: what its last brackets hold ((人), (万元)) or a trailing %.
    struct HeaderUnit {
        let unit: Grammar.UnitEntry
        let factor: Double
    }

    func unit(ofHeader header: Range<Int>?) -> HeaderUnit? {
        guard let header else { return nil }
        let text = chars[header].filter { !$0.isSpace }
        if text.last == "%", let percent = wholeUnit(["%"]) { return HeaderUnit(unit: percent, factor: 1) }
        guard text.last == ")", let open = text.lastIndex(of: "(") else { return nil }
        var inside = Array(text[(open + 1)..<(text.count - 1)])
        var factor = 1.0
        if let m = grammar.multipliers.match(in: inside, at: 0), m.length < inside.count {
            factor = Double(m.value)
            inside.removeFirst(m.length)
        }
        return wholeUnit(inside).map { HeaderUnit(unit: $0, factor: factor) }
    }

    private func wholeUnit(_ text: [Unicode.Scalar]) -> Grammar.UnitEntry? {
        grammar.units.match(in: text, at: 0).flatMap { $0.length == text.count ? $0.value : nil }
    }

    /// The figure a cell starts with, in `unit` when the cell writes no unit of its own.
    func figure(in cell: Range<Int>?, unit: HeaderUnit? = nil) -> Quantity? {
        guard let cell, let first = cell.first, chars[first].isASCIIDigit else { return nil }
        let k = quantities.boundary { $0.range.lowerBound >= cell.lowerBound }
        var q: Quantity
        if k < quantities.count, quantities[k].range.lowerBound == cell.lowerBound, quantities[k].range.upperBound <= cell.upperBound {
            q = quantities[k]
        } else if let bare = bareNumber(cell) {
            q = bare
        } else {
            return nil
        }
        guard q.unit.isEmpty, let unit else { return q }
        return q.with(unit: unit.unit, factor: unit.factor)
    }

    /// A number written with digits and at most one point, alone in its cell.
    private func bareNumber(_ cell: Range<Int>) -> Quantity? {
        var end = cell.lowerBound
        var decimals: Int? = nil
        while end < cell.upperBound, chars[end].isASCIIDigit || (chars[end] == "." && decimals == nil) {
            if chars[end] == "." { decimals = 0 } else if let d = decimals { decimals = d + 1 }
            end += 1
        }
        let text = String(scalars: chars[cell.lowerBound..<end])
        guard end == cell.upperBound, let value = Double(text), decimals != 0 else { return nil }
        var step = 1.0
        for _ in 0..<(decimals ?? 0) { step /= 10 }
        let range = cell.lowerBound..<end
        return Quantity(text: source.originalText(range), span: source.span(range), value: value, names: .noUnit,
                        approx: .exact, step: step, upper: nil, range: range, numberStart: cell.lowerBound)
    }
}

extension Quantity {
    /// The same figure in `unit`, its value scaled by `factor` (7965 in a column of 万元).
    func with(unit entry: Grammar.UnitEntry, factor: Double = 1) -> Quantity {
        let scale = factor * Double(entry.scale)
        return Quantity(text: text, span: span, value: value * scale, names: entry.names, approx: approx,
                        step: step * scale, upper: upper.map { $0 * scale }, range: range, numberStart: numberStart)
    }
}

extension TableFigures {
    /// The unit of a column's cells: its header's, else its group header's; a ratio column's is %;
    /// else the unit the row's unit cell names (单位: 公里).
    func unit(of column: Table.Column, row: Table.Row? = nil, in table: Table? = nil) -> HeaderUnit? {
        if let unit = unit(ofHeader: column.header) ?? unit(ofHeader: column.group) { return unit }
        if case .ratio = column.role { return wholeUnit(["%"]).map { HeaderUnit(unit: $0, factor: 1) } }
        guard let row, let c = table?.unitColumn, let cell = row.cells[c] else { return nil }
        return wholeUnit(chars[cell].filter { !$0.isSpace }).map { HeaderUnit(unit: $0, factor: 1) }
    }

    /// The scanned quantities with the tables' figures: each cell's figure in its column's unit (a
    /// bare 187.9 under 完成比例(%) is 187.9%), and bare numbers the scanner left out (a year-like 1988
    /// in a column of counts) added; dates where such a figure stands are dropped.
    static func merged(_ scanned: QuantityScanner.Result, layout: Layout, source: SourceText,
                       grammar: Grammar) -> (quantities: [Quantity], dates: [DateMention]) {
        guard !layout.tables.isEmpty else { return (scanned.quantities, scanned.dates) }
        let sorted = scanned.quantities.inTextOrder
        let figures = TableFigures(source: source, grammar: grammar, quantities: sorted)
        var replaced: [Int: Quantity] = [:]  // by start
        for table in layout.tables {
            for row in table.rows {
                for (c, cell) in row.cells.enumerated() where table.columns[c].role != .number && c != table.labelColumn {
                    if let q = figures.figure(in: cell, unit: figures.unit(of: table.columns[c], row: row, in: table)) {
                        replaced[q.range.lowerBound] = q
                    }
                }
            }
        }
        guard !replaced.isEmpty else { return (sorted, scanned.dates) }
        var quantities = sorted.map { replaced.removeValue(forKey: $0.range.lowerBound) ?? $0 }
        if !replaced.isEmpty {
            quantities = (quantities + replaced.values).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        let added = Set(replaced.keys)
        return (quantities, scanned.dates.filter { !added.contains($0.range.lowerBound) })
    }
}
