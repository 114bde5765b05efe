import Foundation

/// The phrases the dataset stage links documents by, from `Grammar/dataset.tsv`: the suffixes that
/// end a place name, the punctuation that ends a clause, the periods a title names, and the words for running totals, changed targets
/// and words too common to link two clauses.
public struct DatasetRules: Sendable {
    let placeSuffixes: Set<Unicode.Scalar>
    /// The punctuation that ends the clause around an amount, in the text as published (fullwidth
    /// and halfwidth).
    let clauseEnds: Set<Unicode.Scalar>
    /// Period words with the month they end, longest first.
    let periods: [(phrase: String, month: Int)]
    let cumulative: [String]
    let notices: [String]
    let common: Set<UInt64>

    static let file = "dataset.tsv"
    static let columns = ["kind", "phrase", "value"]

    /// The rules compiled into the library.
    public static let builtIn: DatasetRules = {
        do {
            return try DatasetRules(text: Grammar.embeddedFiles[file] ?? "", path: "Grammar/\(file)")
        } catch {
            preconditionFailure("built-in dataset rules are invalid: \(error)")
        }
    }()

    /// The rules of a grammar directory's `dataset.tsv`, or the built-in ones when it has none.
    public static func load(directory: String?) throws -> DatasetRules {
        guard let directory else { return .builtIn }
        let path = (directory as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: path) else { return .builtIn }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw GrammarError(file: path, line: 0, reason: "cannot read as UTF-8 text")
        }
        return try DatasetRules(text: text, path: path)
    }

    init(text: String, path: String) throws {
        let table = try GrammarTable(file: path, text: text, requiredColumns: Self.columns)
        var suffixes = Set<Unicode.Scalar>(), ends = Set<Unicode.Scalar>(), periods: [(String, Int)] = [], cumulative: [String] = []
        var notices: [String] = [], common = Set<UInt64>()
        for row in table.rows {
            let phrase = row["phrase"]
            switch row["kind"] {
            case "placeSuffix":
                guard let scalar = phrase.unicodeScalars.first, phrase.unicodeScalars.count == 1 else {
                    throw table.error(row, "a placeSuffix is one character")
                }
                suffixes.insert(scalar)
            case "clauseEnd":
                guard let scalar = phrase.unicodeScalars.first, phrase.unicodeScalars.count == 1 else {
                    throw table.error(row, "a clauseEnd is one character")
                }
                ends.insert(scalar)
            case "period":
                guard let month = Int(row["value"]), (1...12).contains(month) else {
                    throw table.error(row, "a period needs the month it ends (1–12) as its value")
                }
                periods.append((phrase, month))
            case "cumulative": cumulative.append(phrase)
            case "notice": notices.append(phrase)
            case "common":
                let scalars = Array(phrase.unicodeScalars)
                guard scalars.count == 2 else { throw table.error(row, "a common word is two characters") }
                common.insert(HanBigrams.key(scalars[0], scalars[1]))
            default:
                throw table.error(row, "unknown kind '\(row["kind"])' (placeSuffix, clauseEnd, period, cumulative, notice, common)")
            }
        }
        placeSuffixes = suffixes
        clauseEnds = ends
        self.periods = periods.sorted { $0.0.count > $1.0.count }
        self.cumulative = cumulative
        self.notices = notices
        self.common = common
    }
}
