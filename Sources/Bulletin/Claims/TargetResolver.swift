/// Finds what a percentage is measured against: the target (plan), the whole (share) or the base of
/// a rate. Candidates are gathered outward through the scopes — the basis phrase, a 其中 breakdown,
/// the sentence, the paragraph, the whole named in the phrase, the item's task and the headings,
/// earlier paragraphs of the section, the document — and the first scope that holds one of the
/// right role and unit family gives the link. Each link carries a confidence: language evidence
/// (a role cue, the same words, the only candidate of its kind) makes it `high`; a link that rests
/// on the unit alone, or reaches past a 其中 into the total's figures, is `low`, and a low link can
/// never make a claim inconsistent.
///
/// Arithmetic never chooses the link. Every lookup is a binary search in an index built once
/// (`CuedAmounts`, `TextIndex`) or a scan bounded by `contextReach`.
struct TargetResolver {
    let source: SourceText
    let grammar: Grammar
    let structure: DocumentStructure
    let index: TextIndex
    let planAmounts: CuedAmounts
    let wholeAmounts: CuedAmounts
    let namedAmounts: NamedAmounts
    /// Starts of the amounts that are the actual of some percentage.
    let actualStarts: Set<Int>
    /// The parts of each 其中 breakdown, by the start of its total.
    let breakdownParts: [Int: [Quantity]]
    /// The headings matched so far (`HeadingMatcher`).
    let headingCache = HeadingCache()
    private var chars: [Unicode.Scalar] { source.chars }

    struct Link {
        let quantity: Quantity
        /// phrase, breakdown, sentence, paragraph, heading, section, document.
        let source: String
        let confidence: Confidence
        let rule: String
        var caveat: String? = nil
    }

    /// What the resolver needs to know of a claim.
    struct Request {
        let basis: Basis
        let actual: Quantity?
        /// Where the basis phrase starts (the anchor when there is no actual).
        let phraseStart: Int
        /// An amount stated in the basis phrase (占全年任务400公里的, 年度目标(50场)的), or paired with
        /// the actual by a list (全年计划新建中小学8所、幼儿园15所 … 分别), and the rule that says which.
        let stated: Quantity?
        let statedRule: String
        /// One of several percentages written as a list: no lone figure of the sentence is its target.
        let inList: Bool
        /// The total of the 其中 breakdown the actual is a part of.
        let partOf: Quantity?
        /// The noun of a composed basis 占X的 (财政总收入), when written.
        let namedWhole: Range<Int>?
        /// For a rate: an amount of the clause that does not count what the rate counts, so it
        /// is its base (直达资金总额75.20亿元,分配率99.5%).
        let rateBase: Quantity?
        /// For a rate of a 其中 part: the part's clause names what the rate counts (入住率: 已配租
        /// 入住2870套), not a generic rate word (合格率).
        var rateNamesPart = false
        /// A share written 占p% alone (其中公办20家、占40%): its whole may be any earlier amount of
        /// the sentence, cued or not (今年确定的10项 … 有7项,占70%).
        var bareShare = false
    }

    func resolve(_ r: Request) -> Link? {
        guard [.plan, .share, .rate].contains(r.basis) else { return nil }
        if let t = r.stated, r.actual.map({ fits(t, $0) || t.unit.isEmpty }) ?? true {
            return Link(quantity: t, source: r.statedRule == "target:phrase" ? "phrase" : "sentence", confidence: .high, rule: r.statedRule)
        }
        if r.basis == .share, let whole = r.partOf, r.actual.map({ whole.isComparable(with: $0) }) ?? false {
            return Link(quantity: whole, source: "breakdown", confidence: .high, rule: "target:breakdownTotal")
        }
        if r.basis == .rate, let whole = r.partOf, r.rateNamesPart, r.actual.map({ whole.isComparable(with: $0) }) ?? false {
            // 已筹集3960套,其中已配租入住2870套,入住率72.5%: the part is what the rate counts.
            return Link(quantity: whole, source: "breakdown", confidence: .high, rule: "target:breakdownTotal")
        }
        if let base = r.rateBase {
            return Link(quantity: base, source: "sentence", confidence: .high, rule: "target:rateBase")
        }
        // A phrase that names its whole (占到位资金的) is matched by name first; a figure found
        // otherwise, not named so, is only a candidate.
        let named = r.namedWhole.map { contentCharacters($0) } ?? []
        if let x = r.namedWhole, named.count >= 2, let link = self.named(x, for: r) { return link }
        guard let actual = r.actual else { return r.basis == .plan ? itemTask(at: r.phraseStart) : nil }
        var link = nearby(for: actual, basis: r.basis, bareShare: r.bareShare, inList: r.inList, phraseStart: r.phraseStart)
            ?? heading(for: actual, basis: r.basis, isPart: r.partOf != nil)
            ?? wider(for: actual, basis: r.basis, phraseStart: r.phraseStart)
        if let found = link, named.count >= 2, found.confidence == .high, !names(named, found.quantity) {
            link = Link(quantity: found.quantity, source: found.source, confidence: .low, rule: found.rule,
                        caveat: "the phrase names \(source.originalText(r.namedWhole!)), which \(found.quantity.text) is not stated as")
        }
        return link
    }

