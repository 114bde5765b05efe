import Bulletin

/// What the panel shows for each claim and failed check, written as inert `<template>` elements
/// (id `detail-claim-N`, `detail-check-N`) that the page's script copies into the panel.
struct ClaimDetails {
    let extraction: Extraction
    let marks: TextMarks
    let blocks: DocumentBlocks

    func templates() -> String {
        let claims = extraction.claims.indices.map { k in
            HTML.element("template", ["id": "detail-" + TextMarks.claimID(k)], claim(k))
        }
        let checks = extraction.checks.indices.filter { extraction.checks[$0].status == .fail }.map { k in
            HTML.element("template", ["id": "detail-" + TextMarks.checkID(k)], check(k))
        }
        return (claims + checks).joined()
    }

    private static let close = "<button class=\"close\" type=\"button\" aria-label=\"close\">×</button>"

    /// The claim's figures, where each came from, the computation with its rounding interval, the
    /// confidence, the status and the reason.
    func claim(_ k: Int) -> String {
        let claim = extraction.claims[k]
        let reported = claim.reported
        var rows: [(String, String)] = []
        rows.append(("Reported", HTML.escape(reported.text) + HTML.escape(" of " + reported.basis.rawValue + (reported.phrase.map { " (\($0))" } ?? ""))
                     + placed(reported.span.start)))
        rows.append(("Actual", figure(claim.actual, rule: rule("actual", in: claim))))
        rows.append(("Target", figure(claim.target, rule: claim.targetSource.map { "found in: \($0)" })))
        if let whole = claim.partOf { rows.append(("Part of", figure(whole, rule: nil))) }
        rows.append(("Computed", HTML.escape(computed(claim))))
        if let implied = claim.impliedTarget {
            rows.append(("Implied target", HTML.escape("\(Figures.format(implied.value)) \(implied.unit) (\(Figures.format(implied.low))–\(Figures.format(implied.high)))")))
        }
        rows.append(("Confidence", HTML.escape(claim.confidence?.rawValue ?? "—")))
        rows.append(("Status", HTML.text("span", ["class": "pill " + claim.status.rawValue], claim.status.rawValue)))
        rows.append(("Reason", HTML.text("span", ["class": "reason"], claim.reason)))
        if let context = context(claim) { rows.append(("Where", HTML.escape(context))) }
        rows.append(("Rules", HTML.escape(claim.rules.joined(separator: ", "))))
        return Self.close + HTML.text("h2", "Claim \(k + 1): \(reported.text)") + list(rows)
    }

    /// A failed check: its rule, message and place.
    func check(_ k: Int) -> String {
        let check = extraction.checks[k]
        let rows = [("Check", HTML.escape(check.rule)), ("Status", HTML.text("span", ["class": "pill inconsistent"], check.status.rawValue)),
                    ("Reason", HTML.text("span", ["class": "reason"], check.message))]
            + (check.span.map { [("Where", HTML.escape(blocks.place(of: $0.start)))] } ?? [])
        return Self.close + HTML.text("h2", "Failed check: \(check.rule)") + list(rows)
    }

    private func list(_ rows: [(String, String)]) -> String {
        HTML.element("dl", [:], rows.map { HTML.text("dt", $0.0) + HTML.element("dd", [:], $0.1) }.joined())
    }

    /// A figure with its value, a link to its place, how it was found and where it stands.
    private func figure(_ quantity: Quantity?, rule: String?) -> String {
        guard let quantity else { return "—" }
        let value = "\(Figures.format(quantity.value, places: 4)) \(quantity.unit)" + (quantity.approx == .exact ? "" : " (\(quantity.approx.rawValue))")
        let link = marks.figureIDs[quantity.span].map { HTML.text("a", ["href": "#" + $0], quantity.text) } ?? HTML.escape(quantity.text)
        let how = rule.map { HTML.text("div", ["class": "where"], $0) } ?? ""
        return link + HTML.escape(" = " + value) + how + placed(quantity.span.start)
    }

    private func placed(_ offset: Int) -> String {
        HTML.text("div", ["class": "where"], blocks.place(of: offset))
    }

    /// How the claim's actual was found, from its rules (actual:previousClause → previousClause).
    private func rule(_ role: String, in claim: Claim) -> String? {
        claim.rules.first { $0.hasPrefix(role + ":") }.map { "found by: " + $0.dropFirst(role.count + 1) }
    }

    /// actual / target × 100 with the interval the rounding of both allows.
    private func computed(_ claim: Claim) -> String {
        guard let computed = claim.computed else { return "— (no actual and target to divide)" }
        var text = Figures.format(computed) + "%"
        if let range = claim.computedRange, range.count == 2 {
            text += "; rounding allows \(Figures.format(range[0]))–\(Figures.format(range[1]))%"
        }
        return text + "; reported \(claim.reported.text)"
    }

    /// Section, item, department and subject of the claim, as far as known.
    private func context(_ claim: Claim) -> String? {
        let parts = [claim.section.map { "section \($0)" }, claim.subsection.map { "subsection \($0)" }, claim.item.map { "item \($0)" },
                     claim.department, claim.block, claim.subject.map { "subject \($0)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
