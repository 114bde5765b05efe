import Bulletin
import Foundation

/// Writes the documents of a run, in order, into the staging folder: the JSON Lines file, the CSV
/// tables and the SQLite database (in one transaction). Claims and series wait for `finish`, when
/// the targets and series across documents are known.
struct DatasetWriter {
    private let jsonLines: FileHandle
    private var csv: [String: CSVTableFile] = [:]
    private let database: SQLiteDatabase
    private var inserts: [String: SQLiteDatabase.Statement] = [:]
    private let deleteDocument: SQLiteDatabase.Statement
    private let deleteError: SQLiteDatabase.Statement
    private var pathsByID: [String: String] = [:]
    private(set) var facts: [DocumentFacts] = []
    /// The documents' claims and their CSV rows, for `finish` to judge anew across documents.
    private var claims: [(rows: DocumentRows, csv: [Data])] = []
    private(set) var claimCount = 0

    init(folder: URL, excel: Bool) throws {
        let jsonURL = folder.appendingPathComponent(DatasetBuilder.jsonLines)
        _ = FileManager.default.createFile(atPath: jsonURL.path, contents: nil)
        jsonLines = try FileHandle(forWritingTo: jsonURL)
        for table in DatasetBuilder.csvTables {
            csv[table.name] = try CSVTableFile(table, in: folder, excel: excel)
        }
        database = try SQLiteDatabase(path: folder.appendingPathComponent(DatasetBuilder.database).path)
        try database.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -65536")
        for table in DatasetTables.all {
            try database.execute(table.createStatement)
            // A dataset made by an earlier version gets the columns added since.
            let existing = try database.prepare("SELECT name FROM pragma_table_info(?1)").rows([.text(table.name)])
                .compactMap { if case .text(let name) = $0.first { name } else { nil } }
            for statement in table.addColumnStatements(existing: Set(existing)) { try database.execute(statement) }
            for index in table.indexStatements { try database.execute(index) }
            inserts[table.name] = try database.prepare(table.insertStatement)
        }
        deleteDocument = try database.prepare("DELETE FROM documents WHERE id = ?1 OR path = ?2")
        deleteError = try database.prepare("DELETE FROM errors WHERE path = ?1")
        try database.execute("BEGIN")
    }

    /// The path of the document of this run with the sha256 `id`, if one was added.
    func firstPath(of id: String) -> String? { pathsByID[id] }

    /// Adds a document: its JSON line, its CSV rows, and its rows in the database, replacing the
    /// rows of the same bytes or of an earlier version of the same file.
    mutating func add(_ document: ProcessedDocument) throws {
        let r = document.rows
        pathsByID[r.id] = document.facts.path
        try jsonLines.write(contentsOf: document.jsonLine)
        for (name, chunk) in document.csv { try csv[name]!.append(chunk.data, count: chunk.count) }
        try deleteDocument.run([.text(r.id), .text(document.facts.path)])
        try deleteError.run([.text(document.facts.path)])
        for (name, table) in [("documents", r.documents), ("sections", r.sections), ("items", r.items),
                              ("quantities", r.quantities), ("checks", r.checks)] {
            for row in table { try inserts[name]!.run(row) }
        }
        for index in r.claims.indices { try inserts["claims"]!.run(r.claimRow(index, link: nil)) }
        facts.append(document.facts)
        // Only the claims are kept for `finish`; the other rows are written.
        var kept = r
        (kept.documents, kept.sections, kept.items, kept.quantities, kept.checks) = ([], [], [], [], [])
        claims.append((kept, document.claimCSV))
    }

    /// Adds an error row; the file's rows from an earlier run go.
    mutating func add(_ error: FileError) throws {
        let row: [CellValue] = [.text(error.path), .text(error.message)]
        try csv["errors"]!.append([row])
        try deleteDocument.run([.null, .text(error.path)])
        try inserts["errors"]!.run(row)
    }

    /// Writes the claims (judged anew where another document gives the target) and the series,
    /// commits the database and closes every file.
    mutating func finish(_ links: DatasetLinks) throws {
        // The CSV of the claims judged anew and of the series is made on every core, in order.
        var relinked: [(document: Int, claim: Int, row: [CellValue])] = []
        for (number, (document, _)) in claims.enumerated() {
            for index in document.claims.indices {
                guard let link = links.claims[ClaimKey(document: document.id, claim: index)] else { continue }
                relinked.append((number, index, document.claimRow(index, link: link)))
            }
        }
        var replaced: [Int: [Int: Data]] = [:]
        for (claim, line) in zip(relinked, try CSVText.encode(groups: relinked.map { [$0.row] })) {
            try inserts["claims"]!.run(claim.row)
            replaced[claim.document, default: [:]][claim.claim] = line
        }
        var data = Data()
        for (number, (_, lines)) in claims.enumerated() {
            for (index, line) in lines.enumerated() { data.append(replaced[number]?[index] ?? line) }
            claimCount += lines.count
        }
        try csv["claims"]!.append(data, count: claimCount)
        let seriesRows: [[CellValue]] = links.series.map { p in
            [.text("\(p.issuer) · \(p.indicator.subject) · \(p.indicator.family)"), .text(p.issuer), .text(p.indicator.subject),
             .text(p.indicator.family), .text(p.document), .integer(p.claim + 1), .text(p.date), .text(p.unit),
             p.actual.cell, p.target.cell, .real(p.percent),
             p.flags.isEmpty ? .null : .text(p.flags.map(\.rawValue).joined(separator: " ")), p.flagReason.cell]
        }
        let chunks = stride(from: 0, to: seriesRows.count, by: 512).map { Array(seriesRows[$0..<min($0 + 512, seriesRows.count)]) }
        for (chunk, encoded) in zip(chunks, try CSVText.encode(groups: chunks)) {
            try csv["series"]!.append(encoded, count: chunk.count)
        }
        for row in seriesRows { try inserts["series"]!.run(row) }
        try database.execute("COMMIT")
        inserts = [:]
        try jsonLines.synchronize()
        try jsonLines.close()
        for file in csv.values { try file.close() }
    }
}
