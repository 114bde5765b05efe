/// Runs the consistency checks: each claim's percentage against its figures, the targets implied
/// by a breakdown against the stated total, 其中 sums, 分别 counts, completion wording, numbering,
/// and the preamble's counts against the sections and items found.
struct Checker {
    let source: SourceText
    let grammar: Grammar
    let structure: DocumentStructure
    let claims: ClaimExtractor.Result
    let quantities: [Quantity]
    /// The claim extractor's index of the text and its quantities.
    let index: TextIndex
    private var chars: [Unicode.Scalar] { source.chars }

    func run() -> [Check] {
        var checks: [Check] = []
        checks += claimChecks()
        checks += impliedTargetSums()
        checks += breakdownSums()
        checks += partsOfWholes()
        checks += distributiveCounts()
        checks += completionWording()
        checks += numbering()
        checks += preambleCounts()
        return checks.sorted { ($0.span?.start ?? -1) < ($1.span?.start ?? -1) }
    }

    // MARK: Claims

    private func claimChecks() -> [Check] {
        // (Claims are read in place: a copy of each would retain a dozen strings.)
        claims.claims.indices.compactMap { k in
            let reason = claims.claims[k].reason, span = claims.claims[k].reported.phraseSpan
            if claims.claims[k].computed != nil {
                let status: Verdict = switch claims.claims[k].status {
                case .consistent: .pass
                case .inconsistent: .fail
                case .unverifiable: .unverifiable
                }
                return Check(rule: "percentOfTarget", status: status, message: reason, span: span)
            }
            if claims.claims[k].impliedTarget != nil {
                return Check(rule: "impliedTarget", status: .unverifiable, message: reason, span: span)
            }
            return nil
        }
    }

    /// 分别 lists whose amounts are parts of a 其中 breakdown: do the implied targets of the parts
    /// add up to the target stated for the total (5002 + 1000 ≈ 6000)?
    private func impliedTargetSums() -> [Check] {
        var checks: [Check] = []
        let headings = HeadingCache()
        for distribution in claims.distributions {
            let members = distribution.claimIndices.map { claims.claims[$0] }
            guard members.count > 1, members.allSatisfy({ $0.actualIsPart && $0.impliedTarget != nil }),
                  let total = members.first?.partOf else { continue }
            let position = total.range.lowerBound
            let sources = structure.targetSources(at: position)
            // As for claims: an item's first sentence that reports progress against the plan is not its task.
            let task = sources.task.flatMap { t in
                claims(in: t).contains { $0.reported.basis == .plan } ? nil : t
            }
            guard let target = HeadingMatcher(source: source, grammar: grammar, index: index)
                .target(for: total, context: index.clause(containing: position), label: sources.label,
                        task: task, headings: sources.headings, cache: headings) else { continue }
            let implied = members.compactMap(\.impliedTarget)
            let sum = implied.map { Interval($0.low, $0.high) }.reduce(Interval(0, 0), +)
            let point = implied.map(\.value).reduce(0, +)
            let parts = implied.map { Interval.formatAmount($0.value) }.joined(separator: " + ")
            let ok = sum.overlaps(target.interval)
            checks.append(Check(
                rule: "impliedTargetsSum", status: ok ? .pass : .fail,
                message: "implied targets \(parts) = \(Interval.formatAmount(point)) (\(sum.amountDescription)) \(ok ? "agree with" : "do not agree with") the stated target \(target.text) for \(total.text)",
                span: source.span(distribution.range)))
        }
        return checks
    }

    // MARK: Breakdowns

