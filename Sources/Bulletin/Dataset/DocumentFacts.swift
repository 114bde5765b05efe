/// What the dataset stage needs of one document to link it with others: who issued it and when,
/// its claims as readings of indicators, and the targets it states. Built for each document on its
/// own (in parallel with the others), linked across documents by `DatasetLinker`.
public struct DocumentFacts: Sendable {
    /// The sha256 of the document's bytes: its key in the dataset.
    public let id: String
    public let path: String
    /// The city, county or district the document speaks for (青岛市), else its publisher.
    public let issuer: String?
    public let year: Int?
    /// YYYY-MM-DD when published is known, YYYY-MM when the title names a month or period.
    public let date: String?
    let observations: [Observation]
    let targets: [StatedTarget]

    public init(extraction: Extraction, source: SourceText, rules: DatasetRules = .builtIn) {
        let text = source.original
        id = extraction.source.sha256
        path = extraction.source.path
        issuer = (Self.place(in: [extraction.publisher, extraction.title], rules: rules) ?? extraction.publisher).map(Self.simplified)
        let year = Self.year(of: extraction)
        self.year = year
        date = Self.date(of: extraction, year: year, rules: rules)
        observations = extraction.claims.enumerated().map { index, claim in
            let anchor = claim.actual?.span ?? claim.reported.span
            let clause = Clause.around(anchor, in: text, ends: rules.clauseEnds)
            let paragraph = Clause.line(around: anchor, in: text)
            return Observation(
                claimIndex: index, claim: claim, clause: clause,
                cumulative: claim.reported.basis == .plan || rules.cumulative.contains { Clause.contains(clause, $0) },
                notice: rules.notices.contains { Clause.contains(paragraph, $0) })
        }
        var seen = Set<Span>()
        var targets: [StatedTarget] = []
        func add(_ quantity: Quantity) {
            guard quantity.isAmount, seen.insert(quantity.span).inserted else { return }
            targets.append(StatedTarget(quantity: quantity, clause: Clause.around(quantity.span, in: text, ends: rules.clauseEnds)))
        }
        func walk(_ section: Section) {
            section.targets.forEach(add)
            section.subsections.forEach(walk)
        }
        extraction.sections.forEach(walk)
        extraction.claims.compactMap(\.target).forEach(add)
        self.targets = targets
    }

    /// The place name that the first of `texts` to hold one starts with: up to six characters and
    /// a place suffix (青岛市政府办公厅 → 青岛市), after any year (2019年东川区…).
    static func place(in texts: [String?], rules: DatasetRules) -> String? {
        for case let text? in texts {
            var scalars = Array(text.unicodeScalars)
            if let year = scalars.firstIndex(of: "年"), year <= 5, scalars[..<year].allSatisfy({ $0.properties.numericType != nil }) {
                scalars.removeFirst(year + 1)
            }
            for end in 2..<min(scalars.count, 8) where rules.placeSuffixes.contains(scalars[end]) {
                let name = scalars[...end]
                if name.allSatisfy(\.isHan) { return String(scalars: name) }
                break
            }
        }
        return nil
    }

    /// A name in simplified characters (北嶺市 → 北岭市), so that documents in either script group together.
    static func simplified(_ name: String) -> String {
        String(scalars: name.unicodeScalars.flatMap(TextNormalizer.shared.normalize))
    }

    /// The year published, else the year the title names, else the year the text names most often.
    static func year(of extraction: Extraction) -> Int? {
        if let published = extraction.published, let year = Int(published.prefix(4)) { return year }
        if let title = extraction.title, let year = Clause.number(before: "年", in: title, digits: 4...4) { return year }
        var counts: [Int: Int] = [:]
        for mention in extraction.dates {
            if let year = Clause.number(before: "年", in: mention.text, digits: 4...4) { counts[year, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// The date published, else the year with the month or period the title names.
    static func date(of extraction: Extraction, year: Int?, rules: DatasetRules) -> String? {
        if let published = extraction.published { return published }
        guard let year else { return nil }
        let title = extraction.title ?? ""
        let month = Clause.number(before: "月", in: title, digits: 1...2).flatMap { (1...12).contains($0) ? $0 : nil }
            ?? rules.periods.first { title.contains($0.phrase) }?.month
        guard let month else { return String(year) }
        return String(year) + (month < 10 ? "-0" : "-") + String(month)
    }
}

/// One claim as a reading of an indicator, with the clause it stands in.
struct Observation: Sendable {
    let claimIndex: Int
    let claim: Claim
    let clause: [Unicode.Scalar]
    /// Whether the amount is a running total (measured against the year's plan, or cued 累计).
    let cumulative: Bool
    /// Whether the claim's paragraph says a target was changed (调整).
    let notice: Bool

    /// The indicator: the claim's subject and the unit family of its actual.
    var indicator: Indicator? {
        guard let subject = claim.subject, let actual = claim.actual else { return nil }
        return Indicator(subject: subject, family: actual.family)
    }
}

/// What a series follows: a subject counted in one family of units (棚户区改造, household).
public struct Indicator: Hashable, Sendable {
    public let subject: String
    public let family: String
}

/// An amount a document states as a target (in a heading, or as a claim's target), with its clause.
struct StatedTarget: Sendable {
    let quantity: Quantity
    let clause: [Unicode.Scalar]
}

/// Clauses and lines of a document's text, for the words around an amount.
enum Clause {
    /// The clause holding `span`: out to the nearest line break or punctuation of `ends`
    /// (`DatasetRules.clauseEnds`) on either side (a comma between digits is part of a number).
    static func around(_ span: Span, in text: [Unicode.Scalar], ends: Set<Unicode.Scalar>) -> [Unicode.Scalar] {
        func isEnd(_ i: Int) -> Bool {
            if text[i] == "\n" || text[i] == "\r" || ends.contains(text[i]) { return true }
            guard text[i] == "," else { return false }
            let digitBefore = i > 0 && text[i - 1].properties.numericType != nil
            let digitAfter = i + 1 < text.count && text[i + 1].properties.numericType != nil
            return !(digitBefore && digitAfter)
        }
        var start = min(max(span.start, 0), text.count), end = min(max(span.end, start), text.count)
        while start > 0, !isEnd(start - 1) { start -= 1 }
        while end < text.count, !isEnd(end) { end += 1 }
        return Array(text[start..<end])
    }

    /// The line holding `span`.
    static func line(around span: Span, in text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var start = min(max(span.start, 0), text.count), end = min(max(span.end, start), text.count)
        while start > 0, text[start - 1] != "\n" { start -= 1 }
        while end < text.count, text[end] != "\n" { end += 1 }
        return Array(text[start..<end])
    }

    static func contains(_ scalars: [Unicode.Scalar], _ phrase: String) -> Bool {
        let needle = Array(phrase.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return false }
        return (0...(scalars.count - needle.count)).contains { i in scalars[i..<(i + needle.count)].elementsEqual(needle) }
    }

    /// The first number of `digits` (ASCII or fullwidth) written right before `marker` (2019年, 11月).
    static func number(before marker: Unicode.Scalar, in text: String, digits: ClosedRange<Int>) -> Int? {
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where scalar == marker {
            var value = 0, count = 0, j = i - 1
            var place = 1
            while j >= 0, let digit = digitValue(scalars[j]) {
                value += digit * place
                place *= 10
                count += 1
                j -= 1
            }
            if digits.contains(count) { return value }
        }
        return nil
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }
}
