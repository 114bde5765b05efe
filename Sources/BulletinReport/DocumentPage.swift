import Bulletin

/// The annotated page of one document: the text as published with its quantities, claims and
/// failed checks marked, the failed checks and inconsistent claims listed at the top, and a panel
/// that explains the selected claim. Everything comes from the document's `Extraction`.
struct DocumentPage {
    let extraction: Extraction
    let text: [Unicode.Scalar]
    /// The link back to the index, if there is one.
    var indexLink: String? = "index.html"

    /// The page as one HTML document.
    func html() -> String {
        let marks = TextMarks(extraction)
        let blocks = DocumentBlocks(extraction, text: text)
        let details = ClaimDetails(extraction: extraction, marks: marks, blocks: blocks)
        let title = extraction.title ?? extraction.source.path
        // (A title read from the text is the article's heading; the header repeats it only when
        // the text has none and the page is named by its file.)
        let titleInText = blocks.blocks.contains { if case .title = $0.kind { true } else { false } }
        let body = header(titleInText ? nil : title) + problems(blocks) + article(blocks, marks: marks) + details.templates()
            + "<aside id=\"panel\" hidden aria-live=\"polite\"></aside><pre id=\"selftest-result\" hidden></pre>"
        return PageShell.page(title: title, style: PageAssets.baseStyle + PageAssets.documentStyle, body: body,
                              script: PageAssets.documentScript, bodyClass: "has-panel")
    }

    // MARK: Header

    private func header(_ title: String?) -> String {
        let source = extraction.source
        let facts = [extraction.publisher, extraction.published, source.path, source.encoding].compactMap { $0 }
        let claims = extraction.summary.claims, checks = extraction.summary.checks
        let counts = [("consistent", claims.consistent, "consistent"), ("inconsistent", claims.inconsistent, "inconsistent"),
                      ("unverifiable", claims.unverifiable, "unverifiable"), ("fail", checks.fail, "failed checks")]
            .map { HTML.text("span", ["class": $0.0], "\($0.1) \($0.2)") }.joined()
        let back = indexLink.map { HTML.text("a", ["href": $0, "class": "noprint"], "← all documents") } ?? ""
        return HTML.element("header", ["class": "top"],
            back + (title.map { HTML.text("h1", $0) } ?? "") + HTML.text("p", ["class": "meta"], facts.joined(separator: " · "))
            + HTML.element("p", ["class": "counts"], counts)
            + HTML.element("p", ["class": "hint noprint"],
                "Click or tab to a coloured percentage for its working. <kbd>n</kbd> / <kbd>p</kbd>: next / previous problem; <kbd>Esc</kbd>: close."))
    }

    // MARK: Problems

    /// The failed checks and the inconsistent claims, each linking to its place.
    private func problems(_ blocks: DocumentBlocks) -> String {
        let checks = extraction.checks.enumerated().filter { $0.element.status == .fail }.map { k, check in
            HTML.element("li", [:], HTML.text("a", ["href": "#" + TextMarks.checkID(k)], "\(check.rule): \(check.message)")
                + HTML.text("span", ["class": "hint"], " line " + blocks.lineColumn(of: check.span?.start ?? 0)))
        }
        let claims = extraction.claims.enumerated().filter { $0.element.status == .inconsistent }.map { k, claim in
            HTML.element("li", [:], HTML.text("a", ["href": "#" + TextMarks.claimID(k)], "\(claim.reported.text): \(claim.reason)")
                + HTML.text("span", ["class": "hint"], " line " + blocks.lineColumn(of: claim.reported.span.start)))
        }
        var out = ""
        if !checks.isEmpty { out += HTML.text("h2", "Failed checks (\(checks.count))") + HTML.element("ol", ["class": "failed-checks"], checks.joined()) }
        if !claims.isEmpty { out += HTML.text("h2", "Inconsistent claims (\(claims.count))") + HTML.element("ol", ["class": "inconsistent-claims"], claims.joined()) }
        return out.isEmpty ? "" : HTML.element("section", ["class": "problems"], out)
    }

    // MARK: Text

