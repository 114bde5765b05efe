import Foundation

/// The rules of the extractor, read from the tab-separated files in `Grammar/`: numerals,
/// multipliers, units, approximation markers, percentage bases, structure and claim phrases, and
/// the patterns of numbers that are not quantities. The default grammar is compiled into the
/// library; `Grammar(directory:)` reads an override.
///
/// A final class of constants, so that every stage shares one grammar: as a struct of some forty
/// tables, each `grammar.units` in a debug build copied all of them.
public final class Grammar: Sendable {
    /// A unit of measure: the canonical name, what it measures, and the family of units it can be
    /// compared and added with.
    struct UnitEntry: Sendable {
        let canonical: String
        let kind: String
        let family: String
        /// Multiplies the value: 九成 = 90%.
        let scale: Int64
        /// The three names as the quantities of this unit share them.
        let names: UnitNames

        init(canonical: String, kind: String, family: String, scale: Int64) {
            (self.canonical, self.kind, self.family, self.scale) = (canonical, kind, family, scale)
            names = UnitNames.interned(unit: canonical, kind: kind, family: family)
        }
    }

    /// A fixed phrase with a value (百分百 = 100%), or a prefix that gives a numeral its unit
    /// (百分之三十 = 30%).
    struct FormEntry: Sendable {
        let value: ExactNumber?
        let unit: UnitEntry
    }

    enum NumeralRole: String, Sendable { case digit, tens, power, section, point }
    struct NumeralEntry: Sendable {
        let value: Int64
        let role: NumeralRole
    }

    enum MarkerPosition: String, Sendable { case before, after, trailing }

    struct BasisEntry: Sendable {
        let basis: Basis
        let negative: Bool
        let phrase: String
    }

    enum BoilerplateScope: String, Sendable { case prefix, line, start, tail }