    private func breakdownSums() -> [Check] {
        claims.breakdowns.map { b in
            let span = source.span(b.total.range.lowerBound..<(b.parts.last?.range.upperBound ?? b.markerRange.upperBound))
            let comparable = b.parts.filter { $0.isComparable(with: b.total) }
            guard comparable.count == b.parts.count else {
                let units = Set(b.parts.map(\.unit)).sorted().joined(separator: ", ")
                return Check(rule: "breakdownSum", status: .unverifiable,
                             message: "parts after 其中 (\(units)) are not in the unit of the total \(b.total.text)", span: span)
            }
            let sum = b.parts.map(\.interval).reduce(Interval(0, 0), +)
            let point = b.parts.map(\.value).reduce(0, +)
            let terms = b.parts.map(\.text).joined(separator: " + ")
            let total = b.total.interval
            if b.parts.count == 1 {
                let ok = sum.low <= total.high
                return Check(rule: "breakdownSum", status: ok ? .pass : .fail,
                             message: "part \(terms) \(ok ? "is within" : "exceeds") the total \(b.total.text)", span: span)
            }
            if sum.overlaps(total) {
                return Check(rule: "breakdownSum", status: .pass,
                             message: "\(terms) = \(Interval.formatAmount(point)), matching the total \(b.total.text)", span: span)
            }
            if sum.high < total.low, sum.high >= total.low * grammar.breakdownNearMiss {
                // Several parts that come close to the total without reaching it: a slip, not a
                // partial list (4150户 + 1070套 = 5220 of 5320).
                return Check(rule: "breakdownSum", status: .fail,
                             message: "\(terms) = \(Interval.formatAmount(point)), not the total \(b.total.text)", span: span)
            }
            if sum.high < total.low {
                return Check(rule: "breakdownSum", status: .unverifiable,
                             message: "\(terms) = \(Interval.format(point)), less than the total \(b.total.text); the rest is not itemised", span: span)
            }
            return Check(rule: "breakdownSum", status: .fail,
                         message: "\(terms) = \(Interval.format(point)), more than the total \(b.total.text)", span: span)
        }
    }

    // MARK: Parts of a whole

    /// Shares of one stated whole (其中公办20家、占40%，民办30家、占60% of 50家): do their parts add up
    /// to the whole, and their percentages to 100? Parts that come close without reaching it (48 of
    /// 50, 96%) are a finding; fewer may leave the rest unlisted. Only firmly linked shares count.
    private func partsOfWholes() -> [Check] {
        var groups: [Range<Int>: [Claim]] = [:]
        var order: [Range<Int>] = []
        for k in claims.claims.indices where claims.claims[k].reported.basis == .share && claims.claims[k].confidence == .high {
            let claim = claims.claims[k]
            guard let whole = claim.target, let part = claim.actual, part.isComparable(with: whole) else { continue }
            if groups[whole.range] == nil { order.append(whole.range) }
            groups[whole.range, default: []].append(claim)
        }
        return order.compactMap { key -> Check? in
            guard let members = groups[key], members.count > 1, let whole = members[0].target else { return nil }
            let parts = members.compactMap(\.actual)
            guard Set(parts.map(\.range.lowerBound)).count == parts.count else { return nil }
            let sum = parts.map(\.interval).reduce(Interval(0, 0), +)
            let point = parts.map(\.value).reduce(0, +)
            let shares = members.map { Interval.of(value: $0.reported.value, step: $0.reported.step, approx: $0.reported.approx, upper: nil) }
                .reduce(Interval(0, 0), +)
            let percent = members.map(\.reported.value).reduce(0, +)
            let terms = parts.map(\.text).joined(separator: " + ")
            let message = "\(terms) = \(Interval.formatAmount(point)) of the whole \(whole.text); shares add up to \(Interval.format(percent))%"
            let first = min(whole.range.lowerBound, members.map(\.percentRange.lowerBound).min() ?? whole.range.lowerBound)
            let last = members.map(\.percentRange.upperBound).max() ?? whole.range.upperBound
            let span = source.span(first..<last)
            if sum.overlaps(whole.interval) {
                return Check(rule: "partsOfWhole", status: .pass, message: message, span: span)
            }
            if sum.high < whole.interval.low, sum.high < whole.interval.low * grammar.breakdownNearMiss || shares.high < 100 * grammar.breakdownNearMiss {
                return Check(rule: "partsOfWhole", status: .unverifiable, message: message + "; the rest is not listed", span: span)
            }
            return Check(rule: "partsOfWhole", status: .fail,
                         message: message + (sum.high < whole.interval.low ? "; the parts fall short of the whole" : "; the parts exceed the whole"),
                         span: span)
        }
    }

    // MARK: 分别

