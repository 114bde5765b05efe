/// The pipeline: decoded text → layout → tokens → quantities → structure → claims (prose and
/// tables) → checks → `Extraction`.
public struct Extractor: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .builtIn) {
        self.grammar = grammar
    }

    /// Decodes `bytes` and extracts. Throws `InputError` when the bytes are not text.
    /// The bytes are let go once decoded, unless the caller keeps them.
    public func extract(bytes: consuming [UInt8], path: String, clock: StageClock? = nil) throws(InputError) -> Extraction {
        extract(try SourceText(bytes: consume bytes, path: path, grammar: grammar, clock: clock), clock: clock)
    }

    /// Extracts from decoded text; a `clock` is given the time of each stage.
    public func extract(_ decoded: consuming SourceText, clock: StageClock? = nil) -> Extraction {
        // (The layout's text replaces the decoded one, which is let go here unless the caller keeps it.)
        let started = StageClock.now()
        let layout = LayoutReader(source: consume decoded, grammar: grammar).read()
        clock?.add("layout", Double(StageClock.now() - started) / 1e9)
        let source = layout.source
        // Only tokens that can start an amount are read.
        var tokens = clock.measure("tokenize") { Tokenizer.tokenize(source.chars, startingWith: grammar.amountStarts) }
        // (Only the scan's diagnostics are kept: its quantities live on in `quantities`. The tokens
        // are let go once scanned.)
        let (scanDiagnostics, quantities, dates) = clock.measure("quantities") {
            let scanned = QuantityScanner(source: source, grammar: grammar, layout: layout).scan(tokens)
            tokens = []
            let (merged, dates) = TableFigures.merged(scanned, layout: layout, source: source, grammar: grammar)
            return (scanned.diagnostics, ListUnits.completed(merged, source: source, grammar: grammar), dates)
        }
        let structure = clock.measure("structure") {
            StructureParser(source: source, grammar: grammar).parse(layout: layout, quantities: quantities)
        }
        let ((claims, tables), index) = clock.measure("claims") {
            // (The quantities are in text order; the text index and the cued amounts serve all three.)
            let extractor = ClaimExtractor(source: source, grammar: grammar, structure: structure, quantities: quantities)
            let tables = TableClaims(source: source, grammar: grammar, layout: layout, structure: structure, quantities: quantities,
                                     planAmounts: extractor.planAmounts).extract()
            var claims = extractor.extract(room: tables.claims.count)
            tables.merge(into: &claims)
            return ((claims, tables), extractor.index)
        }
        let checks = clock.measure("checks") {
            (Checker(source: source, grammar: grammar, structure: structure, claims: claims, quantities: quantities, index: index).run()
                + tables.checks).sorted { ($0.span?.start ?? -1) < ($1.span?.start ?? -1) }
        }

        var diagnostics = source.diagnostics + scanDiagnostics
        if source.original.isEmpty {
            diagnostics.append(Diagnostic(severity: .warning, message: "the input is empty", span: nil))
        } else if layout.lines.isEmpty {
            diagnostics.append(Diagnostic(severity: .warning, message: "the input has no text besides whitespace and boilerplate", span: nil))
        }
        diagnostics = Self.listed(diagnostics, in: source)
        let items = structure.itemCount
        var claimCounts = Extraction.ClaimCounts(consistent: 0, inconsistent: 0, unverifiable: 0)
        for claim in claims.claims {
            switch claim.status {
            case .consistent: claimCounts.consistent += 1
            case .inconsistent: claimCounts.inconsistent += 1
            case .unverifiable: claimCounts.unverifiable += 1
            }
        }
        var extraction = Extraction(
            schema: "bulletin/1",
            source: .init(path: source.path, sha256: source.sha256, encoding: source.encoding, length: source.original.count),
            title: structure.title, publisher: structure.publisher, published: structure.published,
            preamble: structure.preamble, sections: structure.sections, items: structure.looseItems,
            departments: structure.departments, quantities: quantities,
            dates: dates,
            claims: source.placing(claims.claims), checks: checks, diagnostics: diagnostics,
            summary: .init(
                sections: structure.sections.count, items: items, quantities: quantities.count,
                claims: claimCounts,
                checks: .init(
                    pass: checks.count { $0.status == .pass },
                    fail: checks.count { $0.status == .fail },
                    unverifiable: checks.count { $0.status == .unverifiable })))
        extraction.tables = layout.tables.map { TableGrid($0, layout: layout) }
        return extraction
    }

    /// The article of a document: its content lines as the layout finds them (boilerplate, page
    /// numbers and web chrome left out), in the original text, one per line.
    public func articleText(_ decoded: SourceText) -> String {
        let layout = LayoutReader(source: decoded, grammar: grammar).read()
        return layout.lines.map { layout.source.originalText($0.range) }.joined(separator: "\n")
    }

    /// The most diagnostics listed; the rest are counted in one more.
    static let diagnosticLimit = 100

    /// Diagnostics as the output lists them: each with a span names its line, and past
    /// `diagnosticLimit` one note counts the rest.
    static func listed(_ diagnostics: [Diagnostic], in source: SourceText) -> [Diagnostic] {
        guard !diagnostics.isEmpty else { return [] }
        let lines = LineIndex(source.original)
        var listed = diagnostics.prefix(diagnosticLimit).map { d in d.span.map { d.located(onLine: lines.line(of: $0.start)) } ?? d }
        if diagnostics.count > diagnosticLimit {
            listed.append(Diagnostic(severity: .note, message: "\(diagnostics.count - diagnosticLimit) more diagnostics not listed", span: nil))
        }
        return listed
    }
}
