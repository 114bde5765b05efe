import Bulletin
import BulletinDataset
import Foundation

/// The report of `bulletin check`: one entry per claim and per check, as a readable table, JSON or
/// CSV. Each entry says where it is as line:column of the file's text (1-based, columns counted in
/// characters), and an implied target is written in the document's own unit (2.8万套).
struct VerdictTable {
    let extraction: Extraction
    let showAll: Bool
    let entries: [Entry]

    /// One verdict: a claim's or a check's.
    struct Entry {
        let line: Int?
        let column: Int?
        let status: String
        let rule: String
        let detail: String

        var place: String { line.map { "\($0):\(column ?? 1)" } ?? "" }
    }

    init(extraction: Extraction, source: SourceText, grammar: Grammar, showAll: Bool) {
        self.extraction = extraction
        self.showAll = showAll
        let lines = LinePositions(source.original)
        var entries: [Entry] = []
        for claim in extraction.claims where showAll || claim.status != .consistent {
            let (line, column) = lines.position(of: claim.reported.span.start)
            entries.append(Entry(line: line, column: column, status: claim.status.rawValue, rule: "claim:" + claim.reported.basis.rawValue,
                                 detail: "\(claim.reported.text): \(claim.reasonInDocumentUnits(grammar: grammar))"))
        }
        // Checks that restate a claim's verdict are shown with the claim above.
        for check in extraction.checks where (showAll || check.status != .pass) && !["percentOfTarget", "impliedTarget"].contains(check.rule) {
            let position = check.span.map { lines.position(of: $0.start) }
            entries.append(Entry(line: position?.line, column: position?.column, status: check.status.rawValue,
                                 rule: check.rule, detail: check.message))
        }
        self.entries = entries
    }

    func render() -> String {
        var lines: [String] = []
        let s = extraction.summary
        lines.append("\(extraction.source.path): \(extraction.title ?? "(no title)")")
        lines.append("  \(s.sections) sections, \(s.items) items, \(s.quantities) quantities; claims: \(s.claims.consistent) consistent, \(s.claims.inconsistent) inconsistent, \(s.claims.unverifiable) unverifiable; checks: \(s.checks.pass) pass, \(s.checks.fail) fail, \(s.checks.unverifiable) unverifiable")
        lines.append("")
        lines.append("  " + pad("verdict", 13) + pad("line:col", 10) + pad("rule", 19) + "detail")
        for entry in entries {
            lines.append("  " + pad(entry.status, 13) + pad(entry.place, 10) + pad(entry.rule, 19) + entry.detail)
        }
        lines.append("  => \(extraction.hasFailures ? "FAIL" : "OK")")
        return lines.joined(separator: "\n")
    }

    /// The tables as one JSON document: per file, its verdict and entries.
    static func json(_ tables: [VerdictTable]) -> String {
        let files: [[String: Any]] = tables.map { table in
            ["path": table.extraction.source.path, "title": table.extraction.title ?? NSNull(),
             "verdict": table.extraction.hasFailures ? "fail" : "ok",
             "entries": table.entries.map { e -> [String: Any] in
                 ["line": e.line ?? NSNull(), "column": e.column ?? NSNull(), "status": e.status, "rule": e.rule, "detail": e.detail]
             }]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["files": files], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The tables as CSV: one row per entry.
    static func csv(_ tables: [VerdictTable]) -> String {
        var rows = [["path", "line", "column", "status", "rule", "detail"]]
        for table in tables {
            for e in table.entries {
                rows.append([table.extraction.source.path, e.line.map(String.init) ?? "", e.column.map(String.init) ?? "",
                             e.status, e.rule, e.detail])
            }
        }
        return String(decoding: (try? CSVText.encode(rows)) ?? Data(), as: UTF8.self)
    }

    /// Pads to a display width, counting CJK characters as two columns.
    private func pad(_ text: String, _ width: Int) -> String {
        let w = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return text + String(repeating: " ", count: max(1, width - w))
    }
}

/// Line and column (1-based, in Unicode scalars) of offsets into a text.
struct LinePositions {
    private var starts: [Int] = [0]

    init(_ text: [Unicode.Scalar]) {
        for (i, scalar) in text.enumerated() where scalar == "\n" { starts.append(i + 1) }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }
}