    // Quantities
    let numerals: [UInt32: NumeralEntry]
    let multipliers: PhraseTrie<Int64>
    let units: PhraseTrie<UnitEntry>
    let approxBefore: PhraseTrie<Approximation>
    let approxAfter: PhraseTrie<Approximation>
    let approxTrailing: PhraseTrie<Approximation>
    let unitPrefixes: PhraseTrie<FormEntry>
    let fixedWords: PhraseTrie<FormEntry>
    let fractionWords: PhraseTrie<UnitEntry>
    let fractionSlashes: PhraseTrie<UnitEntry>
    /// Numeral characters that stand for an unknown digit (几).
    let someDigits: ScalarSet
    /// The characters an amount can start with: ASCII digits, the numerals, the unknown digits (几)
    /// and the first characters of the number words and unit prefixes. A token that starts with
    /// anything else is never read as a quantity, so only these are looked up (`Tokenizer`).
    let amountStarts: ScalarSet
    // Numbers that are not quantities
    let yearWords: PhraseTrie<Bool>
    let dateUnits: PhraseTrie<Bool>
    let ordinalPrefixes: PhraseTrie<Bool>
    let openBrackets: PhraseTrie<Bool>
    let docNumberEnds: PhraseTrie<Bool>
    let rangeConnectors: PhraseTrie<Bool>
    let phoneCues: PhraseTrie<Bool>
    let placeholders: PhraseTrie<Bool>
    // Claims
    let bases: PhraseTrie<BasisEntry>
    let connectors: PhraseTrie<Bool>
    let distributive: PhraseTrie<Bool>
    let breakdown: PhraseTrie<Bool>
    let listJoiners: PhraseTrie<Bool>
    let completion: PhraseTrie<Bool>
    let met: PhraseTrie<Bool>
    let targetCues: PhraseTrie<Bool>
    let totalCues: PhraseTrie<Bool>
    let subjectPrefixes: PhraseTrie<Bool>
    let itemCounts: PhraseTrie<String>
    let metCounts: PhraseTrie<Bool>
    let basisLeads: PhraseTrie<Bool>
    let doneCues: PhraseTrie<Bool>
    let genericRates: PhraseTrie<Bool>
    /// Bases written after the percentage (实现10%以上增长).
    let basesAfter: PhraseTrie<BasisEntry>
    /// Ends of a clause that names a set (4个结构性指标中).
    let scopeEnds: PhraseTrie<Bool>
    /// After an amount: the percentage holds for each of the things counted (均).
    let eachCues: PhraseTrie<Bool>
    /// Before an amount in its clause: the amount is a change against an earlier period (比上年).
    let comparisonCues: PhraseTrie<Bool>
    /// Unit kinds whose amounts are never the actual or target of a percentage (time).
    /// (A list: there are a few, and comparing a short kind with each costs less than hashing it.)
    let nonCountKinds: [String]
    /// Han bigrams inside the total cues (全市, 合计): no evidence that two clauses speak of the
    /// same thing.
    let cueBigrams: Set<UInt64>
    /// 按X计: what a percentage counts (按小区数计), opened by `countBy` and closed by `countByEnd`.
    let countBy: PhraseTrie<Bool>
    let countByEnd: PhraseTrie<Bool>
    /// Before a basis phrase: the percentage is a difference from it (超序时进度).
    let differenceLeads: PhraseTrie<Bool>
    /// Before an amount in its clause: what is not done (未分配).
    let negationCues: PhraseTrie<Bool>
    /// Ends the word of a rate (率).
    let rateSuffixes: PhraseTrie<Bool>
    /// Opens a composed basis 占X的 (占).
    let wholeLeads: PhraseTrie<Bool>
    /// Leads that open the noun of the whole before one basis phrase only (对X的贡献率), by phrase.
    let phraseWholeLeads: [String: PhraseTrie<Bool>]
    /// Ends a noun that names a change, not a level (增收额).
    let incrementNouns: PhraseTrie<Bool>
    /// Before a noun, names everything but it (非 in 非税收入).
    let complementPrefixes: PhraseTrie<Bool>
    /// Opens a composed basis 完成X, a plan's progress (完成总工程量70.8%).
    let planLeads: PhraseTrie<Bool>
    /// Words of a composed basis noun that make it a plan or a share (计划 → plan, 总 → share).
    let basisNouns: PhraseTrie<Basis>
    /// After an amount: it is part of a programme's name (三年行动).
    let nameFollowers: PhraseTrie<Bool>
    /// Parts of a 其中 breakdown that reach this share of the total without matching it are an error.
    let breakdownNearMiss: Double
    // Punctuation classes (Grammar/punctuation.tsv); a line break always ends a sentence.
    let sentenceEnds: ScalarSet
    /// Ends of lines that are never soft-wrapped: sentence ends and `lineEnd` (:).
    let lineEnds: ScalarSet
    /// Sentence ends and clause ends.
    let clauseEnds: ScalarSet
    let listCommas: ScalarSet
    let closeBrackets: ScalarSet
    let timeSeparators: ScalarSet
    let dateSeparators: ScalarSet
    // Structure
    let boilerplate: PhraseTrie<BoilerplateScope>
    let titlePrefixes: PhraseTrie<Bool>
    let fields: PhraseTrie<String>
    let outline: [OutlinePattern]
    /// The words of table headers and row labels (`Grammar/tables.tsv`).
    let tables: TableWords
    /// Class or id words that mark an HTML element as page chrome (nav, footer).
    let htmlChrome: [String]
    /// Tag names of HTML elements that are page chrome (nav, header, footer).
    let htmlChromeTags: [String]
    /// In an HTML page's <title>, what separates the article's title from the site's name.
    let siteNameSeparators: [String]
    /// Lines that are only a page number (— 2 —, 第2页): each pattern as literal characters and
    /// `nil` for a run of digits.
    let pageNumbers: [[Unicode.Scalar?]]
    let itemLabelEnds: PhraseTrie<Bool>
    let departmentSuffixes: PhraseTrie<Bool>
    let blocks: PhraseTrie<String>