    /// The blocks of the text with their marks; marks no block holds follow in a last paragraph.
    private func article(_ blocks: DocumentBlocks, marks: TextMarks) -> String {
        var inline = InlineText(text: text, marks: marks.marks) { tags(for: $0, marks: marks) }
        var out = blocks.blocks.map { block($0, &inline) }.joined()
        let rest = inline.unwritten
        if !rest.isEmpty {
            var leftover = InlineText(text: text, marks: rest) { tags(for: $0, marks: marks) }
            let parts = rest.map { leftover.render($0.start, max($0.start, min($0.end, text.count))) }
            out += HTML.element("p", ["class": "elsewhere"], "Not placed in the text above: " + parts.joined(separator: " · "))
        }
        return HTML.element("main", [:], out)
    }

    private func block(_ block: DocumentBlocks.Block, _ inline: inout InlineText) -> String {
        switch block.kind {
        case .title: return HTML.element("h1", ["class": "doc-title"], inline.render(block.start, block.end))
        case .heading(let level): return HTML.element("h\(min(level + 1, 4))", [:], inline.render(block.start, block.end))
        case .item: return HTML.element("p", ["class": "item"], inline.render(block.start, block.end))
        case .paragraph: return HTML.element("p", [:], inline.render(block.start, block.end))
        case .table(let table): return self.table(table, &inline)
        }
    }

    /// A table as a table: header rows in `th`, cells reaching over columns and rows as laid out.
    private func table(_ table: TableGrid, _ inline: inout InlineText) -> String {
        let rows = table.rows.enumerated().map { r, row in
            let tag = r < table.headerRows ? "th" : "td"
            return HTML.element("tr", [:], row.map { cell in
                HTML.element(tag, ["colspan": cell.columns > 1 ? String(cell.columns) : nil, "rowspan": cell.rows > 1 ? String(cell.rows) : nil],
                             cell.span.map { inline.render($0.start, $0.end) } ?? "")
            }.joined())
        }
        let head = rows.prefix(table.headerRows).joined(), body = rows.dropFirst(table.headerRows).joined()
        return HTML.element("div", ["class": "table-wrap"], HTML.element("table", [:],
            (head.isEmpty ? "" : HTML.element("thead", [:], head)) + HTML.element("tbody", [:], body)))
    }

    // MARK: Marks

    /// The element around a mark: a quantity underlined by kind, a claim's percentage coloured by
    /// status (focusable, naming its actual and target), a flag where a failed check stands.
    private func tags(for mark: TextMarks.Mark, marks: TextMarks) -> (open: String, close: String) {
        switch mark.kind {
        case .quantity(let k):
            let q = extraction.quantities[k]
            return ("<span" + HTML.attributeList(["class": "q k-" + Self.className(q.kind), "id": TextMarks.quantityID(k),
                                                   "title": "\(q.text) = \(Figures.format(q.value, places: 4)) \(q.unit) (\(q.kind))"]) + ">", "</span>")
        case .figure(let k):
            return ("<span" + HTML.attributeList(["class": "q fig", "id": TextMarks.figureID(k)]) + ">", "</span>")
        case .claim(let k):
            let claim = extraction.claims[k]
            let id = { (q: Quantity?) in q.flatMap { marks.figureIDs[$0.span] } }
            return ("<span" + HTML.attributeList([
                "class": "claim " + claim.status.rawValue, "id": TextMarks.claimID(k), "data-claim": String(k),
                "data-actual": id(claim.actual), "data-target": id(claim.target), "data-part": id(claim.partOf),
                "tabindex": "0", "role": "button", "aria-label": "\(claim.reported.text), \(claim.status.rawValue)",
            ]) + ">", "</span>")
        case .check(let k):
            let check = extraction.checks[k]
            return ("<a" + HTML.attributeList(["class": "check-flag fail", "id": TextMarks.checkID(k), "data-check": String(k),
                                                "href": "#" + TextMarks.checkID(k), "title": "\(check.rule): \(check.message)"]) + ">⚠", "</a>")
        }
    }

    /// A kind as a class name: letters only.
    static func className(_ kind: String) -> String {
        let letters = kind.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        return letters.isEmpty ? "none" : String(String.UnicodeScalarView(letters))
    }
}

/// The frame every page shares: doctype, charset, viewport, the no-network policy, inline style
/// and script.
enum PageShell {
    static func page(title: String, style: String, body: String, script: String, bodyClass: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-Hans">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(HTML.escape(PageAssets.contentSecurityPolicy))">
        <title>\(HTML.escape(title))</title>
        <script>\(PageAssets.alertProbe)</script>
        <style>\(style)</style>
        </head>
        <body\(HTML.attributeList(["class": bodyClass]))>
        \(body)
        <script>\(script)</script>
        </body>
        </html>

        """
    }
}