    private func distributiveCounts() -> [Check] {
        claims.distributions.map { d in
            let span = source.span(d.range)
            if d.amounts == d.percentages {
                return Check(rule: "distributiveCount", status: .pass,
                             message: "\(d.percentages) percentages for \(d.amounts) amounts", span: span)
            }
            if d.groups == d.percentages {
                return Check(rule: "distributiveCount", status: .pass,
                             message: "\(d.percentages) percentages for \(d.groups) clauses (\(d.amounts) amounts)", span: span)
            }
            // With no amount before them (增值税、企业所得税和个人所得税…贡献率依次为…), the
            // percentages apply to things named, not counted: nothing to count against.
            return Check(rule: "distributiveCount", status: d.hasMarker && d.amounts > 0 ? .fail : .unverifiable,
                         message: "\(d.percentages) percentages but \(d.amounts) amounts in \(d.groups) clauses before them", span: span)
        }
    }

    // MARK: Completion wording

    /// 全部完工 and the like say the work is done: a plan percentage in the same sentence must be
    /// at least 100%.
    private func completionWording() -> [Check] {
        // (The claim extractor's index: its sentences are the text's, as no quantity holds a
        // sentence end.)
        var checks: [Check] = []
        for k in claims.claims.indices where claims.claims[k].reported.basis == .plan {
            let claim = claims.claims[k]
            let sentence = index.sentence(containing: claim.percentRange.lowerBound)
            guard let phrase = grammar.completion.firstOccurrence(in: chars, range: sentence.lowerBound..<claim.percentRange.lowerBound) else { continue }
            let wording = source.text(phrase.start..<phrase.start + phrase.length)
            let high = Interval.of(value: claim.reported.value, step: claim.reported.step, approx: claim.reported.approx, upper: nil).high
            let ok = high >= 100
            checks.append(Check(rule: "completion", status: ok ? .pass : .fail,
                                message: "\(wording) with \(claim.reported.text) of plan\(ok ? "" : ": fully done should be at least 100%")",
                                span: claim.reported.phraseSpan))
        }
        return checks
    }

    // MARK: Numbering

    private func numbering() -> [Check] {
        var checks: [Check] = []
        func sequenceProblems(_ numbers: [Int], from start: Int = 1) -> String? {
            guard let first = numbers.first else { return nil }
            var problems: [String] = []
            if first != start { problems.append("starts at \(first)") }
            for (a, b) in zip(numbers, numbers.dropFirst()) where b != a + 1 {
                problems.append(b == a ? "\(b) repeated" : b < a ? "\(b) after \(a)" : "gap between \(a) and \(b)")
            }
            return problems.isEmpty ? nil : problems.joined(separator: "; ")
        }
        // One check per numbering style. Parts may be numbered on through the document (items 1–27
        // across sections) or from 1 under each parent.
        let outline = structure.outline
        var styles: [String] = []
        for node in outline where !styles.contains(node.style) { styles.append(node.style) }
        for style in styles {
            let members = outline.indices.filter { outline[$0].style == style }
            var groups: [Int?: [Int]] = [:]
            var order: [Int?] = []
            for i in members {
                let parent = outline[i].parent
                if groups[parent] == nil { order.append(parent) }
                groups[parent, default: []].append(outline[i].number)
            }
            let all = members.map { outline[$0].number }
            // A style may take over the numbering of another (a table whose rows 8–12 follow items
            // 1.–7.): it then starts where the other left off.
            let head = outline[members[0]]
            let takesOver = head.number > 1 && outline.contains {
                $0.style != style && $0.node == head.node && $0.number == head.number - 1 && $0.range.upperBound <= head.range.lowerBound
            }
            let start = takesOver ? head.number : 1
            let continuous = sequenceProblems(all, from: start)
            let perParent = order.compactMap { p in sequenceProblems(groups[p] ?? []) }
            let ok = continuous == nil || perParent.isEmpty
            let kind = outline[members[0]].node == .section ? "sections" : "items"
            let how = continuous == nil ? "numbered \(start)–\(start + all.count - 1) in order" + (takesOver ? ", after the items before them" : "")
                : "numbered from 1 under each of \(order.count) parents"
            let first = outline[members[0]].range.lowerBound, last = members.map { outline[$0].range.upperBound }.max() ?? first
            checks.append(Check(rule: "numbering", status: ok ? .pass : .fail,
                                message: "\(kind) \(style): " + (ok ? "\(all.count) \(how)" : continuous ?? ""),
                                span: source.span(first..<last)))
        }
        return checks
    }

    // MARK: Preamble