    /// The files a grammar consists of, with the columns each must have.
    static let files: [String: [String]] = [
        "numerals.tsv": ["char", "value", "role"],
        "multipliers.tsv": ["word", "factor"],
        "units.tsv": ["unit", "canonical", "kind", "family", "scale"],
        "forms.tsv": ["kind", "phrase", "value", "unit"],
        "approximations.tsv": ["marker", "position", "approx"],
        "bases.tsv": ["phrase", "basis", "sign"],
        "connectors.tsv": ["phrase"],
        "structure.tsv": ["kind", "phrase", "value"],
        "claims.tsv": ["kind", "phrase", "value"],
        "nonquantities.tsv": ["kind", "phrase"],
        "punctuation.tsv": ["kind", "char"],
        "outline.tsv": ["pattern", "level", "node"],
        "tables.tsv": ["kind", "phrase", "value"],
    ]

    /// The grammar compiled into the library from `Grammar/`.
    public static let builtIn: Grammar = {
        do {
            return try Grammar(files: embeddedFiles)
        } catch {
            // The embedded files are checked by the test suite; a failure here is a build defect.
            preconditionFailure("built-in grammar is invalid: \(error)")
        }
    }()

    /// Reads the grammar files in `directory`. A file missing there is taken from the built-in
    /// grammar, so an override can hold just the files it changes.
    public convenience init(directory: String) throws {
        var texts = Self.embeddedFiles
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GrammarError(file: directory, line: 0, reason: "not a directory")
        }
        for name in Self.files.keys {
            let file = url.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: file.path) {
                do {
                    texts[name] = try String(contentsOf: file, encoding: .utf8)
                } catch {
                    throw GrammarError(file: file.path, line: 0, reason: "cannot read as UTF-8 text")
                }
            }
        }
        try self.init(files: texts, directory: directory)
    }

    init(files texts: [String: String], directory: String? = nil) throws {
        var tables: [String: GrammarTable] = [:]
        for (name, columns) in Self.files {
            let path = directory.map { "\($0)/\(name)" } ?? "Grammar/\(name)"
            guard let text = texts[name] else { throw GrammarError(file: path, line: 0, reason: "missing") }
            tables[name] = try GrammarTable(file: path, text: text, requiredColumns: columns)
        }
        func table(_ name: String) -> GrammarTable { tables[name]! }

        var numerals: [UInt32: NumeralEntry] = [:]
        for row in table("numerals.tsv").rows {
            let scalars = Array(row["char"].unicodeScalars)
            guard scalars.count == 1, let value = Int64(row["value"]), let role = NumeralRole(rawValue: row["role"]) else {
                throw table("numerals.tsv").error(row, "expected one character, an integer value and a role (digit, tens, power, section, point)")
            }
            numerals[scalars[0].value] = NumeralEntry(value: value, role: role)
        }
        self.numerals = numerals

        var multipliers: [(String, Int64)] = []
        for row in table("multipliers.tsv").rows {
            guard let factor = Int64(row["factor"]), factor > 0 else {
                throw table("multipliers.tsv").error(row, "factor must be a positive integer")
            }
            multipliers.append((row["word"], factor))
        }
        self.multipliers = PhraseTrie(multipliers)

        var units: [(String, UnitEntry)] = []
        for row in table("units.tsv").rows {
            guard let scale = row["scale"].isEmpty ? 1 : Int64(row["scale"]), scale > 0 else {
                throw table("units.tsv").error(row, "scale must be empty or a positive integer")
            }
            units.append((row["unit"], UnitEntry(canonical: row["canonical"], kind: row["kind"], family: row["family"], scale: scale)))
        }
        let unitTrie = PhraseTrie(units)
        self.units = unitTrie

        // Number forms: the unit column names a unit of units.tsv, or a new one of kind ratio.
        func unitEntry(_ name: String) -> UnitEntry {
            let scalars = Array(name.unicodeScalars)
            if let hit = unitTrie.match(in: scalars, at: 0), hit.length == scalars.count { return hit.value }
            return UnitEntry(canonical: name, kind: "ratio", family: name, scale: 1)
        }
        var prefixes: [(String, FormEntry)] = [], words: [(String, FormEntry)] = []
        var fractions: [(String, UnitEntry)] = [], slashes: [(String, UnitEntry)] = []
        var some = ScalarSet()
        let forms = table("forms.tsv")
        for row in forms.rows {
            switch row["kind"] {
            case "prefix": prefixes.append((row["phrase"], FormEntry(value: nil, unit: unitEntry(row["unit"]))))
            case "fraction": fractions.append((row["phrase"], unitEntry(row["unit"])))
            case "slash": slashes.append((row["phrase"], unitEntry(row["unit"])))
            case "word":
                let parts = row["value"].split(separator: ".", maxSplits: 1).map(String.init)
                guard let value = ExactNumber(integerDigits: parts[0], fractionDigits: parts.count > 1 ? parts[1] : ""),
                      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                    throw forms.error(row, "a word needs a decimal value")
                }
                words.append((row["phrase"], FormEntry(value: value, unit: unitEntry(row["unit"]))))
            case "some":
                guard let scalar = row["phrase"].unicodeScalars.first, row["phrase"].unicodeScalars.count == 1 else {
                    throw forms.error(row, "'some' takes one character")
                }
                some.insert(scalar.value)
            default:
                throw forms.error(row, "unknown kind '\(row["kind"])' (prefix, fraction, slash, word, some)")
            }
        }
        unitPrefixes = PhraseTrie(prefixes)
        fixedWords = PhraseTrie(words)
        fractionWords = PhraseTrie(fractions)
        fractionSlashes = PhraseTrie(slashes)
        someDigits = some
        amountStarts = ScalarSet(values: Array(UInt32(0x30)...0x39) + numerals.keys).union(some)
            .union(ScalarSet(values: unitPrefixes.firstScalars)).union(ScalarSet(values: fixedWords.firstScalars))

        var before: [(String, Approximation)] = [], after: [(String, Approximation)] = [], trailing: [(String, Approximation)] = []
        for row in table("approximations.tsv").rows {
            guard let approx = Approximation(rawValue: row["approx"]), let position = MarkerPosition(rawValue: row["position"]) else {
                throw table("approximations.tsv").error(row, "unknown approx or position")
            }
            switch position {
            case .before: before.append((row["marker"], approx))
            case .after: after.append((row["marker"], approx))
            case .trailing: trailing.append((row["marker"], approx))
            }
        }
        approxBefore = PhraseTrie(before)
        approxAfter = PhraseTrie(after)
        approxTrailing = PhraseTrie(trailing)

        var bases: [(String, BasisEntry)] = []
        for row in table("bases.tsv").rows {
            guard let basis = Basis(rawValue: row["basis"]), ["", "+", "-"].contains(row["sign"]) else {
                throw table("bases.tsv").error(row, "unknown basis or sign")
            }
            bases.append((row["phrase"], BasisEntry(basis: basis, negative: row["sign"] == "-", phrase: row["phrase"])))
        }
        self.bases = PhraseTrie(bases)
        self.connectors = PhraseTrie(table("connectors.tsv").rows.map { ($0["phrase"], true) })

        func phrases(_ file: String, _ kind: String) -> [(String, Bool)] {
            table(file).rows.filter { $0["kind"] == kind }.map { ($0["phrase"], true) }
        }
        func valued(_ file: String, _ kind: String) -> [(String, String)] {
            table(file).rows.filter { $0["kind"] == kind }.map { ($0["phrase"], $0["value"]) }
        }
        let nq = "nonquantities.tsv"
        yearWords = PhraseTrie(phrases(nq, "year"))
        dateUnits = PhraseTrie(phrases(nq, "dateUnit"))
        ordinalPrefixes = PhraseTrie(phrases(nq, "ordinal"))
        nameFollowers = PhraseTrie(phrases(nq, "nameFollower"))
        openBrackets = PhraseTrie(phrases(nq, "openBracket"))
        docNumberEnds = PhraseTrie(phrases(nq, "docNumber"))
        rangeConnectors = PhraseTrie(phrases(nq, "range"))
        phoneCues = PhraseTrie(phrases(nq, "phoneCue"))
        placeholders = PhraseTrie(phrases(nq, "placeholder"))

        let cl = "claims.tsv"
        let claimKinds: Set<String> = [
            "basisAfter", "basisLead", "basisNoun", "breakdown", "comparisonCue", "completion", "countBy", "countByEnd",
            "differenceLead", "distributive", "doneCue", "eachCue", "genericRate", "itemCount", "listJoiner", "met",
            "metCount", "negationCue", "nonCountKind", "planLead", "rateSuffix", "scope", "setting", "subjectPrefix",
            "targetCue", "totalCue", "wholeLead", "incrementNoun", "complementPrefix",
        ]
        // A misspelt kind would otherwise be read as no rule at all.
        if let row = table(cl).rows.first(where: { !claimKinds.contains($0["kind"]) }) {
            throw table(cl).error(row, "unknown kind '\(row["kind"])'")
        }
        distributive = PhraseTrie(phrases(cl, "distributive"))
        breakdown = PhraseTrie(phrases(cl, "breakdown"))
        listJoiners = PhraseTrie(phrases(cl, "listJoiner"))
        completion = PhraseTrie(phrases(cl, "completion"))
        met = PhraseTrie(phrases(cl, "met"))
        targetCues = PhraseTrie(phrases(cl, "targetCue"))
        totalCues = PhraseTrie(phrases(cl, "totalCue"))
        subjectPrefixes = PhraseTrie(phrases(cl, "subjectPrefix"))
        itemCounts = PhraseTrie(valued(cl, "itemCount"))
        metCounts = PhraseTrie(phrases(cl, "metCount"))
        basisLeads = PhraseTrie(phrases(cl, "basisLead"))
        doneCues = PhraseTrie(phrases(cl, "doneCue"))
        genericRates = PhraseTrie(phrases(cl, "genericRate"))
        scopeEnds = PhraseTrie(phrases(cl, "scope"))
        eachCues = PhraseTrie(phrases(cl, "eachCue"))
        comparisonCues = PhraseTrie(phrases(cl, "comparisonCue"))
        nonCountKinds = Array(Set(phrases(cl, "nonCountKind").map(\.0))).sorted()
        wholeLeads = PhraseTrie(valued(cl, "wholeLead").filter { $0.1.isEmpty }.map { ($0.0, true) })
        var leadsByPhrase: [String: [(String, Bool)]] = [:]
        for (lead, phrase) in valued(cl, "wholeLead") where !phrase.isEmpty {
            // Keyed by the phrase as bases.tsv writes it (BasisEntry.phrase).
            leadsByPhrase[phrase, default: []].append((lead, true))
        }
        phraseWholeLeads = leadsByPhrase.mapValues { PhraseTrie($0) }
        incrementNouns = PhraseTrie(phrases(cl, "incrementNoun"))
        complementPrefixes = PhraseTrie(phrases(cl, "complementPrefix"))
        rateSuffixes = PhraseTrie(phrases(cl, "rateSuffix"))
        planLeads = PhraseTrie(phrases(cl, "planLead"))
        negationCues = PhraseTrie(phrases(cl, "negationCue"))
        differenceLeads = PhraseTrie(phrases(cl, "differenceLead"))
        countBy = PhraseTrie(phrases(cl, "countBy"))
        var cueBigrams = Set<UInt64>()
        for (phrase, _) in phrases(cl, "totalCue") {
            let scalars = phrase.unicodeScalars.flatMap { $0.value < 0x80 ? [$0] : TextNormalizer.shared.normalize($0) }
            for (a, b) in zip(scalars, scalars.dropFirst()) { cueBigrams.insert(HanBigrams.key(a, b)) }
        }
        self.cueBigrams = cueBigrams
        countByEnd = PhraseTrie(phrases(cl, "countByEnd"))
        var nouns: [(String, Basis)] = []
        for row in table(cl).rows where row["kind"] == "basisNoun" {
            guard let basis = Basis(rawValue: row["value"]) else { throw table(cl).error(row, "unknown basis '\(row["value"])'") }
            nouns.append((row["phrase"], basis))
        }
        basisNouns = PhraseTrie(nouns)
        var basesWrittenAfter: [(String, BasisEntry)] = []
        for row in table(cl).rows where row["kind"] == "basisAfter" {
            let negative = row["value"].hasSuffix("-")
            guard let basis = Basis(rawValue: negative ? String(row["value"].dropLast()) : row["value"]) else {
                throw table(cl).error(row, "unknown basis '\(row["value"])'")
            }
            basesWrittenAfter.append((row["phrase"], BasisEntry(basis: basis, negative: negative, phrase: row["phrase"])))
        }
        basesAfter = PhraseTrie(basesWrittenAfter)
        let nearMiss = table(cl).rows.first { $0["kind"] == "setting" && $0["phrase"] == "breakdownNearMiss" }
        guard let share = Double(nearMiss?["value"] ?? "0.9"), (0...1).contains(share) else {
            throw table(cl).error(nearMiss!, "breakdownNearMiss must be a number from 0 to 1")
        }
        breakdownNearMiss = share

        var punctuation: [String: ScalarSet] = [:]
        let pt = table("punctuation.tsv")
        for row in pt.rows {
            let scalars = Array(row["char"].unicodeScalars)
            guard scalars.count == 1 else { throw pt.error(row, "one character per row") }
            let kinds = ["sentenceEnd", "clauseEnd", "listComma", "closeBracket", "timeSeparator", "dateSeparator", "lineEnd"]
            guard kinds.contains(row["kind"]) else { throw pt.error(row, "unknown kind '\(row["kind"])'") }
            punctuation[row["kind"], default: []].insert(scalars[0])
        }
        sentenceEnds = (punctuation["sentenceEnd"] ?? []).union(["\n"])
        clauseEnds = sentenceEnds.union(punctuation["clauseEnd"] ?? [])
        lineEnds = sentenceEnds.union(punctuation["lineEnd"] ?? [])
        listCommas = punctuation["listComma"] ?? []
        closeBrackets = punctuation["closeBracket"] ?? []
        timeSeparators = punctuation["timeSeparator"] ?? []
        dateSeparators = punctuation["dateSeparator"] ?? []

        let st = "structure.tsv"
        var boilerplate: [(String, BoilerplateScope)] = []
        for row in table(st).rows where row["kind"] == "boilerplate" {
            guard let scope = BoilerplateScope(rawValue: row["value"]) else {
                throw table(st).error(row, "boilerplate scope must be prefix, line, start or tail")
            }
            boilerplate.append((row["phrase"], scope))
        }
        self.boilerplate = PhraseTrie(boilerplate)
        titlePrefixes = PhraseTrie(phrases(st, "titlePrefix"))
        fields = PhraseTrie(valued(st, "field"))
        self.tables = try TableWords(table("tables.tsv"))
        htmlChrome = phrases(st, "htmlChrome").map { $0.0.lowercased() }
        htmlChromeTags = phrases(st, "htmlChromeTag").map { $0.0.lowercased() }
        // Read as written: " - " keeps its spaces (a hyphen inside a title is no separator).
        siteNameSeparators = valued(st, "siteNameSeparator").map { phrase, value in value == "spaced" ? " \(phrase) " : phrase }
        pageNumbers = phrases(st, "pageNumber").map { pattern, _ in
            pattern.components(separatedBy: "{n}").enumerated().flatMap { k, literal -> [Unicode.Scalar?] in
                (k > 0 ? [nil] : []) + literal.unicodeScalars.filter { !$0.isSpace }.map { Optional($0) }
            }
        }
        let ol = table("outline.tsv")
        outline = try ol.rows.map { row in
            guard let level = Int(row["level"]), let node = OutlinePattern.Node(rawValue: row["node"]) else {
                throw ol.error(row, "level must be an integer and node section or item")
            }
            guard let pattern = OutlinePattern(row["pattern"], level: level, node: node) else {
                throw ol.error(row, "a pattern needs exactly one placeholder: {cn}, {n} or {circled}")
            }
            return pattern
        }
        itemLabelEnds = PhraseTrie(phrases(st, "itemLabelEnd"))
        departmentSuffixes = PhraseTrie(phrases(st, "department"))
        blocks = PhraseTrie(valued(st, "block"))
    }
}

