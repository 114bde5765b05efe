import Bulletin

/// The human-readable report of `bulletin check`: one line per claim and per check.
struct VerdictTable {
    let extraction: Extraction
    let showAll: Bool

    func render() -> String {
        var lines: [String] = []
        let s = extraction.summary
        lines.append("\(extraction.source.path): \(extraction.title ?? "(no title)")")
        lines.append("  \(s.sections) sections, \(s.items) items, \(s.quantities) quantities; claims: \(s.claims.consistent) consistent, \(s.claims.inconsistent) inconsistent, \(s.claims.unverifiable) unverifiable; checks: \(s.checks.pass) pass, \(s.checks.fail) fail, \(s.checks.unverifiable) unverifiable")
        lines.append("")
        lines.append("  " + pad("verdict", 13) + pad("where", 10) + pad("rule", 19) + "detail")
        for claim in extraction.claims where showAll || claim.status != .consistent {
            lines.append("  " + pad(claim.status.rawValue, 13) + pad(place(claim.section, claim.item), 10)
                         + pad("claim:" + claim.reported.basis.rawValue, 19) + "\(claim.reported.text): \(claim.reason)")
        }
        // Checks that restate a claim's verdict are shown with the claim above.
        for check in extraction.checks where (showAll || check.status != .pass) && !["percentOfTarget", "impliedTarget"].contains(check.rule) {
            lines.append("  " + pad(check.status.rawValue, 13) + pad(check.span.map { "@\($0.start)" } ?? "", 10)
                         + pad(check.rule, 19) + check.message)
        }
        let verdict = extraction.hasFailures ? "FAIL" : "OK"
        lines.append("  => \(verdict)")
        return lines.joined(separator: "\n")
    }

    private func place(_ section: Int?, _ item: Int?) -> String {
        switch (section, item) {
        case (let s?, let i?): return "§\(s).\(i)"
        case (let s?, nil): return "§\(s)"
        case (nil, let i?): return "#\(i)"
        default: return ""
        }
    }

    /// Pads to a display width, counting CJK characters as two columns.
    private func pad(_ text: String, _ width: Int) -> String {
        let w = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return text + String(repeating: " ", count: max(1, width - w))
    }
}
