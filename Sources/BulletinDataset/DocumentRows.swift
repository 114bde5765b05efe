import Bulletin

/// One document's rows for each table, built from its extraction (by the worker that extracted
/// it). Claims are kept as claims, as their rows are written once targets across documents are known.
struct DocumentRows: Sendable {
    let id: String
    var documents: [[CellValue]] = []
    var sections: [[CellValue]] = []
    var items: [[CellValue]] = []
    var quantities: [[CellValue]] = []
    var checks: [[CellValue]] = []
    /// The claims, each with the section and item rows it stands in.
    var claims: [(claim: Claim, section: Int?, item: Int?)] = []

    /// Spans of sections and items by row id, innermost found last.
    private var sectionSpans: [(id: Int, span: Span)] = []
    private var itemSpans: [(id: Int, span: Span)] = []

    init(extraction e: Extraction, facts: DocumentFacts) {
        id = e.source.sha256
        let s = e.summary
        documents = [[.text(id), .text(e.source.path), e.title.cell, e.publisher.cell, e.published.cell, facts.issuer.cell,
                      facts.year.cell, facts.date.cell, .text(e.source.encoding), .integer(e.source.length),
                      .integer(s.sections), .integer(s.items), .integer(s.quantities),
                      .integer(s.claims.consistent), .integer(s.claims.inconsistent), .integer(s.claims.unverifiable),
                      .integer(s.checks.pass), .integer(s.checks.fail), .integer(s.checks.unverifiable),
                      .integer(e.diagnostics.count)]]
        for section in e.sections { add(section, parent: nil) }
        for item in e.items { add(item, section: nil, parent: nil) }
        for (index, q) in e.quantities.enumerated() {
            quantities.append([.text(id), .integer(index + 1), .text(q.text), .real(q.value), .text(q.unit), .text(q.kind),
                               .text(q.approx.rawValue), .real(q.step), q.upper.cell, .integer(q.span.start), .integer(q.span.end)])
        }
        for (index, c) in e.checks.enumerated() {
            checks.append([.text(id), .integer(index + 1), .text(c.rule), .text(c.status.rawValue), .text(c.message),
                           c.span.map { .integer($0.start) } ?? .null, c.span.map { .integer($0.end) } ?? .null])
        }
        claims = e.claims.map { claim in
            let at = claim.reported.span.start
            return (claim, Self.innermost(sectionSpans, at), Self.innermost(itemSpans, at))
        }
    }

    private mutating func add(_ section: Section, parent: Int?) {
        let row = sections.count + 1
        sections.append([.text(id), .integer(row), parent.cell, .integer(section.number), .integer(section.level),
                         .text(section.marker), .text(section.style), .text(section.title),
                         .integer(section.span.start), .integer(section.span.end)])
        sectionSpans.append((row, section.span))
        for sub in section.subsections { add(sub, parent: row) }
        for item in section.items { add(item, section: row, parent: nil) }
    }

    private mutating func add(_ item: Item, section: Int?, parent: Int?) {
        let row = items.count + 1
        items.append([.text(id), .integer(row), section.cell, parent.cell, .integer(item.number), .text(item.marker),
                      .text(item.style), item.label.cell, item.title.cell, .integer(item.span.start), .integer(item.span.end)])
        itemSpans.append((row, item.span))
        for sub in item.items { add(sub, section: section, parent: row) }
    }

    /// The innermost (last opened, shortest) part whose span holds `position`.
    private static func innermost(_ spans: [(id: Int, span: Span)], _ position: Int) -> Int? {
        spans.filter { $0.span.start <= position && position < $0.span.end }
            .min { ($0.span.end - $0.span.start) < ($1.span.end - $1.span.start) }?.id
    }

    /// The row of claim `index`, judged anew with a target from another document when `link` is given.
    func claimRow(_ index: Int, link: LinkedClaim?) -> [CellValue] {
        let (c, section, item) = claims[index]
        let target = link?.target ?? c.target
        let computed = link?.computed ?? c.computed
        let range = link?.computedRange ?? c.computedRange
        return [.text(id), .integer(index + 1), section.cell, item.cell, c.section.cell, c.subsection.cell, c.item.cell,
                c.department.cell, c.block.cell, c.subject.cell,
                c.actual.map { .text($0.text) } ?? .null, c.actual.map { .real($0.value) } ?? .null, c.actual.map { .text($0.unit) } ?? .null,
                target.map { .text($0.text) } ?? .null, target.map { .real($0.value) } ?? .null, target.map { .text($0.unit) } ?? .null,
                link == nil ? c.targetSource.cell : .text("document"), link.map { .text($0.targetDocument) } ?? .null,
                (link?.confidence ?? c.confidence).map { .text($0.rawValue) } ?? .null,
                .text(c.reported.text), .real(c.reported.value), .text(c.reported.basis.rawValue), c.reported.phrase.cell,
                computed.cell, range.map { .real($0[0]) } ?? .null, range.map { .real($0[1]) } ?? .null,
                link == nil ? (c.impliedTarget?.value).cell : .null,
                .text((link?.status ?? c.status).rawValue), .text(link?.reason ?? c.reason), .text(c.status.rawValue),
                .integer(c.reported.span.start), .integer(c.reported.span.end), .text(c.rules.joined(separator: " ")),
                c.place.map { .text($0.description) } ?? .null]
    }
}