extension Grammar {
    /// Whether `range` holds sentence or clause punctuation other than a colon (a line break, as
    /// inside a table cell broken over two lines, does not count).
    func containsSentenceEnd(_ chars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        chars[range].contains { $0 != "\n" && (sentenceEnds.contains($0) || ($0 != ":" && clauseEnds.contains($0))) }
    }
}

/// The words that give a table's columns and rows their roles (`Grammar/tables.tsv`).
struct TableWords: Sendable {
    /// Headers of the row-number column (序号).
    let number: PhraseTrie<Bool>
    /// Headers of the row-label column (地区, 项目名称).
    let label: PhraseTrie<Bool>
    /// Header phrases of target, actual and ratio columns; the longest found in a header decides.
    let roles: PhraseTrie<Table.Role>
    /// A header ending with this, before its unit, is a rate column (开工率).
    let rateEnds: PhraseTrie<Bool>
    /// Row labels of a total row (合计, 全市).
    let total: PhraseTrie<Bool>
    /// An indicator where lower is better (失业率低于(%)).
    let lowerBetter: PhraseTrie<Bool>
    /// Cells that stand for no value (-, /).
    let empty: PhraseTrie<Bool>
    /// A row label opening with this is a breakdown of the row above (其中).
    let subRow: PhraseTrie<Bool>
    /// Headers of a column of units (单位).
    let unit: PhraseTrie<Bool>

