import Foundation

/// Counts over a folder of bulletins, for `bulletin stats`: how much structure, how many
/// quantities and claims by basis and status, checks by status, and which documents yielded no
/// claims (a document with percentages but no claims is a gap in the grammar).
public struct CorpusReport: Encodable, Sendable {
    /// One document's line in the report.
    public struct Document: Encodable, Sendable {
        public let path: String
        public let sections: Int
        public let items: Int
        public let quantities: Int
        public let percentages: Int
        public let claims: Int
        public let inconsistent: Int
        public let failedChecks: Int
    }

    public private(set) var documents: [Document] = []
    public private(set) var unreadable: [String] = []
    public private(set) var claimsByBasis: [String: Int] = [:]
    public private(set) var claimsByStatus: [String: Int] = [:]
    public private(set) var checksByStatus: [String: Int] = [:]
    public private(set) var checksByRule: [String: Int] = [:]

    public init() {}

    public mutating func add(_ e: Extraction) {
        let percentages = e.quantities.filter { $0.unit == "%" }.count
        documents.append(Document(
            path: e.source.path, sections: e.summary.sections, items: e.summary.items, quantities: e.quantities.count,
            percentages: percentages, claims: e.claims.count, inconsistent: e.summary.claims.inconsistent,
            failedChecks: e.summary.checks.fail))
        for c in e.claims {
            claimsByBasis[c.reported.basis.rawValue, default: 0] += 1
            claimsByStatus[c.status.rawValue, default: 0] += 1
        }
        for c in e.checks {
            checksByStatus[c.status.rawValue, default: 0] += 1
            checksByRule[c.rule, default: 0] += 1
        }
    }

    public mutating func addUnreadable(_ path: String) { unreadable.append(path) }

    /// One row per document, with a header: loads into a spreadsheet, pandas or DuckDB as it is.
    public func csv() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var rows = ["path,sections,items,quantities,percentages,claims,inconsistent,failed_checks"]
        for d in documents {
            rows.append(([field(d.path)] + [d.sections, d.items, d.quantities, d.percentages, d.claims, d.inconsistent,
                                            d.failedChecks].map(String.init)).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The report as a plain-text table.
    public func render() -> String {
        func total(_ key: KeyPath<Document, Int>) -> Int { documents.reduce(0) { $0 + $1[keyPath: key] } }
        func counts(_ d: [String: Int], _ order: [String]) -> String {
            let keys = order.filter { d[$0] != nil } + d.keys.filter { !order.contains($0) }.sorted()
            return keys.isEmpty ? "none" : keys.map { "\($0) \(d[$0] ?? 0)" }.joined(separator: ", ")
        }
        var lines: [String] = []
        lines.append("documents   \(documents.count)" + (unreadable.isEmpty ? "" : " (\(unreadable.count) unreadable)"))
        lines.append("sections    \(total(\.sections))")
        lines.append("items       \(total(\.items))")
        lines.append("quantities  \(total(\.quantities)) (\(total(\.percentages)) percentages)")
        lines.append("claims      \(total(\.claims)): by basis \(counts(claimsByBasis, ["plan", "share", "growth", "rate", "other"]))")
        lines.append("            by status \(counts(claimsByStatus, ["consistent", "inconsistent", "unverifiable"]))")
        lines.append("checks      \(checksByStatus.values.reduce(0, +)): by status \(counts(checksByStatus, ["pass", "fail", "unverifiable"]))")
        lines.append("            by rule \(counts(checksByRule, []))")
        let none = documents.filter { $0.claims == 0 }
        lines.append("no claims   \(none.isEmpty ? "none" : none.map { $0.path + ($0.percentages > 0 ? " (has \($0.percentages) percentages)" : "") }.joined(separator: ", "))")
        lines.append("")
        // The path comes last, whole, so that a long one is never cut.
        lines.append("sect  items  quant  pct  claims  incons  failed  document")
        for d in documents {
            lines.append([d.sections, d.items, d.quantities, d.percentages, d.claims, d.inconsistent, d.failedChecks]
                .enumerated().map { k, v in String(v).leftPadded(to: [4, 6, 6, 4, 7, 7, 7][k]) }.joined(separator: " ")
                + "  " + d.path)
        }
        for path in unreadable { lines.append("\(path): unreadable") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