    /// A plan percentage with no amount of its own (整体进度已完成年度目标任务的55%): the item's
    /// task, when it states exactly one amount (2.新增安装300套…设备), as a candidate.
    private func itemTask(at position: Int) -> Link? {
        guard let task = structure.targetSources(at: position).task else { return nil }
        let amounts = index.amounts(in: task).filter { grammar.isCount($0) && !index.isParenthetical($0) }
        guard amounts.count == 1, let q = amounts.first else { return nil }
        return Link(quantity: q, source: "heading", confidence: .low, rule: "target:itemTask",
                    caveat: "the item's task states \(q.text); the percentage names no amount of its own")
    }

    // MARK: Sentence and paragraph

    /// A cued amount (or an item's task clause) of the actual's family before it in its sentence,
    /// then in its paragraph. A 其中 between the candidate and the actual makes the link low: the
    /// figure belongs to the total, the actual perhaps to a part.
    private func nearby(for actual: Quantity, basis: Basis, bareShare: Bool, inList: Bool, phraseStart: Int) -> Link? {
        let a = actual.range.lowerBound
        let sentence = index.sentence(containing: a)
        // A paragraph does not reach back past the start of the item the actual is in (a report
        // scraped onto one line holds all its items in one paragraph).
        let whole = index.paragraph(containing: a)
        let itemStart = structure.ancestry(at: a).first { $0.node == .item }?.range.lowerBound ?? whole.lowerBound
        let paragraph = max(whole.lowerBound, min(itemStart, sentence.lowerBound))..<whole.upperBound
        let part = grammar.breakdown.lastOccurrence(in: chars, range: paragraph.lowerBound..<a)
        let partEnd = part.map { $0.start + $0.length }
        // A rate of a 其中 part is a rate of that part's own population, not of the total.
        let ownSentence = (partEnd.map { max($0, sentence.lowerBound) } ?? sentence.lowerBound)..<sentence.upperBound
        for (scope, name) in [(sentence, "sentence"), (paragraph, "paragraph")] {
            guard let q = cued(before: a, from: scope.lowerBound, family: actual.family, basis: basis, actual: actual),
                  name == "sentence" || basis == .plan || index.percentages(in: q.range.upperBound..<a).isEmpty else {
                if name == "sentence", basis != .share, !inList, let task = taskClause(before: actual, in: ownSentence) {
                    return Link(quantity: task, source: name, confidence: .high, rule: "target:taskClause")
                }
                if name == "sentence", basis == .rate || bareShare, !inList, let q = uncued(before: actual, in: ownSentence) {
                    let caveat = actualStarts.contains(q.range.lowerBound)
                        ? "\(q.text) is itself the count of another percentage, not stated as the whole"
                        : wholeAmounts.contains(actual) ? "\(actual.text) is stated as a whole itself, so it may be the base, not the count" : nil
                    return Link(quantity: q, source: name, confidence: caveat == nil ? .high : .low, rule: "target:sentence", caveat: caveat)
                }
                continue
            }
            if basis != .share, let partEnd, q.range.upperBound <= partEnd {
                // 计划投入15.62亿元,其中…县本级3.3亿 … 县本级配套资金3.3亿元…占计划的100%: the one part
                // named like the actual is its plan.
                if let part = bestNamedPart(partsNamed(like: actual, of: q, phraseStart: phraseStart)),
                   part.isComparable(with: actual), !actualStarts.contains(part.range.lowerBound) {
                    return Link(quantity: part, source: name, confidence: .high, rule: "target:namedPart")
                }
                return Link(quantity: q, source: name, confidence: .low, rule: "target:\(name)",
                            caveat: "\(q.text) is stated for the total before 其中, and the percentage may be of a part")
            }
            if let other = rival(of: q, from: max(paragraph.lowerBound, partEnd ?? 0), family: actual.family, basis: basis) {
                return Link(quantity: q, source: name, confidence: .low, rule: "target:\(name)",
                            caveat: "the text states two figures of the kind before it (\(other.text), \(q.text)); which one the percentage is of is not said")
            }
            return Link(quantity: q, source: name, confidence: .high, rule: "target:\(name)")
        }
        return nil
    }

