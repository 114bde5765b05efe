import Bulletin
import Foundation

/// Builds a dataset from many bulletins: extracts them in parallel, then writes into the output
/// folder `extractions.jsonl`, one CSV file per table and `bulletin.sqlite`, with the series and
/// targets linked across documents. Everything is written into a staging folder inside the output
/// folder and renamed into place at the end, so an interrupted run leaves the previous dataset as
/// it was.
public struct DatasetBuilder: Sendable {
    public var extractor = Extractor()
    public var rules = DatasetRules.builtIn
    /// Worker threads; by default one per core.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Start each CSV file with a byte order mark, for Excel.
    public var excel = false
    public var showProgress = isatty(STDERR_FILENO) != 0

    public static let jsonLines = "extractions.jsonl"
    public static let database = "bulletin.sqlite"
    static let csvTables = [DatasetTables.documents, DatasetTables.sections, DatasetTables.items, DatasetTables.claims,
                            DatasetTables.quantities, DatasetTables.checks, DatasetTables.series, DatasetTables.errors]

    public init() {}

    /// Builds the dataset of `files` into the folder `output` (created when missing). A file that
    /// cannot be read or is not text becomes an error row; the others complete.
    public func build(_ files: [String], into output: String, stop: StopFlag = StopFlag(),
                      onError: (FileError) -> Void = { _ in }) throws -> DatasetSummary {
        let out = URL(fileURLWithPath: output, isDirectory: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let staging = out.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: staging) }

        let existing = out.appendingPathComponent(Self.database)
        if FileManager.default.fileExists(atPath: existing.path) {
            try FileManager.default.copyItem(at: existing, to: staging.appendingPathComponent(Self.database))
        }
        var writer = try DatasetWriter(folder: staging, excel: excel)
        var summary = DatasetSummary(files: files.count)
        let progress = ProgressBar(total: files.count, enabled: showProgress)
        let extractor = self.extractor, rules = self.rules
        try ParallelRun.run(count: files.count, jobs: jobs, stop: stop, work: { index in
            FileOutcome.process(files[index], extractor: extractor, rules: rules)
        }, consume: { index, outcome in
            switch outcome {
            case .document(let document):
                if let first = writer.firstPath(of: document.rows.id) {
                    summary.duplicates.append(FileError(path: files[index], reason: "the same bytes as \(first); left out"))
                } else {
                    try writer.add(document)
                    summary.documents += 1
                }
            case .failure(let error):
                progress.clear()
                onError(error)
                try writer.add(error)
                summary.errors.append(error)
            }
            progress.update(index + 1)
        })
        progress.clear()
        if stop.isSet {
            summary.stopped = true
            return summary
        }
        let links = DatasetLinker(rules: rules).link(writer.facts)
        try writer.finish(links)
        summary.claims = writer.claimCount
        summary.linkedClaims = links.claims.count
        summary.series = Set(links.series.map(\.series)).count
        summary.flagged = links.series.filter { !$0.flags.isEmpty }.count
        // Stopped while the tables were finished: the previous dataset stays as it was.
        summary.stopped = stop.isSet
        if !summary.stopped { try Self.move(from: staging, to: out) }
        return summary
    }

    /// Renames each finished file over its old version.
    static func move(from staging: URL, to out: URL) throws {
        let names = [jsonLines, database] + csvTables.map { "\($0.name).csv" }
        for name in names {
            let target = out.appendingPathComponent(name)
            if rename(staging.appendingPathComponent(name).path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        }
    }
}

/// A file left out of a dataset, with the reason (`FILE:LINE: reason`).
public struct FileError: Error, Sendable {
    public let path: String
    public let reason: String
    public var message: String { reason.hasPrefix(path) ? reason : "\(path): \(reason)" }
}

/// What a dataset run did.
public struct DatasetSummary: Sendable {
    public let files: Int
    public var documents = 0
    public var errors: [FileError] = []
    /// Files whose bytes equal an earlier file's, left out.
    public var duplicates: [FileError] = []
    public var claims = 0
    /// Claims judged with a target from another document.
    public var linkedClaims = 0
    public var series = 0
    /// Series points with a flag.
    public var flagged = 0
    /// Whether the run was stopped (Ctrl-C) before it finished; nothing was written.
    public var stopped = false
}

/// What a worker makes of one file: the document's JSON line, rows and facts, or the reason it
/// could not be read.
enum FileOutcome: Sendable {
    case document(ProcessedDocument)
    case failure(FileError)

    static func process(_ path: String, extractor: Extractor, rules: DatasetRules) -> FileOutcome {
        let source: SourceText
        do {
            source = try SourceText(bytes: try InputFile.read(path), path: path, grammar: extractor.grammar)
        } catch {
            if case .unreadable(_, let reason) = error { return .failure(FileError(path: path, reason: reason)) }
            return .failure(FileError(path: path, reason: "\(path)\(error.line.map { ":\($0)" } ?? ""): \(error.reason)"))
        }
        let extraction = extractor.extract(source)
        do {
            let facts = DocumentFacts(extraction: extraction, source: source, rules: rules)
            let rows = DocumentRows(extraction: extraction, facts: facts)
            let line = Data(extraction.json(pretty: false).utf8) + [0x0A]
            let claims = try rows.claims.indices.map { try CSVText.encode([rows.claimRow($0, link: nil)]) }
            return .document(ProcessedDocument(jsonLine: line, rows: rows, facts: facts, csv: try rows.encodedCSV(), claimCSV: claims))
        } catch {
            return .failure(FileError(path: path, reason: "cannot encode the output: \(error)"))
        }
    }
}

/// One document ready to be written.
struct ProcessedDocument: Sendable {
    let jsonLine: Data
    let rows: DocumentRows
    let facts: DocumentFacts
    /// The rows of each table but claims as CSV, with their count, by table name.
    let csv: [String: (data: Data, count: Int)]
    /// Each claim's CSV row as the document alone judges it.
    let claimCSV: [Data]
}

extension DocumentRows {
    /// The CSV of every table whose rows are final once the document is extracted.
    func encodedCSV() throws -> [String: (data: Data, count: Int)] {
        var encoded: [String: (Data, Int)] = [:]
        for (name, rows) in [("documents", documents), ("sections", sections), ("items", items),
                             ("quantities", quantities), ("checks", checks)] {
            encoded[name] = (try CSVText.encode(rows), rows.count)
        }
        return encoded
    }
}
