import Bulletin

/// The page for a set of documents: a sortable row per document (title, publisher, date, claims
/// by status, failed checks) linking to its page, and a chart per indicator where the dataset's
/// linking (`DatasetLinker`) finds a series.
struct IndexPage {
    /// A document of the set with the name of its page.
    struct Entry {
        let page: String
        let extraction: Extraction
        let facts: DocumentFacts
    }

    let entries: [Entry]
    let series: [SeriesPoint]

    func html() -> String {
        let body = HTML.element("header", ["class": "top"], HTML.text("h1", "Bulletins: \(entries.count) documents")
                + HTML.element("p", ["class": "hint noprint"], "Click a column header to sort; click a title for its annotated text."))
            + HTML.element("main", [:], table() + charts())
            + "<pre id=\"selftest-result\" hidden></pre>"
        return PageShell.page(title: "Bulletins", style: PageAssets.baseStyle + PageAssets.indexStyle, body: body, script: PageAssets.indexScript)
    }

    private static let columns: [(title: String, numeric: Bool, wide: Bool)] = [
        ("Title", false, false), ("Publisher", false, true), ("Date", false, false), ("Consistent", true, true),
        ("Inconsistent", true, false), ("Unverifiable", true, true), ("Failed checks", true, false), ("File", false, true),
    ]

    private func table() -> String {
        let head = Self.columns.map { column in
            HTML.element("th", ["scope": "col", "data-numeric": column.numeric ? "" : nil, "class": column.wide ? "wide" : nil],
                         HTML.text("button", ["type": "button"], column.title))
        }.joined()
        let rows = entries.map(row).joined()
        return HTML.element("table", ["class": "documents"], HTML.element("thead", [:], HTML.element("tr", [:], head)) + HTML.element("tbody", [:], rows))
    }

    private func row(_ entry: Entry) -> String {
        let e = entry.extraction, claims = e.summary.claims
        func number(_ n: Int, bad: Bool = false, wide: Bool = false) -> String {
            HTML.text("td", ["class": "num" + (bad && n > 0 ? " bad" : "") + (wide ? " wide" : ""), "data-sort": String(n)], String(n))
        }
        let cells = HTML.element("td", [:], HTML.text("a", ["href": entry.page], e.title ?? e.source.path))
            + HTML.text("td", ["class": "wide"], e.publisher ?? "")
            + HTML.text("td", entry.facts.date ?? e.published ?? "")
            + number(claims.consistent, wide: true)
            + number(claims.inconsistent, bad: true)
            + number(claims.unverifiable, wide: true)
            + number(e.summary.checks.fail, bad: true)
            + HTML.text("td", ["class": "wide"], e.source.path)
        return HTML.element("tr", ["data-id": entry.page], cells)
    }

    /// A chart per series, in the dataset's order.
    private func charts() -> String {
        guard !series.isEmpty else { return "" }
        var pages: [String: String] = [:]
        for entry in entries where pages[entry.facts.id] == nil { pages[entry.facts.id] = entry.page }
        var groups: [[SeriesPoint]] = []
        for point in series {
            if groups.last?.first?.series == point.series { groups[groups.count - 1].append(point) } else { groups.append([point]) }
        }
        let figures = groups.map { SeriesChart(points: $0, pages: pages).html() }.joined()
        return HTML.text("h2", "Series") + HTML.element("p", ["class": "hint"], "Actual (solid) and target (dashed) of each indicator over time; a red dot is a reading that cannot follow the one before it.")
            + HTML.element("div", ["class": "charts"], figures)
    }
}
