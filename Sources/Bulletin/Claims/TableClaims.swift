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
        range.map { source.originalText($0).filter { !$0.isWhitespace } } ?? ""
    }
}

extension TableClaims.Result {
    /// The prose claims with the tables': a prose claim on a ratio cell gives way to the table's
    /// claim of it; claims stay in text order, and the 分别 lists that index them are re-pointed.
    func merged(into prose: ClaimExtractor.Result) -> ClaimExtractor.Result {
        guard !claims.isEmpty else { return prose }
        let taken = Set(claims.map(\.percentRange.lowerBound))
        // Prose claims (index k) and table claims (index -1 - k), ordered by position; a stable
        // sort, so prose claims keep their order among themselves. Only the indices move.
        var entries: [(start: Int, rank: Int, index: Int)] = []
        for (k, claim) in prose.claims.enumerated() where !taken.contains(claim.percentRange.lowerBound) {
            entries.append((claim.percentRange.lowerBound, entries.count, k))
        }
        for (k, claim) in claims.enumerated() { entries.append((claim.percentRange.lowerBound, entries.count, -1 - k)) }
        entries.sort { ($0.start, $0.rank) < ($1.start, $1.rank) }
        var moved: [Int: Int] = [:]
        for (k, entry) in entries.enumerated() where entry.index >= 0 { moved[entry.index] = k }
        var result = prose
        result.claims = entries.map { $0.index >= 0 ? prose.claims[$0.index] : claims[-1 - $0.index] }
        result.distributions = prose.distributions.map { d in
            Distribution(amounts: d.amounts, groups: d.groups, percentages: d.percentages, range: d.range,
                         hasMarker: d.hasMarker, claimIndices: d.claimIndices.compactMap { moved[$0] })
        }
        return result
    }
}
