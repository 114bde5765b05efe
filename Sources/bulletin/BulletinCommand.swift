import ArgumentParser
import Bulletin
import BulletinDataset
import Foundation

/// `bulletin`: turns Chinese government progress bulletins into checked JSON.
@main
struct BulletinCommand: ParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Turn Chinese government progress bulletins into checked, machine-readable JSON.",
        discussion: "Exit status: 0 success; 1 a claim is inconsistent or a check fails (check); 2 unusable input or a usage error; 130 stopped by Ctrl-C.",
        version: "bulletin \(version) (output schema bulletin/1)",
        subcommands: [Extract.self, Check.self, Text.self, Stats.self, Dataset.self, Report.self]
    )

    /// Parses the command line and runs the command. A usage error exits with status 2, as input
    /// errors do (ArgumentParser's own status for it is 64).
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
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
        abstract: "Print the structure, quantities, claims and checks of one bulletin as JSON.",
        discussion: """
            With --jsonl, read a stream of documents on standard input instead, one JSON object per line, \
            {"id": …, "text": …} or {"id": …, "path": …}, and write one line per document in the same order: \
            {"id": …, "extraction": {…}} (the JSON of extract --compact) or {"id": …, "error": "reason"}. \
            Each line is flushed as it is written, so the command runs as a worker under GNU parallel --pipe, \
            xargs or Spark's RDD.pipe.
            """)

    @Argument(help: "A bulletin (UTF-8, UTF-16, GB18030/GBK or Big5 text, or a saved HTML page), or - for standard input.")
    var file: String?

    @OptionGroup var grammar: GrammarOption

    @Flag(help: "Print the JSON on one line.")
    var compact = false

    @Flag(help: "Read JSON Lines of documents on standard input and write a JSON line for each (worker mode).")
    var jsonl = false

    func validate() throws {
        if jsonl, file != nil { throw ValidationError("--jsonl reads standard input; give no FILE") }
        if !jsonl, file == nil { throw ValidationError("Missing expected argument '<file>'") }
    }

    func run() throws {
        let extractor = Extractor(grammar: grammar.loadOrExit())
        if jsonl {
            if !ExtractStream(extractor: extractor).run() { throw ExitCode(2) }
            return
        }
        let file = self.file ?? "-"
        let extraction: Extraction
        do { extraction = try extract(file, with: extractor) } catch { fail(error.message) }
        // The whole document is encoded before anything is printed: stdout gets complete JSON or nothing.
        let json = extraction.jsonBytes(pretty: !compact) + [0x0A]
        reportDiagnostics(of: extraction)
        FileHandle.standardOutput.write(Data(json))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a verdict table for each bulletin; exit 1 if any claim is inconsistent or any check fails.",
        discussion: "The where column is the line:column of the percentage or the check in the file's text (as `bulletin text FILE` prints it).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "Bulletins to check, or folders (read recursively for .txt, .text, .htm, .html, .docx, .xlsx and .pdf files; .doc, .xls and .wps are reported as needing conversion).")
    var paths: [String]

    @OptionGroup var grammar: GrammarOption

    @Flag(help: "List passing checks too, not only failures and unverifiable ones.")
    var all = false

    @Option(help: "table: a readable verdict table per file; json: one JSON document; csv: one row per claim and check.")
    var format: Format = .table

    @OptionGroup var jobs: JobsOption

    func run() throws {
        let extractor = Extractor(grammar: grammar.loadOrExit())
        let files = paths.flatMap(BulletinFiles.listOrKeep)
        if files.isEmpty { fail("no bulletins (.txt, .text, .htm, .html, .docx, .xlsx, .pdf) in \(paths.joined(separator: ", "))") }
        var failed = false
        var unusable = false
        var tables: [VerdictTable] = []
        // A file that cannot be used is reported and the others are still checked. Files are
        // extracted on every core and reported in order.
        try ParallelRun.run(count: files.count, jobs: jobs.jobs, stop: StopFlag(), work: { index -> Result<(SourceText, Extraction), InputFailure> in
            do throws(InputFailure) {
                let source = try readSource(files[index], grammar: extractor.grammar)
                return .success((source, extractor.extract(source)))
            } catch { return .failure(error) }
        }, consume: { _, outcome in
            guard case .success(let (source, extraction)) = outcome else {
                if case .failure(let error) = outcome { report(error.message) }
                unusable = true
                return
            }
            reportDiagnostics(of: extraction)
            let table = VerdictTable(extraction: extraction, source: source, grammar: extractor.grammar, showAll: all)
            if format == .table {
                if !tables.isEmpty { print("") }
                print(table.render())
            }
            tables.append(table)
            failed = failed || extraction.hasFailures
        })
        switch format {
        case .table: break
        case .json: print(VerdictTable.json(tables))
        case .csv: print(VerdictTable.csv(tables), terminator: "")
        }
        if unusable { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}

/// `--jobs N`: how many documents are extracted at once (default: one per core).
struct JobsOption: ParsableArguments {
    @Option(help: "Worker threads (default: one per core). The output is the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