    /// The preamble's counts (10件27项) against the sections and items found, and its count of items
    /// that met their target (22项已实现年度目标) against the items' evidence.
    private func preambleCounts() -> [Check] {
        guard let preamble = structure.preamble else { return [] }
        var checks: [Check] = []
        let items = structure.allItems
        let counts = quantities.filter { preamble.range.contains($0.range.lowerBound) && $0.approx == .exact }
        func countKind(_ q: Quantity) -> String? {
            let unit = Array(q.unit.unicodeScalars)
            guard let hit = grammar.itemCounts.match(in: unit, at: 0), hit.length == unit.count else { return nil }
            return hit.value
        }
        var outcomes: [ItemOutcome]? = nil  // of the items, worked out once
        for (k, q) in counts.enumerated() {
            guard let kind = countKind(q) else { continue }
            var after = q.range.upperBound
            while after < chars.count, chars[after] == " " { after += 1 }
            if kind == "items", (after..<min(after + 4, chars.count)).contains(where: { grammar.metCounts.match(in: chars, at: $0) != nil }) {
                outcomes = outcomes ?? items.map(outcome)
                checks.append(metCheck(q, items: items, outcomes: outcomes ?? []))
                continue
            }
            // Counts are read in the paired form that states both (10件27项): a lone 10件实事 may
            // count something other than the sections.
            let previous = k > 0 ? counts[k - 1] : nil, next = k + 1 < counts.count ? counts[k + 1] : nil
            let paired = (next.map { $0.range.lowerBound == q.range.upperBound && countKind($0) != nil } ?? false)
                || (previous.map { $0.range.upperBound == q.range.lowerBound && countKind($0) != nil } ?? false)
            guard paired else { continue }
            let found = kind == "sections" ? structure.sections.count : items.count
            let ok = Double(found) == q.value
            checks.append(Check(rule: "preambleCount", status: ok ? .pass : .fail,
                                message: "preamble says \(q.text); \(found) \(kind) found", span: q.span))
        }
        return checks
    }

    private enum ItemOutcome { case met, notMet, unknown }

    private func metCheck(_ q: Quantity, items: [Item], outcomes: [ItemOutcome]) -> Check {
        var met = 0, notMet = 0, unknown = 0
        var notMetNumbers: [Int] = [], unknownNumbers: [Int] = []
        for (item, outcome) in zip(items, outcomes) {
            switch outcome {
            case .met: met += 1
            case .notMet: notMet += 1; notMetNumbers.append(item.number)
            case .unknown: unknown += 1; unknownNumbers.append(item.number)
            }
        }
        let claimed = Int(q.value)
        // At most 50 numbers each, so the message stays short whatever the document.
        func list(_ numbers: [Int]) -> String {
            numbers.prefix(50).map(String.init).joined(separator: ", ") + (numbers.count > 50 ? ", and \(numbers.count - 50) more" : "")
        }
        let detail = "\(met) items show the target met, \(notMet) not met (\(list(notMetNumbers))), \(unknown) give no figure to judge (\(list(unknownNumbers)))"
        let status: Verdict
        if claimed < met || claimed > met + unknown {
            status = .fail
        } else {
            status = unknown == 0 ? .pass : .unverifiable
        }
        return Check(rule: "preambleMet", status: status, message: "preamble says \(q.text) met the target; \(detail)", span: q.span)
    }

    /// An item met its target if all its plan percentages are 100 or more, or, with none, if it
    /// says so (目标顺利实现, 超额完成, 全部完工).
    private func outcome(of item: Item) -> ItemOutcome {
        let planClaims = claims(in: item.range).filter { $0.reported.basis == .plan }
        if !planClaims.isEmpty {
            return planClaims.allSatisfy { $0.reported.value >= 100 } ? .met : .notMet
        }
        return grammar.met.firstOccurrence(in: chars, range: item.range) != nil ? .met : .unknown
    }

    /// The claims whose percentage starts inside `range` (claims come in text order).
    private func claims(in range: Range<Int>) -> ArraySlice<Claim> {
        let all = claims.claims
        let a = all.boundary { $0.percentRange.lowerBound >= range.lowerBound }
        return all[a..<max(a, all.boundary { $0.percentRange.lowerBound >= range.upperBound })]
    }
}