    /// The last amount before `position` (from `lower`) that its clause names as a plan (plan), a
    /// whole (share), or either (rate).
    private func cued(before position: Int, from lower: Int, family: String, basis: Basis, actual: Quantity?) -> Quantity? {
        let plan = basis == .share ? nil : planAmounts.last(family: family, from: lower, endingBy: position)
        let whole = basis == .plan ? nil : wholeAmounts.last(family: family, from: lower, endingBy: position)
        let best = [plan, whole].compactMap { $0 }.filter { $0.range != actual?.range }.max { $0.range.lowerBound < $1.range.lowerBound }
        return best
    }

    /// Another cued amount of the family before `q` in the scope, of another value, with no
    /// percentage between them that would have taken it as its own (年初计划投资25亿元 … 已分解下达
    /// 投资计划27.5亿元: an intermediate figure beside the year's plan).
    private func rival(of q: Quantity, from lower: Int, family: String, basis: Basis) -> Quantity? {
        guard basis != .share, planAmounts.contains(q),
              let other = planAmounts.last(family: family, from: lower, endingBy: q.range.lowerBound),
              other.value != q.value,
              index.percentages(in: other.range.upperBound..<q.range.lowerBound).isEmpty else { return nil }
        return other
    }

    /// The task stated before the actual in its sentence without a cue word: 全年新建保障房5000套，
    /// 已完成4210套 — an earlier clause's amount of the same family that reports nothing done,
    /// while the actual's clause does (已, 累计, 实际).
    private func taskClause(before actual: Quantity, in sentence: Range<Int>) -> Quantity? {
        let clause = index.clause(containing: actual.range.lowerBound)
        guard clause.lowerBound > sentence.lowerBound,
              grammar.doneCues.firstOccurrence(in: chars, range: clause.lowerBound..<actual.range.lowerBound) != nil else { return nil }
        let earlier = index.amounts(in: sentence.lowerBound..<clause.lowerBound).filter {
            $0.family == actual.family && !index.isParenthetical($0) && !actualStarts.contains($0.range.lowerBound)
                && index.percentages(in: $0.range.upperBound..<actual.range.lowerBound).isEmpty
                && !index.hasCue(grammar.doneCues, before: $0) && !index.hasCue(grammar.comparisonCues, before: $0)
                && index.percentages(in: index.clause(containing: $0.range.lowerBound)).isEmpty
        }
        return earlier.count == 1 ? earlier.first : nil
    }

    /// For a rate, the last earlier amount of the family in the sentence (63个新开工项目 … 47个).
    private func uncued(before actual: Quantity, in sentence: Range<Int>) -> Quantity? {
        let earlier = index.amounts(in: sentence.lowerBound..<actual.range.lowerBound)
            .filter { $0.range.upperBound <= actual.range.lowerBound && fits($0, actual) && !index.isParenthetical($0)
                && index.percentages(in: $0.range.upperBound..<actual.range.lowerBound).isEmpty }
        return earlier.last { $0.unit == actual.unit } ?? earlier.last
    }

    // MARK: The whole named in the phrase