    init(_ file: GrammarTable) throws {
        func phrases(_ kind: String) -> PhraseTrie<Bool> {
            PhraseTrie(file.rows.filter { $0["kind"] == kind }.map { ($0["phrase"], true) })
        }
        var roles: [(String, Table.Role)] = []
        for row in file.rows {
            switch row["kind"] {
            case "target": roles.append((row["phrase"], .target))
            case "actual": roles.append((row["phrase"], .actual))
            case "ratio":
                guard let basis = Basis(rawValue: row["value"]) else { throw file.error(row, "a ratio needs a basis (plan, rate, share)") }
                roles.append((row["phrase"], .ratio(basis)))
            case "number", "label", "rateEnd", "total", "lowerBetter", "empty", "subRow", "unit": break
            default:
                throw file.error(row, "unknown kind '\(row["kind"])' (number, label, target, actual, ratio, rateEnd, total, lowerBetter, empty, subRow, unit)")
            }
        }
        self.roles = PhraseTrie(roles)
        number = phrases("number")
        label = phrases("label")
        rateEnds = phrases("rateEnd")
        total = phrases("total")
        lowerBetter = phrases("lowerBetter")
        empty = phrases("empty")
        subRow = phrases("subRow")
        unit = phrases("unit")
    }
}

extension Grammar {
    /// Whether an amount counts something a percentage can be of: not a duration or another kind
    /// that `nonCountKind` lists (0.5个工作日).
    func isCount(_ q: Quantity) -> Bool { !nonCountKinds.contains(q.kind) }
}
