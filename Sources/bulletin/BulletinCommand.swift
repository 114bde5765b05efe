import ArgumentParser
import Bulletin
import Foundation

/// `bulletin`: turns Chinese government progress bulletins into checked JSON.
@main
struct BulletinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Turn Chinese government progress bulletins into checked, machine-readable JSON.",
        subcommands: [Extract.self, Check.self]
    )
}

/// Options shared by the subcommands.
struct GrammarOption: ParsableArguments {
    @Option(name: .long, help: "A directory of grammar files overriding the built-in ones (files it lacks come from the built-in grammar).")
    var grammar: String?

    func load() throws -> Grammar {
        guard let grammar else { return .builtIn }
        do {
            return try Grammar(directory: grammar)
        } catch {
            throw UsageFailure(message: "\(error)")
        }
    }
}

/// A problem with the input or the command line: printed as one line, exit status 2.
struct UsageFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Reads a file or standard input ("-").
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UsageFailure(message: "\(path): no such file")
    }
    if isDirectory.boolValue { throw UsageFailure(message: "\(path): is a directory, not a file") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw UsageFailure(message: "\(path): cannot be read (permission denied?)")
    }
    return Array(data)
}

func extract(_ path: String, with extractor: Extractor) throws -> Extraction {
    let bytes = try readInput(path)
    do {
        return try extractor.extract(bytes: bytes, path: path == "-" ? "<stdin>" : path)
    } catch {
        throw UsageFailure(message: "\(path == "-" ? "<stdin>" : path): \(error)")
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bulletin: \(message)\n".utf8))
    exit(2)
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the structure, quantities, claims and checks of one bulletin as JSON.")

    @Argument(help: "A bulletin (UTF-8, GB18030/GBK or Big5 text), or - for standard input.")
    var file: String

    @OptionGroup var grammar: GrammarOption

    @Flag(help: "Print the JSON on one line.")
    var compact = false

    func run() throws {
        do {
            let extraction = try extract(file, with: Extractor(grammar: try grammar.load()))
            print(try extraction.json(pretty: !compact))
        } catch let failure as UsageFailure {
            fail(failure.message)
        }
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
        let extractor: Extractor
        do { extractor = Extractor(grammar: try grammar.load()) } catch let failure as UsageFailure { fail(failure.message) }
        var failed = false
        var unusable = false
        for (n, file) in files.enumerated() {
            let extraction: Extraction
            do {
                extraction = try extract(file, with: extractor)
            } catch let failure as UsageFailure {
                FileHandle.standardError.write(Data("bulletin: \(failure.message)\n".utf8))
                unusable = true
                continue
            }
            if n > 0 { print("") }
            print(VerdictTable(extraction: extraction, showAll: all).render())
            failed = failed || extraction.hasFailures
        }
        if unusable { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}