    /// 占财政总收入的比重为88.9%: the nearest earlier amount (of the actual's family) whose clause
    /// before it holds every content character of the named whole (财政收入; words of the basis
    /// grammar such as 总, 全部 and 年度 are left out), so that abbreviations match (筹资: 筹集资金).
    /// High in the same paragraph, else low.
    private func named(_ x: Range<Int>, for r: Request) -> Link? {
        let wanted = contentCharacters(x)
        guard wanted.count >= 2 else { return nil }
        let anchor = r.actual?.range.lowerBound ?? r.phraseStart
        // (The percentage's paragraph: an actual found by its name may stand far away.)
        let paragraph = index.paragraph(containing: r.phraseStart)
        let candidates = index.amounts(in: max(0, anchor - contextReach)..<anchor).reversed().filter { q in
            q.range.upperBound <= anchor && q.range != r.actual?.range && !index.isParenthetical(q)
                && (r.actual.map { fits(q, $0) } ?? grammar.isCount(q)) && !index.hasCue(grammar.comparisonCues, before: q)
        }
        // The noun as written (税收收入, not 非税收入) first; then its characters in any order.
        let (noun, change) = NamedAmounts.noun(chars, x, grammar)
        let written = namedAmounts.named(noun, change: change, before: anchor) { q in
            q.range != r.actual?.range && (r.actual.map { fits(q, $0) } ?? true)
        }
        if let q = written.last {
            // A change named so (财政收入增收额: 比上年增收12543.83亿元 after 财政总收入) is two pieces
            // of evidence, the name and the kind; a level far away is only a candidate.
            let strong = paragraph.contains(q.range.lowerBound) || (change && written.count == 1)
            return Link(quantity: q, source: paragraph.contains(q.range.lowerBound) ? "paragraph" : "document",
                        confidence: strong ? .high : .low, rule: change ? "target:namedChange" : "target:namedWhole",
                        caveat: strong ? nil : "\(q.text) is the nearest figure named like the whole of the phrase")
        }
        // A whole that is a change is never a level.
        if change { return nil }
        if let q = candidates.first(where: { names(wanted, $0) }) {
            return Link(quantity: q, source: paragraph.contains(q.range.lowerBound) ? "paragraph" : "document", confidence: .low,
                        rule: "target:namedWhole",
                        caveat: "\(q.text) is the nearest figure whose words hold those of the whole the phrase names")
        }
        // Stated only later (占年筹资总额的78.9% … 年度筹资总额为12.5亿元): a candidate, never more.
        let end = min(chars.count, anchor + contextReach)
        if let q = index.amounts(in: anchor..<end).first(where: { q in
            q.range.lowerBound > anchor && !index.isParenthetical(q) && (r.actual.map { fits(q, $0) } ?? grammar.isCount(q))
                && !index.hasCue(grammar.comparisonCues, before: q) && names(wanted, q)
        }) {
            return Link(quantity: q, source: "document", confidence: .low, rule: "target:namedWholeLater",
                        caveat: "\(q.text), stated after the percentage, is named like the whole of the phrase")
        }
        return nil
    }

    /// Whether the clause of `q` up to it holds every one of `wanted`.
    private func names(_ wanted: Set<UInt32>, _ q: Quantity) -> Bool {
        let clause = index.clause(containing: q.range.lowerBound)
        var seen = Set<UInt32>()
        for c in chars[clause.lowerBound..<q.range.lowerBound] where wanted.contains(c.value) { seen.insert(c.value) }
        return seen.count == wanted.count
    }

    private func contentCharacters(_ x: Range<Int>) -> Set<UInt32> {
        var set = Set<UInt32>()
        var i = x.lowerBound
        while i < x.upperBound {
            if let hit = grammar.basisNouns.match(in: chars, at: i, limit: x.upperBound) {
                i += hit.length
            } else {
                if chars[i].isHan { set.insert(chars[i].value) }
                i += 1
            }
        }
        return set
    }

    // MARK: Headings, earlier paragraphs, the document

    /// The item's task, the section headings and the preamble (`HeadingMatcher`), for plan and rate
    /// claims that are not a 其中 part.
    private func heading(for actual: Quantity, basis: Basis, isPart: Bool) -> Link? {
        guard basis == .plan || basis == .rate, !isPart else { return nil }
        let sources = structure.targetSources(at: actual.range.lowerBound)
        let task = sources.task.flatMap { isProgressReport($0) ? nil : $0 }
        guard let t = HeadingMatcher(source: source, grammar: grammar, index: index)
            .target(for: actual, context: subjectRange(of: actual), label: sources.label, task: task, headings: sources.headings,
                     cache: headingCache) else { return nil }
        return Link(quantity: t, source: "heading", confidence: .high, rule: "target:heading")
    }

