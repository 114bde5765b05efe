/// Claims from tables: for each row and each indicator (a group of columns under a header such as
/// 城镇新增就业(人), or the whole table) with a ratio cell, a claim of that ratio with the row's
/// actual and target cells, judged like any other claim. A total row (合计, 全市) is checked
/// against the sum of the rows it totals.
struct TableClaims {
    let source: SourceText
    let grammar: Grammar
    let layout: Layout
    let structure: DocumentStructure
    let figures: TableFigures
    /// Amounts the text names as plans: the target of a total row whose table has no target column.
    let planAmounts: CuedAmounts
    var chars: [Unicode.Scalar] { source.chars }

    struct Result {
        var claims: [Claim] = []
        var checks: [Check] = []
    }

    /// The columns of one indicator and what they say about it.
    struct Indicator {
        let name: Range<Int>?
        let target: Int?
        let actual: Int?
        let ratio: Int?
        let basis: Basis
        let lowerIsBetter: Bool
    }

    /// `quantities` in text order, with the amounts the prose claims found cued as plans.
    init(source: SourceText, grammar: Grammar, layout: Layout, structure: DocumentStructure, quantities: [Quantity],
         planAmounts: CuedAmounts) {
        self.source = source
        self.grammar = grammar
        self.layout = layout
        self.structure = structure
        figures = TableFigures(source: source, grammar: grammar, quantities: quantities.inTextOrder)
        self.planAmounts = planAmounts
    }

    func extract() -> Result {
        var result = Result()
        for table in layout.tables where !table.rows.isEmpty {
            for indicator in indicators(of: table) {
                for row in table.rows {
                    if let claim = claim(row, indicator, in: table) { result.claims.append(claim) }
                }
                result.checks += totals(of: table, indicator)
            }
        }
        result.claims.sort { $0.percentRange.lowerBound < $1.percentRange.lowerBound }
        return result
    }

    // MARK: Indicators

    /// The table's indicators: one per group header, or the whole table. An indicator without an
    /// actual column takes its one other column of figures (新开工小区数 beside 开工率).
    func indicators(of table: Table) -> [Indicator] {
        var groups: [(name: Range<Int>?, columns: [Int])] = []
        for (c, column) in table.columns.enumerated() where column.role != .number && c != table.labelColumn {
            if let k = groups.firstIndex(where: { $0.name == column.group }) { groups[k].columns.append(c) } else { groups.append((column.group, [c])) }
        }
        return groups.map { name, columns in
            let roles = columns.map { table.columns[$0].role }
            var actual = columns.indices.first { roles[$0] == .actual }.map { columns[$0] }
            let others = columns.filter { c in table.columns[c].role == .other && table.rows.contains { figures.figure(in: $0.cells[c]) != nil } }
            if actual == nil, others.count == 1 { actual = others[0] }
            let ratio = columns.indices.first { if case .ratio = roles[$0] { return true }; return false }
            var basis = Basis.plan
            if let ratio, case .ratio(let b) = roles[ratio] { basis = b }
            let headers = [name, columns.indices.first { roles[$0] == .target }.flatMap { table.columns[columns[$0]].header }]
            let lower = headers.contains { $0.map { grammar.tables.lowerBetter.firstOccurrence(in: chars, range: $0) != nil } ?? false }
            return Indicator(name: name, target: columns.indices.first { roles[$0] == .target }.map { columns[$0] },
                             actual: actual, ratio: ratio.map { columns[$0] }, basis: basis, lowerIsBetter: lower)
        }
    }

    /// The unit of a column's cells in `row` (its header's, its group's, % for a ratio column, the
    /// row's unit cell).
    func unit(_ column: Int, _ row: Table.Row, in table: Table) -> TableFigures.HeaderUnit? {
        figures.unit(of: table.columns[column], row: row, in: table)
    }

    /// The header as written, without spaces (for rules and subjects).
    func text(_ range: Range<Int>?) -> String {
        guard let range else { return "" }
        let text = source.originalText(range)
        // (A character is whitespace by its first scalar: with no whitespace scalar there is none.
        // None lies above U+3000, the ideographic space, so Chinese text needs no property lookup.)
        guard text.unicodeScalars.contains(where: {
            $0.value < 0x80 ? $0 == " " || (0x09...0x0D).contains($0.value) : $0.value <= 0x3000 && $0.properties.isWhitespace
        }) else { return text }
        return text.filter { !$0.isWhitespace }
    }
}

extension TableClaims.Result {
    /// Merges the tables' claims into the prose claims, in place: a prose claim on a ratio cell
    /// gives way to the table's claim of it; claims stay in text order (prose claims keep their
    /// order among themselves, and come before a table claim at the same position), and the 分别
    /// lists that index them are re-pointed. No second array of claims is made: the prose claims
    /// should have room for the table's (`ClaimExtractor.extract(room:)`).
    func merge(into prose: inout ClaimExtractor.Result) {
        guard !claims.isEmpty else { return }
        let taken = Set(claims.map { $0.percentRange.lowerBound })
        var merged: [Claim] = []
        swap(&merged, &prose.claims)  // one owner, so that the moves below copy nothing
        // The prose claims kept, moved to the front in their order; `kept[k]`: where claim k went.
        var kept = [Int](repeating: -1, count: merged.count)
        var count = 0
        // (Swaps through the buffer move claims; the array's own swapAt copies them.)
        merged.withUnsafeMutableBufferPointer { claims in
            for k in claims.indices where !taken.contains(claims[k].percentRange.lowerBound) {
                if k != count { claims.swapAt(k, count) }
                kept[k] = count
                count += 1
            }
        }
        merged.removeLast(merged.count - count)
        merged.append(contentsOf: claims)
        // By position, ties in the order they now stand; then the order applied cycle by cycle.
        let positions = merged.map { $0.percentRange.lowerBound }
        var order = Array(merged.indices)
        order.sort { (positions[$0], $0) < (positions[$1], $1) }
        var placed = [Int](repeating: 0, count: order.count)  // where each claim ends up
        for (k, from) in order.enumerated() { placed[from] = k }
        var done = [Bool](repeating: false, count: order.count)
        merged.withUnsafeMutableBufferPointer { claims in
            for i in order.indices where !done[i] {
                var j = i
                while order[j] != i {
                    claims.swapAt(j, order[j])
                    done[j] = true
                    j = order[j]
                }
                done[j] = true
            }
        }
        prose.claims = merged
        prose.distributions = prose.distributions.map { d in
            Distribution(amounts: d.amounts, groups: d.groups, percentages: d.percentages, range: d.range,
                         hasMarker: d.hasMarker, claimIndices: d.claimIndices.compactMap { kept[$0] >= 0 ? placed[kept[$0]] : nil })
        }
    }
}
