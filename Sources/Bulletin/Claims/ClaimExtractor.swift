/// Turns every reported percentage into a claim: finds its basis from the phrase before it, the
/// amount it refers to (the actual), and the amount it is measured against (the target), in the
/// same sentence, the same paragraph, the item's stated task, the section headings or the preamble. Also records 其中 breakdowns and
/// 分别 lists for the checks.
struct ClaimExtractor {
    let source: SourceText
    let grammar: Grammar
    let structure: DocumentStructure
    let index: TextIndex
    let percentages: [Quantity]
    /// Amounts their clause names as a plan or as a whole: the targets of the plan and share rules.
    let planAmounts: CuedAmounts
    let wholeAmounts: CuedAmounts
    private var chars: [Unicode.Scalar] { source.chars }

    struct Result {
        var claims: [Claim] = []
        var breakdowns: [Breakdown] = []
        var distributions: [Distribution] = []
        /// The total of the 其中 breakdown each part belongs to, by the part's start.
        var totalOfPart: [Int: Quantity] = [:]
    }

    init(source: SourceText, grammar: Grammar, structure: DocumentStructure, quantities: [Quantity]) {
        self.source = source
        self.grammar = grammar
        self.structure = structure
        let content = quantities.filter { !structure.isBoilerplate($0.range.lowerBound) }
        self.index = TextIndex(chars: source.chars, quantities: content, grammar: grammar)
        self.percentages = content.filter(\.isPercent).sorted { $0.range.lowerBound < $1.range.lowerBound }
        self.planAmounts = CuedAmounts(chars: source.chars, index: index, cues: grammar.targetCues, doneCues: grammar.doneCues)
        self.wholeAmounts = CuedAmounts(chars: source.chars, index: index, cues: grammar.totalCues, doneCues: grammar.doneCues)
    }

    func extract() -> Result {
        var result = Result()
        result.breakdowns = breakdowns()
        for b in result.breakdowns {
            for part in b.parts { result.totalOfPart[part.range.lowerBound] = b.total }
        }
        for list in percentageLists() {
            extract(list, into: &result)
        }
        return result
    }

    // MARK: Percentage lists

    /// Groups percentages written as one list (112.6%和120%, 100%、309.5%和212.5%).
    private func percentageLists() -> [[Quantity]] {
        var lists: [[Quantity]] = []
        for p in percentages {
            if let last = lists.last?.last, isJoined(last.range.upperBound, p.range.lowerBound) {
                lists[lists.count - 1].append(p)
            } else {
                lists.append([p])
            }
        }
        return lists
    }

    private func isJoined(_ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b, chars[i] == " " { i += 1 }
        guard let joiner = grammar.listJoiners.match(in: chars, at: i, limit: b) else { return false }
        i += joiner.length
        while i < b, chars[i] == " " { i += 1 }
        return i == b
    }

    // MARK: Basis

    private struct FoundBasis {
        let entry: Grammar.BasisEntry?
        let phraseStart: Int
        /// An amount written inside the phrase: 占全年任务400公里的81.5% states its target.
        var statedTarget: Quantity? = nil
    }

    /// The basis phrase ending right before `p`, skipping connectors (的, 达到, 为 …) and an amount
    /// the phrase names as its whole (完成年度目标任务3800人的75.3%).
    private func basis(before p: Int) -> FoundBasis {
        var end = p
        while end > 0, chars[end - 1] == " " { end -= 1 }
        var stated: Quantity? = nil
        for _ in 0..<5 {
            if let hit = grammar.bases.matchEnding(in: chars, at: end) {
                var start = end - hit.length
                if let lead = grammar.basisLeads.matchEnding(in: chars, at: start) { start -= lead.length }
                return FoundBasis(entry: hit.value, phraseStart: start, statedTarget: stated)
            }
            if stated == nil, let q = index.amounts(in: max(0, end - 40)..<end).last, q.range.upperBound == end {
                stated = q
                end = q.range.lowerBound
                continue
            }
            guard let connector = grammar.connectors.matchEnding(in: chars, at: end) else { break }
            end -= connector.length
        }
        return FoundBasis(entry: nil, phraseStart: p)
    }

    // MARK: Claims