    /// An earlier paragraph of the same section, then the whole document: the nearest earlier
    /// cued amount of the family, or the only one the document states. High when it shares a word
    /// with the actual's subject or the basis phrase and no 其中 stands between.
    private func wider(for actual: Quantity, basis: Basis, phraseStart: Int) -> Link? {
        // A share's whole so far away must be named (see `named`).
        guard basis != .share else { return nil }
        let a = actual.range.lowerBound
        let paragraph = index.paragraph(containing: a)
        let sectionStart = structure.ancestry(at: a).last { $0.node == .section }?.range.lowerBound ?? 0
        func link(_ q: Quantity, _ name: String, unique: Bool) -> Link {
            let words = bigrams(in: index.clause(containing: q.range.lowerBound))
            let evidence = self.evidence(for: actual, phraseStart: phraseStart)
            // A 其中 in the actual's paragraph, after the candidate: the actual may be a part's.
            let between = q.range.upperBound <= a
                ? grammar.breakdown.lastOccurrence(in: chars, range: max(q.range.upperBound, paragraph.lowerBound)..<a) != nil : false
            // A plan broken down by 其中 may be the whole of one of its parts instead (全年计划投入
            // 67.21亿元,其中各级财政投入59.46亿元 … 资金到位率); a rate of a named activity (拨付率) is
            // not of a plan stated far away, only of a set's total (全县重点项目50个 … 开工率).
            // Only when a part is named more like the actual than the total is (其中各级财政投入
            // 59.46亿元 for 筹集财政资金 … 到位率; not 其中省、市重点项目11个 for 已开工项目).
            let closer = partsNamed(like: actual, of: q, phraseStart: phraseStart)
            let brokenDown = !closer.isEmpty
            let rateOfPlan = basis == .rate && planAmounts.contains(q) && !wholeAmounts.contains(q)
            let taken = actualStarts.contains(q.range.lowerBound)  // the count of another percentage
            // The percentage's own clause names another whole before its basis (已到位资金拨付进度达
            // 48.8%: of the funds arrived, not of the plan).
            let own = index.clause(containing: phraseStart)
            // (A rate's own name, 资金到位率, is its basis, not a qualifier.)
            var nameStart = phraseStart
            if basis == .rate, let rate = RateWord(in: chars, grammar: grammar, from: phraseStart, limit: own.upperBound, floor: own.lowerBound) {
                nameStart = min(phraseStart, rate.activity.lowerBound)
            }
            let qualifier = own.lowerBound < nameStart && !own.contains(a)
                ? bigrams(in: own.lowerBound..<nameStart).subtracting(bigrams(in: subjectContext(of: actual))).subtracting(words) : []
            let high = unique && !words.isDisjoint(with: evidence) && !between && !brokenDown && !rateOfPlan && !taken && qualifier.isEmpty
            if let part = bestNamedPart(closer), part.isComparable(with: actual), !between, !taken, qualifier.isEmpty,
               !actualStarts.contains(part.range.lowerBound) {
                // The one part named like the actual is its whole.
                return Link(quantity: part, source: name, confidence: .high, rule: "target:namedPart")
            }
            return Link(quantity: q, source: name, confidence: high ? .high : .low, rule: "target:\(name)",
                        caveat: high ? nil : "\(q.text) is the nearest \(basis == .share ? "whole" : "plan") of the kind stated elsewhere in the text, not next to the percentage")
        }
        if paragraph.lowerBound > sectionStart,
           let q = cued(before: paragraph.lowerBound, from: sectionStart, family: actual.family, basis: basis, actual: actual) {
            return link(q, "section", unique: true)
        }
        let lists = basis == .share ? [wholeAmounts] : basis == .plan ? [planAmounts] : [wholeAmounts, planAmounts]
        for amounts in lists {
            if let only = amounts.only(family: actual.family), only.range != actual.range {
                return link(only, "document", unique: true)
            }
        }
        return nil
    }

