import ArgumentParser
import Bulletin
import BulletinDataset
import BulletinReport
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an annotated HTML page per bulletin and an index.html for the set.",
        discussion: """
            Each page is self-contained (style and script inline, nothing loaded from the network): the text as \\
            published with quantities underlined, claims coloured by status, failed checks listed and flagged, and \\
            a panel explaining the selected claim. index.html lists the documents and charts the series the dataset \\
            links across them. A file that cannot be used is reported and the others are still written (exit status 2).
            """)

    @Argument(help: "Bulletins, or folders (read recursively for .txt, .text, .htm, .html files).")
    var paths: [String]

    @Option(name: .long, help: "The output folder (created when missing).")
    var out: String

    @OptionGroup var grammar: GrammarOption

    func run() throws {
        let extractor = Extractor(grammar: grammar.loadOrExit())
        let rules: DatasetRules
        do { rules = try DatasetRules.load(directory: grammar.grammar) } catch { fail("\(error)") }
        let files = paths.flatMap(BulletinFiles.listOrExit)
        if files.isEmpty { fail("no bulletins (.txt, .text, .htm, .html) in \(paths.joined(separator: ", "))") }
        var documents: [(extraction: Extraction, source: SourceText)] = []
        var unusable = false
        for file in files {
            do {
                let source = try readSource(file, grammar: extractor.grammar)
                let extraction = extractor.extract(source)
                reportDiagnostics(of: extraction)
                documents.append((extraction, source))
            } catch {
                report(error.message)
                unusable = true
            }
        }
        do { try ReportWriter(rules: rules).write(documents, into: out) } catch { fail("\(out): \(error.localizedDescription)") }
        if unusable { throw ExitCode(2) }
    }
}
