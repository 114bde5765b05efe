import Foundation
import Testing
@testable import Bulletin

/// Every row of the basis grammar with an example runs on it: the example's percentage takes the
/// row's phrase and basis (and, for growth, its sign). A row shadowed by a longer one, or broken by
/// a connector or a new rule, fails here by name and line.
@Suite struct GrammarRowTests {
    struct BasisRow: CustomTestStringConvertible, Sendable {
        let line: Int, phrase: String, basis: String, sign: String, example: String
        var testDescription: String { "bases.tsv:\(line) \(phrase)" }
    }

    static let basisRows: [BasisRow] = {
        let table = try! GrammarTable(file: "bases.tsv", text: Grammar.embeddedFiles["bases.tsv"] ?? "",
                                      requiredColumns: ["phrase", "basis", "sign", "example"])
        return table.rows.map { BasisRow(line: $0.line, phrase: $0["phrase"], basis: $0["basis"], sign: $0["sign"], example: $0["example"]) }
    }()

    @Test func everyBasisRowHasAnExample() {
        for row in Self.basisRows { #expect(!row.example.isEmpty, "bases.tsv:\(row.line) \(row.phrase) has no example") }
    }

    @Test(arguments: basisRows.filter { !$0.example.isEmpty })
    func basisRowExample(_ row: BasisRow) throws {
        let e = extract(row.example + "\n")
        let claim = try #require(e.claims.first { $0.reported.phrase == row.phrase },
                                 "bases.tsv:\(row.line): no percentage of “\(row.example)” takes the phrase \(row.phrase); phrases: \(e.claims.map { $0.reported.phrase ?? "-" })")
        #expect(claim.reported.basis.rawValue == row.basis, "bases.tsv:\(row.line) \(row.phrase)")
        #expect((claim.reported.signedValue < 0) == (row.sign == "-"), "bases.tsv:\(row.line) \(row.phrase) sign")
    }
}