    // MARK: Helpers

    /// The words that say what the actual is: its subject and the start of the basis phrase, less
    /// the total cues (全市, 合计) that say nothing of what is counted.
    private func evidence(for actual: Quantity, phraseStart: Int) -> Set<UInt64> {
        // (The phrase's words stop at its clause: 占计划的100%;乡镇及社会资金… names the next item.)
        let phraseEnd = min(chars.count, phraseStart + 12, index.clause(containing: phraseStart).upperBound)
        return bigrams(in: subjectContext(of: actual)).union(bigrams(in: phraseStart..<max(phraseStart, phraseEnd)))
            .subtracting(grammar.cueBigrams)
    }

    /// The 其中 parts of the total `q` whose own words (not the total's) the actual's evidence shares
    /// (其中各级财政投入59.46亿元 for 筹集财政资金; 县本级3.3亿 for 县本级配套资金), with how many
    /// word pairs each shares.
    private func partsNamed(like actual: Quantity, of q: Quantity, phraseStart: Int) -> [(part: Quantity, shared: Int)] {
        let words = bigrams(in: index.clause(containing: q.range.lowerBound))
        let evidence = evidence(for: actual, phraseStart: phraseStart)
        return (breakdownParts[q.range.lowerBound] ?? []).compactMap {
            // (A part's own words: since the amount before it, 县本级 in …6.57亿元、县本级3.3亿.)
            let shared = bigrams(in: subjectRange(of: $0)).subtracting(words).intersection(evidence).count
            return shared > 0 ? ($0, shared) : nil
        }
    }

    /// The part named most like the actual, when no other part is named as much (县本级 shares two
    /// pairs with 县本级配套资金, 乡镇及社会资金 one).
    private func bestNamedPart(_ named: [(part: Quantity, shared: Int)]) -> Quantity? {
        guard let best = named.max(by: { $0.shared < $1.shared }),
              named.filter({ $0.shared == best.shared }).count == 1 else { return nil }
        return best.part
    }

    /// Whether an item's first sentence reports progress against the plan rather than stating the
    /// item's task.
    private func isProgressReport(_ range: Range<Int>) -> Bool {
        index.percentages(in: range).contains { p in
            var end = p.range.lowerBound
            while end > range.lowerBound, let c = grammar.connectors.matchEnding(in: chars, at: end) { end -= c.length }
            return grammar.bases.matchEnding(in: chars, at: end)?.value.basis == .plan
        }
    }

    private func fits(_ candidate: Quantity, _ actual: Quantity) -> Bool {
        candidate.isComparable(with: actual) && grammar.isCount(candidate)
    }


    /// The words that say what an amount counts: its clause up to the amount.
    func subjectContext(of q: Quantity) -> Range<Int> {
        let clause = index.clause(containing: q.range.lowerBound)
        return clause.lowerBound..<q.range.lowerBound
    }

    /// What an amount counts: the words before it in its clause (完成政策性扶持创业3.35万人 →
    /// 政策性扶持创业), or after it when the clause opens with the number (60所幼儿园已全部开工 → 幼儿园).
    func subject(of q: Quantity) -> String? {
        let range = subjectRange(of: q)
        let text = Self.unwrapped(source.originalText(range)).trimmingCharacters(in: " ")
        // (No more scalars than 40, no more characters: counting characters is slow.)
        return text.isEmpty || (text.unicodeScalars.count > 40 && text.count > 40) ? nil : text
    }

    /// A name read across a soft wrap (a PDF's "1—\n6月完成投资") as one line: the break and the
    /// spaces around it go, leaving one space only between two Latin letters or digits.
    static func unwrapped(_ text: String) -> String {
        // (A character is a line break by its first scalar, and a line break scalar always starts
        // a character: the scalars tell without segmenting the text into characters.)
        guard text.unicodeScalars.contains(where: { (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }) else {
            return text
        }
        let parts = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.dropFirst().reduce(parts.first ?? "") { joined, next in
            let latin = { (c: Character?) in c.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false }
            return joined + (latin(joined.last) && latin(next.first) ? " " : "") + next
        }
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

    private func bigrams(in range: Range<Int>) -> Set<UInt64> { HanBigrams.of(chars, in: range) }
}
