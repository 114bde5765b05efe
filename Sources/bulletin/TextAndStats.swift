import ArgumentParser
import Bulletin
import BulletinDataset
import Foundation

struct Text: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the decoded text that spans point into (for an HTML page, the plain text of its article).")

    @Argument(help: "A bulletin (text or a saved HTML page), or - for standard input.")
    var file: String

    @OptionGroup var grammar: GrammarOption

    func run() throws {
        let source: SourceText
        do { source = try readSource(file, grammar: grammar.loadOrExit()) } catch { fail(error.message) }
        report(source.listedDiagnostics, of: source.path)
        FileHandle.standardOutput.write(Data(String(String.UnicodeScalarView(source.original)).utf8))
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report on a folder of bulletins: structure, quantities, claims by basis and status, checks by status, documents without claims.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "Folders (read recursively for .txt, .text, .htm, .html, .docx, .xlsx and .pdf files; .doc, .xls and .wps are reported as needing conversion) or single files.")
    var paths: [String]

    @OptionGroup var grammar: GrammarOption

    @Option(help: "table: the counts and one line per document; json: the same as one JSON document; csv: one row per document.")
    var format: Format = .table

    @OptionGroup var jobs: JobsOption

    func run() throws {
        let extractor = Extractor(grammar: grammar.loadOrExit())
        let files = paths.flatMap(BulletinFiles.listOrExit)
        if files.isEmpty { fail("no bulletins (.txt, .text, .htm, .html, .docx, .xlsx, .pdf) in \(paths.joined(separator: ", "))") }
        var corpus = CorpusReport()
        let progress = Progress(total: files.count)
        // Documents are extracted on every core and added in file order.
        try ParallelRun.run(count: files.count, jobs: jobs.jobs, stop: StopFlag(), work: { index -> Result<Extraction, InputFailure> in
            do throws(InputFailure) { return .success(try extract(files[index], with: extractor)) } catch { return .failure(error) }
        }, consume: { index, outcome in
            progress.show(index, files[index])
            switch outcome {
            case .success(let extraction): corpus.add(extraction)
            case .failure(let error):
                progress.clear()
                report(error.message)
                corpus.addUnreadable(files[index])
            }
        })
        progress.clear()
        switch format {
        case .table: print(corpus.render())
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                print(String(decoding: try encoder.encode(corpus), as: UTF8.self))
            } catch {
                fail("cannot encode the report: \(error)")
            }
        case .csv: print(corpus.csv(), terminator: "")
        }
        if !corpus.unreadable.isEmpty { throw ExitCode(2) }
    }
}

extension BulletinFiles {
    /// The files of a folder; a path that does not exist or cannot be listed ends the program (status 2).
    static func listOrExit(_ path: String) -> [String] {
        do { return try list(path) } catch { fail(error.description) }
    }

    /// The files of a folder, or the path itself when it is not a folder (a missing file is then
    /// reported with the others' verdicts).
    static func listOrKeep(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        return listOrExit(path)
    }
}

/// "[3/120] path" on standard error while a batch runs, when standard error is a terminal.
struct Progress {
    let total: Int
    let enabled = isatty(STDERR_FILENO) != 0

    func show(_ index: Int, _ file: String) {
        guard enabled, total > 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(total)] \(file)".utf8))
    }

    func clear() {
        guard enabled, total > 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
