/// Turns every reported percentage into a claim: finds its basis from the phrase before it and the
/// amount it refers to (the actual); `TargetResolver` then finds what it is measured against, and
/// `Judgement` says whether the figures agree. Also records 其中 breakdowns and 分别 lists for the
/// checks.
struct ClaimExtractor {
    let source: SourceText
    let grammar: Grammar
    let structure: DocumentStructure
    let index: TextIndex
    let percentages: QuantityList
    /// Amounts their clause names as a plan or as a whole: the targets of the plan and share rules.
    let planAmounts: CuedAmounts
    let wholeAmounts: CuedAmounts
    /// Amounts by the words that name them, for percentages that name their figures (X占Y的比重).
    let namedAmounts: NamedAmounts
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
        self.index = TextIndex(chars: source.chars, lines: structure.contentLines, quantities: quantities, grammar: grammar)
        self.percentages = index.percentages
        self.planAmounts = CuedAmounts(chars: source.chars, index: index, cues: grammar.targetCues, doneCues: grammar.doneCues)
        self.wholeAmounts = CuedAmounts(chars: source.chars, index: index, cues: grammar.totalCues, doneCues: grammar.doneCues)
        self.namedAmounts = NamedAmounts(chars: source.chars, index: index, grammar: grammar)
    }

    /// The claims of the prose; `room`: how many more claims their array should have room for
    /// (the tables' claims, merged in after).
    func extract(room: Int = 0) -> Result {
        var result = Result()
        result.breakdowns = breakdowns()
        for b in result.breakdowns {
            for part in b.parts { result.totalOfPart[part.range.lowerBound] = b.total }
        }
        // The resolver needs the actual amount of every draft first, so the drafts are made twice:
        // once for those, and once list by list as their claims are made. Both passes read the same
        // state and give the same drafts; holding them all instead would take as much memory as
        // the claims (a long document has hundreds of thousands).
        let lists = percentageLists()
        // (A level that only grew, 投入59.46亿元,同比增长10.1%, may still be a whole.)
        var actualStarts = Set<Int>()
        var draftCount = 0
        var unused: [Distribution] = []
        for list in lists {
            for d in draft(items(of: list), labelledFrom: list.labelledFrom, totalOfPart: result.totalOfPart,
                           distributions: &unused, first: draftCount) where d.basis != .growth && d.basis != .other {
                if let a = d.actual { actualStarts.insert(a.range.lowerBound) }
                if let r = d.rateBase { actualStarts.insert(r.range.lowerBound) }
            }
            draftCount += list.positions.count
        }
        let resolver = TargetResolver(source: source, grammar: grammar, structure: structure, index: index,
                                      planAmounts: planAmounts, wholeAmounts: wholeAmounts, namedAmounts: namedAmounts,
                                      actualStarts: actualStarts,
                                      breakdownParts: Dictionary(result.breakdowns.map { ($0.total.range.lowerBound, $0.parts) }, uniquingKeysWith: +))
        var sibling: (whole: Quantity, paragraph: Int)? = nil
        result.claims.reserveCapacity(draftCount + room)
        for list in lists {
            for d in draft(items(of: list), labelledFrom: list.labelledFrom, totalOfPart: result.totalOfPart,
                           distributions: &result.distributions, first: result.claims.count) {
                var link = resolve(d, resolver)
                if d.basis == .share, let a = d.actual {
                    let paragraph = index.paragraph(containing: a.range.lowerBound).lowerBound
                    if link == nil, let s = sibling, s.paragraph == paragraph, s.whole.isComparable(with: a), s.whole.range.upperBound <= a.range.lowerBound {
                        // 其中,税收收入12.27亿元,占78%;非税收入3.46亿元,占22%: the list of 其中 goes on
                        // past the semicolon, and the next share is of the same whole.
                        link = TargetResolver.Link(quantity: s.whole, source: "breakdown", confidence: .high, rule: "target:siblingShare")
                    }
                    if let l = link, l.source == "breakdown" { sibling = (l.quantity, paragraph) }
                }
                result.claims.append(makeClaim(d, link: link, resolver: resolver))
            }
        }
        return result
    }

    // MARK: Percentage lists

    /// A list of percentages: written as one (112.6%和120%, 100%、309.5%和212.5%), or labelled after
    /// 分别为: (开工率分别为:江北区100%;城南区95%), with where the labelled list's 分别 starts.
    /// (A list is a run of consecutive percentages, so it is held as their positions in `percentages`.)
    private struct PercentageList {
        var positions: Range<Int>
        var labelledFrom: Int? = nil
    }

    private func items(of list: PercentageList) -> [Quantity] { Array(percentages[list.positions]) }

    private func percentageLists() -> [PercentageList] {
        var lists: [PercentageList] = []
        for (k, p) in percentages.enumerated() {
            let last = lists.last.map { percentages[$0.positions.upperBound - 1] }
            if let last, isJoined(last.range.upperBound, p.range.lowerBound) {
                lists[lists.count - 1].positions = lists[lists.count - 1].positions.lowerBound..<k + 1
            } else if let last, lists.last?.labelledFrom != nil,
                      let label = labelBefore(p.range.lowerBound), label > last.range.upperBound,
                      (last.range.upperBound..<label).allSatisfy({ grammar.clauseEnds.contains(chars[$0]) || grammar.listCommas.contains(chars[$0]) || chars[$0] == " " }) {
                lists[lists.count - 1].positions = lists[lists.count - 1].positions.lowerBound..<k + 1
            } else {
                lists.append(PercentageList(positions: k..<k + 1, labelledFrom: labelledListStart(p.range.lowerBound)))
            }
        }
        return lists
    }

    /// Where a label of up to eight Han characters before `p` starts (城南区 in ;城南区95%).
    private func labelBefore(_ p: Int) -> Int? {
        var i = p
        while i > max(0, p - 8), chars[i - 1].isHan { i -= 1 }
        return i < p ? i : nil
    }

    /// 开工率分别为:江北区100%: the start of 分别 when a label and a colon stand between it and `p`;
    /// 支付率低于全省平均进度的有:高新区41.8%: the end of the rate named earlier in the sentence.
    private func labelledListStart(_ p: Int) -> Int? {
        guard let label = labelBefore(p), label > 0, chars[label - 1] == ":" else { return nil }
        var end = label - 1
        while end > 0, let c = grammar.connectors.matchEnding(in: chars, at: end), c.length > 0, chars[end - 1] != ":" { end -= c.length }
        if let marker = grammar.distributive.matchEnding(in: chars, at: end) { return end - marker.length }
        let sentence = index.sentence(containing: label - 1)
        var i = label - 1
        while i > sentence.lowerBound {
            if let hit = grammar.bases.matchEnding(in: chars, at: i, floor: sentence.lowerBound), hit.value.basis == .rate { return i }
            i -= 1
        }
        return nil
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

    struct FoundBasis {
        let entry: Grammar.BasisEntry?
        let phraseStart: Int
        /// Amounts written inside the phrase: 占全年任务400公里的81.5% states its target; 完成年度目标
        /// (维修改造锅炉146台、供热管网改造40公里)的80.8%、58.5% states one for each percentage.
        var statedTargets: [Quantity] = []
        /// The noun of a composed basis 占X的 (财政总收入 in 占财政总收入的比重).
        var namedWhole: Range<Int>? = nil
    }

    /// The basis phrase ending right before `p`, skipping connectors (的, 达到, 为 …), an amount the
    /// phrase names as its whole (完成年度目标任务3800人的75.3%) and a bracket of such amounts.
    /// With no phrase of `bases.tsv`, a composed 占X的 is a share, or a plan when X holds a plan word.
    private func basis(before p: Int) -> FoundBasis {
        var end = p
        while end > 0, chars[end - 1] == " " { end -= 1 }
        var stated: [Quantity] = []
        var bracketSeen = false
        for _ in 0..<6 {
            if let hit = grammar.bases.matchEnding(in: chars, at: end) {
                var start = end - hit.length
                if let lead = grammar.differenceLeads.matchEnding(in: chars, at: start), hit.value.basis == .plan {
                    // 超序时进度24.9%: ahead of the schedule by that much, not a share of it.
                    start -= lead.length
                    let phrase = source.text(start..<end - 0)
                    return FoundBasis(entry: Grammar.BasisEntry(basis: .other, negative: false, phrase: phrase), phraseStart: start)
                }
                if let lead = grammar.basisLeads.matchEnding(in: chars, at: start) { start -= lead.length }
                return FoundBasis(entry: hit.value, phraseStart: start, statedTargets: stated,
                                  namedWhole: namedWhole(endingAt: end - hit.length, phrase: hit.value.phrase))
            }
            if stated.isEmpty, let q = index.amounts(in: max(0, end - 40)..<end).last, q.range.upperBound == end {
                stated = [q]
                end = q.range.lowerBound
                continue
            }
            if !bracketSeen, end > 0, chars[end - 1] == ")", let open = openingBracket(before: end - 1) {
                // 年度目标(50场)的: the amounts in the bracket are the targets the phrase names.
                bracketSeen = true
                let inside = index.amounts(in: open + 1..<end - 1).filter { $0.range.upperBound < end }
                if stated.isEmpty { stated = Array(inside) }
                end = open
                continue
            }
            // 贡献率依次为16.8%、21%: a distributive marker stands where a connector may.
            guard let connector = grammar.connectors.matchEnding(in: chars, at: end) ?? grammar.distributive.matchEnding(in: chars, at: end) else { break }
            end -= connector.length
        }
        if let lead = grammar.wholeLeads.matchEnding(in: chars, at: end), stated.isEmpty {
            // 其中县直管20家、占40%: a bare 占 is a share of the whole the sentence or 其中 gives.
            let start = end - lead.length
            return FoundBasis(entry: Grammar.BasisEntry(basis: .share, negative: false, phrase: source.text(start..<end)),
                              phraseStart: start)
        }
        return composedBasis(endingAt: end, stated: stated) ?? plannedWork(endingAt: end) ?? FoundBasis(entry: nil, phraseStart: p)
    }

    /// The "(" that the ")" at `close` closes, within a short reach and the same line.
    private func openingBracket(before close: Int) -> Int? {
        var i = close - 1
        while i >= max(index.paragraph(containing: close).lowerBound, close - 60) {
            if chars[i] == "(" { return i }
            if chars[i] == ")" { return nil }
            i -= 1
        }
        return nil
    }

    /// 占全部税收的, 占到位资金的: a lead (占), a noun of Han characters, then `end` (after 的 has
    /// been skipped). The noun's words decide the basis (计划 → plan; else share).
    private func composedBasis(endingAt end: Int, stated: [Quantity]) -> FoundBasis? {
        guard let noun = namedWhole(endingAt: end, requireLead: true) else { return nil }
        var basis = Basis.share
        var i = noun.lowerBound
        while i < noun.upperBound {
            if let hit = grammar.basisNouns.match(in: chars, at: i, limit: noun.upperBound) {
                if hit.value == .plan { basis = .plan }
                i += hit.length
            } else { i += 1 }
        }
        let lead = noun.lowerBound - (grammar.wholeLeads.matchEnding(in: chars, at: noun.lowerBound)?.length ?? 0)
        let phrase = source.text(lead..<end)
        return FoundBasis(entry: Grammar.BasisEntry(basis: basis, negative: false, phrase: phrase), phraseStart: lead,
                          statedTargets: stated, namedWhole: noun)
    }

    /// 累计完成总工程量70.8%: a plan lead (完成) and a noun of up to 6 Han characters right before the
    /// percentage report progress against the plan for that work.
    private func plannedWork(endingAt end: Int) -> FoundBasis? {
        var i = end
        while i > max(0, end - 6), chars[i - 1].isHan {
            if let lead = grammar.planLeads.matchEnding(in: chars, at: i - 1), i - 1 < end {
                let start = i - 1 - lead.length
                return FoundBasis(entry: Grammar.BasisEntry(basis: .plan, negative: false, phrase: source.text(start..<end)), phraseStart: start)
            }
            i -= 1
        }
        return nil
    }

    /// The noun between a whole lead (占; 对 before 贡献率) and `end`: up to 12 Han characters, 的
    /// dropped from its end.
    private func namedWhole(endingAt end: Int, requireLead: Bool = false, phrase: String? = nil) -> Range<Int>? {
        var stop = end
        while stop > 0, chars[stop - 1] == " " || grammar.connectors.matchEnding(in: chars, at: stop)?.length == 1 { stop -= 1 }
        let ownLeads = phrase.flatMap { grammar.phraseWholeLeads[$0] }
        var i = stop
        while i > max(0, stop - 12), chars[i - 1].isHan {
            if let lead = grammar.wholeLeads.matchEnding(in: chars, at: i) ?? ownLeads?.matchEnding(in: chars, at: i), i - lead.length >= 0 {
                return i < stop ? i..<stop : nil
            }
            i -= 1
        }
        return nil
    }

    // MARK: Drafts

    /// A percentage with its basis and actual, before its target is resolved.
    struct Draft {
        let percentage: Quantity
        let found: FoundBasis
        let basis: Basis
        let phraseStart: Int
        let actual: Quantity?
        /// The target the phrase or the 分别 list states for this percentage, and the rule that found it.
        let stated: Quantity?
        let statedRule: String
        /// One of several percentages written as a list.
        let inList: Bool
        let partOf: Quantity?
        let rateBase: Quantity?
        let rules: [String]
    }

    /// The drafts of one list of percentages (one, or several joined by 、 and 和).
    private func draft(_ list: [Quantity], labelledFrom: Int?, totalOfPart: [Int: Quantity], distributions: inout [Distribution], first: Int) -> [Draft] {
        guard let head = list.first, let last = list.last else { return [] }
        var found = basis(before: labelledFrom ?? head.range.lowerBound)
        if found.entry == nil {
            // 实现10%以上增长: a basis written after the percentage.
            var end = last.range.upperBound
            while end < chars.count, chars[end] == " " { end += 1 }
            if let hit = grammar.basesAfter.match(in: chars, at: end) {
                found = FoundBasis(entry: hit.value, phraseStart: head.range.lowerBound)
            }
        }
        let basis = found.entry?.basis ?? .other
        let clause = index.clause(containing: head.range.lowerBound)
        let marker = labelledFrom.flatMap { from in grammar.distributive.match(in: chars, at: from).map { (start: from, length: $0.length, value: true) } }
            ?? grammar.distributive.lastOccurrence(in: chars, range: clause.lowerBound..<head.range.lowerBound)
        var picked: Actuals
        if list.count > 1 || marker != nil || labelledFrom != nil {
            picked = distributedActuals(list, found: found, marker: marker)
            distributions.append(Distribution(
                amounts: picked.candidates, groups: picked.groups, percentages: list.count,
                range: (marker?.start ?? picked.regionStart)..<last.range.upperBound,
                hasMarker: marker != nil, claimIndices: Array(first..<first + list.count)))
        } else if let counted = countedBy(head, found: found) {
            picked = Actuals(actuals: [counted.amount], rule: counted.amount == nil ? "actual:countByUnmatched" : "actual:countBy")
        } else {
            picked = singleActual(head, found: found, basis: basis)
            if picked.actuals[0] == nil, basis == .share, let part = namedPart(head, found: found) {
                picked = Actuals(actuals: [part], rule: "actual:namedPart")
            }
        }
        return list.enumerated().map { k, percentage in
            var actual = picked.actuals[k]
            let inPhrase = found.statedTargets.count == list.count
            let stated = inPhrase ? found.statedTargets[k] : picked.targets.count == list.count ? picked.targets[k] : nil
            let statedRule = inPhrase ? "target:phrase" : picked.targetsFromList ? "target:parallelList" : "target:planClause"
            if let s = stated, actual?.range == s.range {
                // The amount in the phrase is the whole, not what was done: look before the phrase.
                actual = nearestAmount(before: found.phraseStart, in: index.sentence(containing: found.phraseStart))
            }
            return Draft(percentage: percentage, found: found, basis: basis,
                         phraseStart: k == 0 ? found.phraseStart : percentage.range.lowerBound,
                         actual: actual, stated: stated, statedRule: statedRule, inList: list.count > 1,
                         partOf: actual.flatMap { totalOfPart[$0.range.lowerBound] },
                         rateBase: list.count == 1 ? picked.rateBase : nil,
                         rules: [found.entry.map { "basis:\($0.phrase)" } ?? "basis:none", picked.rule])
        }
    }

    private struct Actuals {
        var actuals: [Quantity?]
        var rule: String
        /// Targets a plan clause lists in the same order (全年计划新建中小学8所、幼儿园15所).
        var targets: [Quantity] = []
        /// The targets are a parallel list of the sentence, not a plan clause.
        var targetsFromList = false
        var rateBase: Quantity? = nil
        var candidates = 0
        var groups = 0
        var regionStart = 0
    }

    /// 分别 and lists: the amounts before the percentages pair with them in order. Amounts that a
    /// plan clause states are the targets, not the actuals, when the done clause lists enough.
    private func distributedActuals(_ list: [Quantity], found: FoundBasis, marker: (start: Int, length: Int, value: Bool)?) -> Actuals {
        let sentence = index.sentence(containing: list[0].range.lowerBound)
        var region = sentence.lowerBound..<max(sentence.lowerBound, min(marker?.start ?? found.phraseStart, found.phraseStart))
        if let part = grammar.breakdown.lastOccurrence(in: chars, range: region) {
            region = part.start + part.length..<region.upperBound
        }
        var candidates = Array(index.amounts(in: region).filter { !index.isParenthetical($0) && grammar.isCount($0) })
        let planned = candidates.filter { planAmounts.contains($0) }
        var targets: [Quantity] = []
        if !planned.isEmpty, candidates.count - planned.count >= list.count {
            candidates.removeAll { planAmounts.contains($0) }
            if planned.count == list.count { targets = planned }
        }
        let groups = Dictionary(grouping: candidates, by: { index.clause(containing: $0.range.lowerBound).lowerBound })
            .sorted { $0.key < $1.key }.map { $0.value }
        var result = Actuals(actuals: Array(repeating: nil, count: list.count), rule: "actual:distributivePartial", targets: targets,
                             candidates: candidates.count, groups: groups.count, regionStart: region.lowerBound)
        if candidates.count == list.count {
            result.actuals = candidates
            result.rule = "actual:distributive"
        } else if let k = groups.lastIndex(where: { $0.count == list.count }) {
            result.actuals = groups[k]
            result.rule = "actual:distributiveClause"
            // 分别承担改造任务28个、19个、15个,已完工分别为22个、11个、8个: an earlier list of as many
            // amounts of the kind, that reports nothing done, pairs with it as the targets.
            if targets.isEmpty, let t = groups[..<k].last(where: { g in
                g.count == list.count && zip(g, groups[k]).allSatisfy { $0.isComparable(with: $1) }
                    && grammar.doneCues.firstOccurrence(in: chars, range: index.clause(containing: g[0].range.lowerBound)) == nil
            }) {
                result.targets = t
                result.targetsFromList = true
            }
        } else if groups.count == list.count {
            result.actuals = groups.map { $0.first }
            result.rule = "actual:distributiveByClause"
        } else if candidates.count > list.count {
            result.actuals = Array(candidates.suffix(list.count))
            result.rule = "actual:distributiveLast"
        } else {
            for (k, q) in candidates.enumerated() { result.actuals[k] = q }
        }
        return result
    }

    /// The amount a single percentage refers to: the nearest in its clause, else in the clause
    /// before (past asides that only state growth, and past what is not done: 未分配0.32亿元). An
    /// amount after 比上年 is a change, not a level. For a rate, an amount that does not count what
    /// the rate counts is its base.
    private func singleActual(_ p: Quantity, found: FoundBasis, basis: Basis) -> Actuals {
        let sentence = index.sentence(containing: p.range.lowerBound)
        var clause = index.clause(containing: p.range.lowerBound)
        var result = Actuals(actuals: [nil], rule: "actual:none")
        var searchFrom = clause.lowerBound
        var limit = p.range.lowerBound
        var passed = 0  // clauses passed that state what is not done or a change
        for hop in 0..<4 {
            searchFrom = clause.lowerBound
            var negatedOrChange = false
            if let q = nearestAmount(before: limit, in: clause), grammar.isCount(q) {
                negatedOrChange = index.hasCue(grammar.negationCues, before: q) || (basis != .growth && index.hasCue(grammar.comparisonCues, before: q))
                if !negatedOrChange {
                    if fitsRate(q, found),
                       !(basis == .growth && grammar.eachCues.firstOccurrence(in: chars, range: q.range.upperBound..<p.range.lowerBound) != nil),
                       // A percentage after the amount in its clause owns it; one before it (lost
                       // punctuation: 占年度计划的75%124个新建项目已开工122个) does not.
                       hop == 0 || (index.percentages(in: q.range.upperBound..<clause.upperBound).isEmpty && !namesASet(clause)) {
                        result.actuals[0] = q
                        result.rule = hop == 0 ? "actual:clause" : "actual:previousClause"
                        break
                    } else if basis == .rate, result.rateBase == nil, hop - passed <= 1,
                              wholeAmounts.contains(q) || (p.approx == .exact && rateNamesNoPopulation(p, found)),
                              grammar.doneCues.firstOccurrence(in: chars, range: clause.lowerBound..<q.range.lowerBound) == nil {
                        // The base of the rate (直达资金总额75.20亿元,分配率99.5%; 地方安排直达资金13.78亿元,
                        // 分配率99.5%); only a base stated as a whole lets the count stand in the clause
                        // before (合计33.88亿元,已分配33.80亿元,分配率).
                        result.rateBase = q
                        if !wholeAmounts.contains(q) { break }
                    } else if hop > 0 || result.rateBase == nil {
                        break
                    }
                }
            }
            guard clause.lowerBound > sentence.lowerBound else { break }
            // Go back past the percentage's own clause, the base of a rate, what is not done
            // (未分配0.32亿元) or a change (比上年增收…), and, except for a rate, an aside that only
            // states growth (…88.7亿元,同比增长15.3%,占…41%; but 参保总人数739.7万人,同比增长1.25%,
            // 贫困人口参保率100% is another population).
            let passable = hop == 0 || negatedOrChange || (result.rateBase != nil && hop <= 1)
                || (basis != .rate && isGrowthAside(clause))
            guard passable else { break }
            if negatedOrChange { passed += 1 }
            var previous = index.clause(containing: clause.lowerBound - 1)
            // Doubled punctuation (75.20亿元,,分配率) leaves clauses with nothing in them.
            while previous.lowerBound > sentence.lowerBound, isBlank(previous) {
                previous = index.clause(containing: previous.lowerBound - 1)
            }
            clause = previous
            limit = previous.upperBound
        }
        if result.actuals[0] != nil { result.rateBase = nil }
        // 完成投资XX亿元,占年度投资计划45.2%: the amount the percentage is of is withheld.
        let from = min(result.actuals[0]?.range.upperBound ?? searchFrom, found.phraseStart)
        if let withheld = placeholderAmount(in: from..<found.phraseStart) {
            result.actuals[0] = nil
            result.rule = "actual:placeholder(\(source.originalText(withheld)))"
        }
        if result.rateBase != nil, result.actuals[0] == nil { result.rule = "actual:none" }
        return result
    }

    /// 税收收入增收额占财政收入增收额的比重为91.6%: a share whose clause holds no amount but names
    /// its part before 占; the part's figure is the one amount stated earlier under that name
    /// (比上年增收11487.11亿元 after 税收收入), when exactly one is.
    private func namedPart(_ p: Quantity, found: FoundBasis) -> Quantity? {
        guard let whole = found.namedWhole else { return nil }
        let lead = grammar.wholeLeads.matchEnding(in: chars, at: whole.lowerBound)
            ?? found.entry.flatMap { grammar.phraseWholeLeads[$0.phrase] }?.matchEnding(in: chars, at: whole.lowerBound)
        let leadStart = whole.lowerBound - (lead?.length ?? 0)
        let clause = index.clause(containing: leadStart)
        let part = clause.lowerBound..<leadStart
        guard !part.isEmpty, index.amounts(in: part).isEmpty else { return nil }
        let (noun, change) = NamedAmounts.noun(chars, part, grammar)
        let named = namedAmounts.named(noun, change: change, before: clause.lowerBound)
        return named.count == 1 ? named.first : nil
    }

    /// 按小区数计开工率80.4%: the amount of the sentence, before the percentage, whose clause names
    /// every content character of X (小区), when exactly one does.
    /// What a 按X计 names: the amount, or none when no amount of the sentence is named X.
    private struct Counted { let amount: Quantity? }

    private func countedBy(_ p: Quantity, found: FoundBasis) -> Counted? {
        let clause = index.clause(containing: p.range.lowerBound)
        // (A phrase read across a colon, 完成情况:的51%, may start before the percentage's clause.)
        guard found.phraseStart > clause.lowerBound,
              let open = grammar.countBy.lastOccurrence(in: chars, range: clause.lowerBound..<found.phraseStart),
              let close = grammar.countByEnd.firstOccurrence(in: chars, range: open.start + open.length..<found.phraseStart) else { return nil }
        var wanted = Set<UInt32>()
        var i = open.start + open.length
        while i < close.start {
            if let hit = grammar.basisNouns.match(in: chars, at: i, limit: close.start) { i += hit.length; continue }
            if chars[i].isHan { wanted.insert(chars[i].value) }
            i += 1
        }
        guard !wanted.isEmpty else { return nil }
        let sentence = index.sentence(containing: p.range.lowerBound)
        let named = index.amounts(in: sentence.lowerBound..<open.start).filter { q in
            guard !index.isParenthetical(q), grammar.isCount(q), !planAmounts.contains(q) else { return false }
            // The words since the previous amount of the clause (…小区4.26万个、惠及居民742万户).
            var from = index.clause(containing: q.range.lowerBound).lowerBound
            if let previous = index.amounts(in: from..<q.range.lowerBound).last(where: { $0.range.upperBound <= q.range.lowerBound }) {
                from = previous.range.upperBound
            }
            let words = chars[from..<q.range.lowerBound].map(\.value)
            return wanted.isSubset(of: Set(words))
        }
        // Counted by X but no amount named X: none of the others is what it counts.
        return Counted(amount: named.count == 1 ? named.first : nil)
    }

    /// A clause whose amounts are all changes (比上年增收…) or not done (未分配…), with no percentage
    /// but growth.
    private func isNegatedOrChange(_ clause: Range<Int>) -> Bool {
        let amounts = index.amounts(in: clause)
        guard !amounts.isEmpty else { return false }
        return amounts.allSatisfy { index.hasCue(grammar.negationCues, before: $0) || index.hasCue(grammar.comparisonCues, before: $0) }
    }

    private func isBlank(_ clause: Range<Int>) -> Bool {
        chars[clause].allSatisfy { grammar.clauseEnds.contains($0) || $0 == " " }
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
        return rateNames(q, found) ?? true
    }

    /// Whether the rate's clause is the rate alone (分配率99.5%), not a rate of a population it names
    /// (城镇登记失业率为2.91%), so that it refers back to the amount before it.
    private func rateNamesNoPopulation(_ p: Quantity, _ found: FoundBasis) -> Bool {
        let clause = index.clause(containing: p.range.lowerBound)
        guard let rate = RateWord(in: chars, grammar: grammar, from: found.phraseStart, limit: p.range.lowerBound, floor: clause.lowerBound) else { return true }
        return !chars[clause.lowerBound..<rate.activity.lowerBound].contains { $0.isHan }
    }

    /// Whether the rate names the part's own population (其中重点人群签约21.6万人,重点人群签约率82.5%:
    /// of all 重点人群, not of everyone signed): words before the rate's activity (its last two
    /// characters) that the part's clause repeats.
    private func ratesOwnPopulation(_ q: Quantity, _ d: Draft) -> Bool {
        let clause = index.clause(containing: d.percentage.range.lowerBound)
        let end = RateWord(in: chars, grammar: grammar, from: d.phraseStart, limit: d.percentage.range.lowerBound)?.suffix
            ?? d.percentage.range.lowerBound
        let population = clause.lowerBound..<max(clause.lowerBound, end - 2)
        guard population.count >= 2 else { return false }
        let own = index.clause(containing: q.range.lowerBound)
        return !HanBigrams.of(chars, in: population).isDisjoint(with: HanBigrams.of(chars, in: own.lowerBound..<q.range.lowerBound))
    }

    /// Whether the clause of `q` names what the rate counts (已完工473户 for 完工率); nil for a
    /// generic rate word or a rate whose activity cannot be read.
    private func rateNames(_ q: Quantity, _ found: FoundBasis) -> Bool? {
        guard let rate = RateWord(in: chars, grammar: grammar, from: found.phraseStart, limit: chars.count),
              !rate.isGeneric, rate.activity.count >= 2 else { return nil }
        return !HanBigrams.of(chars, in: rate.activity).isDisjoint(with: HanBigrams.of(chars, in: index.clause(containing: q.range.lowerBound)))
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

    // MARK: Claims

    private func resolve(_ d: Draft, _ resolver: TargetResolver) -> TargetResolver.Link? {
        let namesPart = d.basis == .rate && d.partOf != nil && d.actual.map { rateNames($0, d.found) == true && !ratesOwnPopulation($0, d) } == true
        return resolver.resolve(.init(basis: d.basis, actual: d.actual, phraseStart: d.phraseStart, stated: d.stated,
                                      statedRule: d.statedRule, inList: d.inList,
                                      partOf: d.partOf, namedWhole: d.found.namedWhole, rateBase: d.rateBase,
                                      rateNamesPart: namesPart,
                                      bareShare: d.basis == .share && d.found.entry.map { grammar.wholeLeads.match(in: Array($0.phrase.unicodeScalars), at: 0)?.length == $0.phrase.unicodeScalars.count } == true))
    }

    private func makeClaim(_ d: Draft, link: TargetResolver.Link?, resolver: TargetResolver) -> Claim {
        var rules = d.rules
        let position = d.percentage.range.lowerBound
        let chain = structure.ancestry(at: position)
        let sections = chain.filter { $0.node == .section }
        let item = chain.first { $0.node == .item }
        let department = structure.department(at: position)
        let block = department?.blocks.last { $0.range.contains(position) }

        if let link { rules.append(link.rule) }
        let placeholder = rules.first { $0.hasPrefix("actual:placeholder") }
            .map { String($0.dropFirst("actual:placeholder(".count).dropLast()) }
        // A bound (超过95%, 80%以上) often states a condition a set meets, not a figure to check.
        let bound = [.over, .atLeast, .atMost, .under].contains(d.percentage.approx)
        let judgement = Judgement.judge(.init(
            percentage: d.percentage, basis: d.basis, actual: d.actual, target: link?.quantity,
            confidence: bound ? .low : link?.confidence ?? .high,
            caveat: bound ? "\(d.percentage.text) is a bound, which may state a condition rather than the figure" : link?.caveat,
            placeholder: placeholder))
        let percentage = d.percentage
        return Claim(
            section: sections.last?.number, subsection: sections.count > 1 ? sections.first?.number : nil,
            item: item?.number, department: department?.name, block: block?.kind,
            subject: d.actual.flatMap { resolver.subject(of: $0) }, actual: d.actual, target: link?.quantity,
            targetSource: link?.source, confidence: link?.confidence, partOf: d.partOf,
            reported: ReportedPercentage(
                text: percentage.text, span: percentage.span, value: percentage.value,
                signedValue: d.found.entry?.negative == true ? -percentage.value : percentage.value, unit: percentage.unit,
                approx: percentage.approx, step: percentage.step, basis: d.basis, phrase: d.found.entry?.phrase,
                phraseSpan: source.span(min(d.phraseStart, position)..<percentage.range.upperBound)),
            computed: judgement.computed, computedRange: judgement.computedRange, impliedTarget: judgement.impliedTarget,
            status: judgement.status, reason: judgement.reason, rules: rules,
            percentRange: percentage.range, actualIsPart: d.partOf != nil)
    }

    // MARK: Breakdowns

    /// Whether `q` is written inside a basis phrase as its target (年度预算28.6亿元的55%).
    private func isStatedTarget(_ q: Quantity) -> Bool {
        var i = q.range.upperBound
        while i < min(chars.count, q.range.upperBound + 3), chars[i] == " " || grammar.connectors.match(in: chars, at: i, limit: i + 1) != nil { i += 1 }
        return index.percentages(in: i..<min(chars.count, i + 1)).first?.range.lowerBound == i
    }

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
                // Changes against last year (比上年增收…) and what is not done are neither parts nor totals.
                func isLevel(_ q: Quantity) -> Bool {
                    !index.hasCue(grammar.comparisonCues, before: q) && !index.hasCue(grammar.negationCues, before: q)
                }
                let parts = index.amounts(in: p..<partsEnd).filter { index.depth(at: $0.range.lowerBound) == level && isLevel($0) }
                guard let firstPart = parts.first else { continue }
                let before = index.amounts(in: line.lowerBound..<marker.start).filter { index.depth(at: $0.range.lowerBound) < max(level, 1) && isLevel($0) }
                // The total is what was counted, not a plan stated beside it (完成15.73亿元,为年度预算
                // 28.6亿元的55%。其中,税收收入12.27亿元).
                guard let total = before.last(where: { $0.isComparable(with: firstPart) && !planAmounts.contains($0) && !isStatedTarget($0) })
                        ?? before.last(where: { $0.isComparable(with: firstPart) }) ?? before.last else { continue }
                found.append(Breakdown(total: total, parts: parts, markerRange: marker.start..<p))
            }
        }
        return found
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = set.unicodeScalars
        var view = Substring(self).unicodeScalars
        while let f = view.first, scalars.contains(f) { view.removeFirst() }
        while let l = view.last, scalars.contains(l) { view.removeLast() }
        return String(view)
    }
}
