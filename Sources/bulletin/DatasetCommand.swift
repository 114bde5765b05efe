import ArgumentParser
import Bulletin
import BulletinDataset
import Dispatch
import Foundation

struct Dataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn many bulletins into a dataset: JSON Lines, CSV tables and a SQLite database, with series and targets linked across documents.",
        discussion: """
            Writes into the output folder extractions.jsonl (one extraction per line, the JSON of extract), \\
            documents.csv, sections.csv, items.csv, claims.csv, quantities.csv, checks.csv, series.csv, \\
            errors.csv, and bulletin.sqlite (the same tables; running again updates it: a document is keyed by \\
            the sha256 of its bytes, and a changed file replaces its rows). A file that cannot be read becomes \\
            an error row and the exit status is 2; Ctrl-C stops cleanly (status 130) and leaves the output \\
            folder as it was.
            """)

    @Argument(help: "Folders (read recursively for .txt, .text, .htm, .html, .docx, .xlsx and .pdf files; .doc, .xls and .wps are reported as needing conversion) or single files.")
    var paths: [String]

    @Option(name: .long, help: "The output folder (created when missing).")
    var out: String

    @Option(help: "Worker threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Start each CSV file with a byte order mark, so that Excel reads it as UTF-8.")
    var excel = false

    @OptionGroup var grammar: GrammarOption

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var builder = DatasetBuilder()
        builder.extractor = Extractor(grammar: grammar.loadOrExit())
        do { builder.rules = try DatasetRules.load(directory: grammar.grammar) } catch { fail("\(error)") }
        builder.jobs = jobs
        builder.excel = excel
        let files = paths.flatMap(BulletinFiles.listOrExit)
        if files.isEmpty { fail("no bulletins (.txt, .text, .htm, .html, .docx, .xlsx, .pdf) in \(paths.joined(separator: ", "))") }

        let stop = StopFlag()
        let interrupt = Interrupt.onControlC {
            stop.set()
            report("stopping: finishing the files under way; nothing is written")
        }
        let summary: DatasetSummary
        do {
            summary = try builder.build(files, into: out, stop: stop) { report($0.message) }
        } catch {
            fail("\(out): \(error)")
        }
        interrupt.cancel()
        if summary.stopped { throw ExitCode(130) }
        for duplicate in summary.duplicates { report("\(duplicate.message) (note)") }
        report("\(summary.documents) documents, \(summary.errors.count) errors, \(summary.claims) claims "
               + "(\(summary.linkedClaims) judged with a target from another document), \(summary.series) series "
               + "(\(summary.flagged) readings flagged) in \(out)")
        if !summary.errors.isEmpty { throw ExitCode(2) }
    }
}

/// Ctrl-C while a batch runs: the handler runs once, on a dispatch queue; a second Ctrl-C ends the
/// program at once.
enum Interrupt {
    static func onControlC(_ handler: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            handler()
            signal(SIGINT, SIG_DFL)
            source.cancel()
        }
        source.resume()
        return source
    }
}
