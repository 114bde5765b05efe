import ArgumentParser
import Bulletin
import Foundation

/// `bulletin`: turns Chinese government progress bulletins into checked JSON.
@main
struct BulletinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Turn Chinese government progress bulletins into checked, machine-readable JSON.",
        subcommands: [Extract.self, Check.self, Text.self, Stats.self]
    )
}

/// Options shared by the subcommands.
struct GrammarOption: ParsableArguments {
    @Option(name: .long, help: "A directory of grammar files overriding the built-in ones (files it lacks come from the built-in grammar).")
    var grammar: String?

    /// The grammar to use; a grammar directory that cannot be read ends the program (status 2).
    func loadOrExit() -> Grammar {
        guard let grammar else { return .builtIn }
        do {
            return try Grammar(directory: grammar)
        } catch {
            fail("\(error)")
        }
    }
}

/// An input that cannot be used, with the name it is reported under ("<stdin>" for "-").
struct InputFailure: Error {
    let file: String
    let error: InputError

    /// `FILE:LINE: reason`, or `FILE: reason` when no line applies.
    var message: String {
        if case .unreadable(let path, let reason) = error { return "\(path): \(reason)" }
        return "\(file)\(error.line.map { ":\($0)" } ?? ""): \(error.reason)"
    }
}

/// The name an input is reported under.
func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

/// Reads and decodes a file, or standard input for "-".
func readSource(_ path: String, grammar: Grammar) throws(InputFailure) -> SourceText {
    do {
        let bytes = path == "-" ? try InputFile.readStandardInput() : try InputFile.read(path)
        return try SourceText(bytes: bytes, path: displayName(path), grammar: grammar)
    } catch {
        throw InputFailure(file: displayName(path), error: error)
    }
}

/// Reads and extracts a file, or standard input for "-".
func extract(_ path: String, with extractor: Extractor) throws(InputFailure) -> Extraction {
    extractor.extract(try readSource(path, grammar: extractor.grammar))
}

/// Prints one line on standard error: `bulletin: message`.
func report(_ message: String) {
    FileHandle.standardError.write(Data("bulletin: \(message)\n".utf8))
}

/// Prints the extraction's diagnostics on standard error, one line each:
/// `bulletin: FILE:LINE: warning: reason`.
func reportDiagnostics(of extraction: Extraction) {
    report(extraction.diagnostics, of: extraction.source.path)
}

/// Prints diagnostics of the input `path`, one line each.
func report(_ diagnostics: [Diagnostic], of path: String) {
    for diagnostic in diagnostics {
        let place = path + (diagnostic.line.map { ":\($0)" } ?? "")
        report("\(place): \(diagnostic.severity.rawValue): \(diagnostic.reason)")
    }
}

func fail(_ message: String) -> Never {
    report(message)
    exit(2)
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the structure, quantities, claims and checks of one bulletin as JSON.")

    @Argument(help: "A bulletin (UTF-8, UTF-16, GB18030/GBK or Big5 text, or a saved HTML page), or - for standard input.")
    var file: String

    @OptionGroup var grammar: GrammarOption

    @Flag(help: "Print the JSON on one line.")
    var compact = false

    func run() throws {
        let extractor = Extractor(grammar: grammar.loadOrExit())
        let extraction: Extraction
        do { extraction = try extract(file, with: extractor) } catch { fail(error.message) }
        // The whole document is encoded before anything is printed: stdout gets complete JSON or nothing.
        let json: String
        do { json = try extraction.json(pretty: !compact) } catch { fail("\(displayName(file)): cannot encode the output: \(error)") }
        reportDiagnostics(of: extraction)
        print(json)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a verdict table for each bulletin; exit 1 if any claim is inconsistent or any check fails.")

    @Argument(help: "Bulletins to check.")
    var files: [String]

    @OptionGroup var grammar: GrammarOption

    @Flag(help: "List passing checks too, not only failures and unverifiable ones.")
    var all = false

    func run() throws {
        let extractor = Extractor(grammar: grammar.loadOrExit())
        var failed = false
        var unusable = false
        var printed = 0
        // A file that cannot be used is reported and the others are still checked.
        for file in files {
            let extraction: Extraction
            do {
                extraction = try extract(file, with: extractor)
            } catch {
                report(error.message)
                unusable = true
                continue
            }
            reportDiagnostics(of: extraction)
            if printed > 0 { print("") }
            printed += 1
            print(VerdictTable(extraction: extraction, showAll: all).render())
            failed = failed || extraction.hasFailures
        }
        if unusable { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}