    /// Whether an item's first sentence reports progress against the plan (6.…各100所,…分别占年计划的
    /// 100%…) rather than stating the item's task (a target rate such as 失业率控制在3.5%以内 does not
    /// count).
    private func isProgressReport(_ range: Range<Int>) -> Bool {
        index.percentages(in: range).contains { basis(before: $0.range.lowerBound).entry?.basis == .plan }
    }

    private func extract(_ list: [Quantity], into result: inout Result) {
        guard let first = list.first, let last = list.last else { return }
        var found = basis(before: first.range.lowerBound)
        if found.entry == nil {
            // 实现10%以上增长: a basis written after the percentage.
            var end = last.range.upperBound
            while end < chars.count, chars[end] == " " { end += 1 }
            if let hit = grammar.basesAfter.match(in: chars, at: end) {
                found = FoundBasis(entry: hit.value, phraseStart: first.range.lowerBound)
            }
        }
        let basis = found.entry?.basis ?? .other
        let sentence = index.sentence(containing: first.range.lowerBound)
        let clause = index.clause(containing: first.range.lowerBound)

        // Which amount each percentage refers to.
        var actuals: [Quantity?] = Array(repeating: nil, count: list.count)
        var actualRule = "actual:none"
        let marker = grammar.distributive.lastOccurrence(in: chars, range: clause.lowerBound..<first.range.lowerBound)
        if list.count > 1 || marker != nil {
            var region = sentence.lowerBound..<max(sentence.lowerBound, marker?.start ?? found.phraseStart)
            if let part = grammar.breakdown.lastOccurrence(in: chars, range: region) {
                region = part.start + part.length..<region.upperBound
            }
            let candidates = Array(index.amounts(in: region).filter { !index.isParenthetical($0) })
            let groups = Dictionary(grouping: candidates, by: { index.clause(containing: $0.range.lowerBound).lowerBound })
                .sorted { $0.key < $1.key }.map { $0.value }
            if candidates.count == list.count {
                actuals = candidates
                actualRule = "actual:distributive"
            } else if groups.count == list.count {
                actuals = groups.map { $0.first }
                actualRule = "actual:distributiveByClause"
            } else if candidates.count > list.count {
                actuals = Array(candidates.suffix(list.count))
                actualRule = "actual:distributiveLast"
            } else {
                for (k, q) in candidates.enumerated() { actuals[k] = q }
                actualRule = "actual:distributivePartial"
            }
            result.distributions.append(Distribution(
                amounts: candidates.count, groups: groups.count, percentages: list.count,
                range: (marker?.start ?? region.lowerBound)..<last.range.upperBound,
                hasMarker: marker != nil, claimIndices: Array(result.claims.count..<result.claims.count + list.count)))
        } else {
            var searchFrom = clause.lowerBound
            if let q = nearestAmount(before: first.range.lowerBound, in: clause), fitsRate(q, found),
               !(basis == .growth && grammar.eachCues.firstOccurrence(in: chars, range: q.range.upperBound..<first.range.lowerBound) != nil) {
                actuals[0] = q
                actualRule = "actual:clause"
            } else if clause.lowerBound > sentence.lowerBound {
                // The clause before; past an aside that only states growth (…88.7亿元,同比增长15.3%,占…41%).
                var previous = index.clause(containing: clause.lowerBound - 1)
                var hops = 0
                // (Not for a rate: 参保总人数739.7万人,同比增长1.25%,贫困人口参保率100% is another population.)
                while hops < 2, basis != .rate, previous.lowerBound > sentence.lowerBound, isGrowthAside(previous) {
                    previous = index.clause(containing: previous.lowerBound - 1)
                    hops += 1
                }
                searchFrom = previous.lowerBound
                if index.percentages(in: previous).isEmpty, !namesASet(previous),
                   let q = nearestAmount(before: previous.upperBound, in: previous), fitsRate(q, found) {
                    actuals[0] = q
                    actualRule = hops == 0 ? "actual:previousClause" : "actual:beforeGrowthAside"
                }
            }
            // 完成投资XX亿元,占年度投资计划45.2%: the amount the percentage is of is withheld.
            let from = min(actuals[0]?.range.upperBound ?? searchFrom, found.phraseStart)
            if let withheld = placeholderAmount(in: from..<found.phraseStart) {
                actuals[0] = nil
                actualRule = "actual:placeholder(\(source.originalText(withheld)))"
            }
        }

        for (k, percentage) in list.enumerated() {
            let phraseStart = k == 0 ? found.phraseStart : percentage.range.lowerBound
            var actual = actuals[k]
            if let stated = found.statedTarget, actual?.range == stated.range {
                // The amount in the phrase is the whole, not what was done: look before the phrase.
                actual = nearestAmount(before: found.phraseStart, in: index.sentence(containing: found.phraseStart))
            }
            result.claims.append(makeClaim(
                percentage: percentage, basis: basis, negative: found.entry?.negative ?? false,
                phrase: found.entry?.phrase, phraseStart: phraseStart, actual: actual,
                statedTarget: list.count == 1 ? found.statedTarget : nil,
                partOf: actual.flatMap { result.totalOfPart[$0.range.lowerBound] },
                rules: [found.entry.map { "basis:\($0.phrase)" } ?? "basis:none", actualRule]))
        }
    }

    /// A clause with no amount and only growth percentages (同比增长15.3%).
    private func isGrowthAside(_ clause: Range<Int>) -> Bool {
        let inside = index.percentages(in: clause)
        guard !inside.isEmpty, index.amounts(in: clause).isEmpty else { return false }
        return inside.allSatisfy { basis(before: $0.range.lowerBound).entry?.basis == .growth }
    }

    /// An amount written with a placeholder for its figure (完成投资XX亿元), the last in `range`.
    private func placeholderAmount(in range: Range<Int>) -> Range<Int>? {
        var found: Range<Int>? = nil
        var i = max(range.lowerBound, range.upperBound - contextReach)
        while i < range.upperBound {
            if let hit = grammar.placeholders.match(in: chars, at: i, limit: range.upperBound),
               i == 0 || !chars[i - 1].properties.isAlphabetic || chars[i - 1].value > 0x2E80 {
                var j = i + hit.length
                if let mult = grammar.multipliers.match(in: chars, at: j, limit: range.upperBound) { j += mult.length }
                if let unit = grammar.units.match(in: chars, at: j, limit: range.upperBound) {
                    found = i..<j + unit.length
                    i = j + unit.length
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// A rate (完工率, 开工率, 失业率) counts what its name says: the amount's clause must share a
    /// character pair with the word before 率 (已完工473户 for 完工率, not 再就业3111人 for 失业率).
    /// Generic rate words (覆盖率, 完成率) name no activity and are not tested.
    private func fitsRate(_ q: Quantity, _ found: FoundBasis) -> Bool {
        guard found.entry?.basis == .rate else { return true }
        var r = found.phraseStart
        while r < min(chars.count, found.phraseStart + contextReach), chars[r] != "率" { r += 1 }
        guard r < chars.count else { return true }
        if grammar.genericRates.matchEnding(in: chars, at: r + 1) != nil { return true }
        var w = r
        while w > max(0, r - 4), chars[w - 1].isHan { w -= 1 }
        guard r - w >= 2 else { return true }
        let clause = index.clause(containing: q.range.lowerBound)
        var pairs = Set<UInt64>()
        for i in w..<(r - 1) { pairs.insert(UInt64(chars[i].value) << 32 | UInt64(chars[i + 1].value)) }
        for i in clause.lowerBound..<max(clause.lowerBound, clause.upperBound - 1)
        where pairs.contains(UInt64(chars[i].value) << 32 | UInt64(chars[i + 1].value)) {
            return true
        }
        return false
    }

    /// Whether a clause ends by naming a set that the next clause draws from (4个结构性指标中,).
    private func namesASet(_ clause: Range<Int>) -> Bool {
        var end = clause.upperBound
        while end > clause.lowerBound, grammar.clauseEnds.contains(chars[end - 1]) || chars[end - 1] == " " { end -= 1 }
        return grammar.scopeEnds.matchEnding(in: chars, at: end) != nil
    }

    private func nearestAmount(before p: Int, in range: Range<Int>) -> Quantity? {
        index.amounts(in: range.lowerBound..<p).last { $0.range.upperBound <= p && !index.isParenthetical($0) }
    }

    private func makeClaim(percentage: Quantity, basis: Basis, negative: Bool, phrase: String?, phraseStart: Int,
                           actual: Quantity?, statedTarget: Quantity?, partOf: Quantity?, rules: [String]) -> Claim {
        var rules = rules
        let position = percentage.range.lowerBound
        let chain = structure.ancestry(at: position)
        let sections = chain.filter { $0.node == .section }
        let item = chain.first { $0.node == .item }
        let department = structure.department(at: position)
        let block = department?.blocks.last { $0.range.contains(position) }


        // The target: stated in the sentence or paragraph, else in the section heading.
        var target: Quantity? = nil
        var targetSource: String? = nil
        if let actual, basis != .growth && basis != .other {
            if let t = statedTarget, t.isComparable(with: actual) {
                target = t
                targetSource = "phrase"
            } else if let t = textTarget(for: actual, basis: basis) {
                target = t.quantity
                targetSource = t.source
            } else if basis == .plan || basis == .rate, partOf == nil,
                      case let sources = structure.targetSources(at: actual.range.lowerBound),
                      let t = HeadingMatcher(source: source, grammar: grammar, index: index)
                        .target(for: actual, context: subjectRange(of: actual), label: sources.label,
                                task: sources.task.flatMap { isProgressReport($0) ? nil : $0 }, headings: sources.headings) {
                target = t
                targetSource = "heading"
            }
        }
        if let targetSource { rules.append("target:\(targetSource)") }

        let placeholder = rules.first { $0.hasPrefix("actual:placeholder") }
            .map { String($0.dropFirst("actual:placeholder(".count).dropLast()) }
        let judgement = Judgement.judge(.init(percentage: percentage, basis: basis, actual: actual, target: target,
                                              placeholder: placeholder))

        let subject = actual.flatMap { self.subject(of: $0) }
        return Claim(
            section: sections.last?.number, subsection: sections.count > 1 ? sections.first?.number : nil,
            item: item?.number, department: department?.name, block: block?.kind,
            subject: subject, actual: actual, target: target, targetSource: targetSource, partOf: partOf,
            reported: ReportedPercentage(
                text: percentage.text, span: percentage.span, value: percentage.value,
                signedValue: negative ? -percentage.value : percentage.value, unit: percentage.unit,
                approx: percentage.approx, step: percentage.step, basis: basis, phrase: phrase,
                phraseSpan: source.span(min(phraseStart, percentage.range.lowerBound)..<percentage.range.upperBound)),
            computed: judgement.computed, computedRange: judgement.computedRange, impliedTarget: judgement.impliedTarget,
            status: judgement.status, reason: judgement.reason, rules: rules, percentRange: percentage.range, actualIsPart: partOf != nil)
    }

    /// A target stated in the text near the actual: for plan, an earlier amount of the same family in
    /// the paragraph whose clause names a plan (年度计划投资565.6亿元); for rate, an earlier amount
    /// of the same family in the sentence (63个新开工项目 … 47个); for share, one whose clause names a
    /// whole (共摸排208所).
    private func textTarget(for actual: Quantity, basis: Basis) -> (quantity: Quantity, source: String)? {
        let scope: Range<Int>
        let sourceName: String
        switch basis {
        case .plan:
            scope = index.paragraph(containing: actual.range.lowerBound)
            sourceName = "paragraph"
        case .rate, .share:
            // A rate of a 其中 part is a rate of that part's own population, not of the total.
            let sentence = index.sentence(containing: actual.range.lowerBound)
            let part = grammar.breakdown.lastOccurrence(in: chars, range: sentence.lowerBound..<actual.range.lowerBound)
            scope = (part.map { $0.start + $0.length } ?? sentence.lowerBound)..<sentence.upperBound
            sourceName = "sentence"
        default:
            return nil
        }
        // The cue must come before the amount in its clause (年度计划投资565.6亿元), so that the
        // basis phrase of a percentage after it (占全年任务的55%) does not count; a done-cue between
        // them (已, 实际) makes the amount an achieved one (see `CuedAmounts`).
        switch basis {
        case .plan:
            return planAmounts.last(family: actual.family, from: scope.lowerBound, endingBy: actual.range.lowerBound)
                .map { ($0, sourceName) }
        case .share:
            return wholeAmounts.last(family: actual.family, from: scope.lowerBound, endingBy: actual.range.lowerBound)
                .map { ($0, sourceName) }
        case .rate:
            let earlier = index.amounts(in: scope.lowerBound..<actual.range.lowerBound)
                .filter { $0.range.upperBound <= actual.range.lowerBound && $0.isComparable(with: actual) && !index.isParenthetical($0) }
            return (earlier.last { $0.unit == actual.unit } ?? earlier.last).map { ($0, sourceName) }
        default:
            return nil
        }
    }

    /// What an amount counts: the words before it in its clause (完成政策性扶持创业3.35万人 →
    /// 政策性扶持创业), or after it when the clause opens with the number (60所幼儿园已全部开工 → 幼儿园).
    func subject(of q: Quantity) -> String? {
        let range = subjectRange(of: q)
        let text = source.originalText(range).trimmingCharacters(in: " ")
        return text.isEmpty || text.count > 40 ? nil : text
    }

    func subjectRange(of q: Quantity) -> Range<Int> {
        let clause = index.clause(containing: q.range.lowerBound)
        var start = clause.lowerBound
        if let previous = index.amounts(in: clause.lowerBound..<q.range.lowerBound).last(where: { $0.range.upperBound <= q.range.lowerBound }) {
            start = max(start, previous.range.upperBound)
        }
        var i = q.range.lowerBound
        while i > start, !grammar.listCommas.contains(chars[i - 1]) { i -= 1 }
        start = i
        var range = start..<q.range.lowerBound
        while let prefix = grammar.subjectPrefixes.match(in: chars, at: range.lowerBound, limit: range.upperBound) {
            range = range.lowerBound + prefix.length..<range.upperBound
        }
        if range.isEmpty {
            // Number first: the noun after the unit, up to the first verb-like prefix (已, 完成).
            var end = q.range.upperBound
            let limit = clause.upperBound
            while end < limit, !grammar.clauseEnds.contains(chars[end]),
                  grammar.subjectPrefixes.match(in: chars, at: end, limit: limit) == nil {
                end += 1
            }
            range = q.range.upperBound..<end
        }
        return range
    }

    // MARK: Breakdowns

    /// Every 其中 with the total before it and the comparable parts after it in the same sentence.
    private func breakdowns() -> [Breakdown] {
        var found: [Breakdown] = []
        for line in structure.contentLines {
            var p = line.lowerBound
            while let marker = grammar.breakdown.firstOccurrence(in: chars, range: p..<line.upperBound) {
                p = marker.start + marker.length
                // Parts run to the end of the sentence, a nested 其中, or an opening bracket.
                var partsEnd = index.sentence(containing: p).upperBound
                if let nested = grammar.breakdown.firstOccurrence(in: chars, range: p..<partsEnd) { partsEnd = nested.start }
                if index.depth(at: marker.start) == 0, let bracket = chars[p..<partsEnd].firstIndex(of: "(") {
                    partsEnd = min(partsEnd, bracket)
                }
                // Later clauses are parts while they report no achievement of their own (已, 实际),
                // no percentage, and amounts of the first part's kind (其中竣工5所，新增学位1650个: the
                // 学位 are not part of the 所).
                let level = index.depth(at: marker.start)
                var clauseEnd = index.clause(containing: p).upperBound
                let leading = index.amounts(in: p..<min(clauseEnd, partsEnd)).first { index.depth(at: $0.range.lowerBound) == level }
                while clauseEnd < partsEnd {
                    let next = index.clause(containing: clauseEnd)
                    let amounts = index.amounts(in: next)
                    if grammar.doneCues.firstOccurrence(in: chars, range: next) != nil
                        || !index.percentages(in: next).isEmpty
                        || leading.map({ first in !amounts.isEmpty && !amounts.contains { $0.isComparable(with: first) } }) == true {
                        partsEnd = next.lowerBound
                        break
                    }
                    clauseEnd = next.upperBound
                }
                // Parts stand at the bracket depth of 其中 (其中…3个 inside (…) too); the total outside it.
                let parts = index.amounts(in: p..<partsEnd).filter { index.depth(at: $0.range.lowerBound) == level }
                guard let firstPart = parts.first else { continue }
                let before = index.amounts(in: line.lowerBound..<marker.start).filter { index.depth(at: $0.range.lowerBound) < max(level, 1) }
                guard let total = before.last(where: { $0.isComparable(with: firstPart) }) ?? before.last else { continue }
                found.append(Breakdown(total: total, parts: parts, markerRange: marker.start..<p))
            }
        }
        return found
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars
        while let f = view.first, scalars.contains(f) { view.removeFirst() }
        while let l = view.last, scalars.contains(l) { view.removeLast() }
        return String(view)
    }
}
