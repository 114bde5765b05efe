/// A table of the dataset: its columns with their SQL types, key, links to other tables and the
/// columns people filter by. The same columns go to the CSV file and to SQLite.
public struct TableSchema: Sendable {
    public let name: String
    public let columns: [(name: String, type: String)]
    let primaryKey: [String]
    let foreignKeys: [String]
    let indexes: [[String]]

    public var columnNames: [String] { columns.map(\.name) }

    /// The statements that add the columns a table made by an earlier version lacks (`existing`:
    /// the names it has). Columns are only ever added at the end, and only ones that may be null.
    func addColumnStatements(existing: Set<String>) -> [String] {
        columns.filter { !existing.contains($0.name) }.map { "ALTER TABLE \(name) ADD COLUMN \($0.name) \($0.type)" }
    }

    var createStatement: String {
        let body = columns.map { "\($0.name) \($0.type)" } + ["PRIMARY KEY (\(primaryKey.joined(separator: ", ")))"] + foreignKeys
        return "CREATE TABLE IF NOT EXISTS \(name) (\n  " + body.joined(separator: ",\n  ") + "\n)"
    }

    var indexStatements: [String] {
        indexes.map { "CREATE INDEX IF NOT EXISTS \(name)_\($0.joined(separator: "_")) ON \(name) (\($0.joined(separator: ", ")))" }
    }

    var insertStatement: String {
        "INSERT OR REPLACE INTO \(name) (\(columnNames.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
    }
}

/// The tables of a dataset, in the order they are created (a table after those it refers to).
public enum DatasetTables {
    static let cascade = "REFERENCES documents (id) ON DELETE CASCADE"

    public static let documents = TableSchema(
        name: "documents",
        columns: [("id", "TEXT NOT NULL"), ("path", "TEXT NOT NULL"), ("title", "TEXT"), ("publisher", "TEXT"),
                  ("published", "TEXT"), ("issuer", "TEXT"), ("year", "INTEGER"), ("date", "TEXT"), ("encoding", "TEXT"),
                  ("length", "INTEGER"), ("sections", "INTEGER"), ("items", "INTEGER"), ("quantities", "INTEGER"),
                  ("claims_consistent", "INTEGER"), ("claims_inconsistent", "INTEGER"), ("claims_unverifiable", "INTEGER"),
                  ("checks_pass", "INTEGER"), ("checks_fail", "INTEGER"), ("checks_unverifiable", "INTEGER"),
                  ("diagnostics", "INTEGER")],
        primaryKey: ["id"], foreignKeys: [], indexes: [["path"], ["issuer", "year"], ["date"]])

    public static let sections = TableSchema(
        name: "sections",
        columns: [("document_id", "TEXT NOT NULL \(cascade)"), ("id", "INTEGER NOT NULL"), ("parent_id", "INTEGER"),
                  ("number", "INTEGER"), ("level", "INTEGER"), ("marker", "TEXT"), ("style", "TEXT"), ("title", "TEXT"),
                  ("start", "INTEGER"), ("end", "INTEGER")],
        primaryKey: ["document_id", "id"], foreignKeys: [], indexes: [["document_id", "number"]])

    public static let items = TableSchema(
        name: "items",
        columns: [("document_id", "TEXT NOT NULL \(cascade)"), ("id", "INTEGER NOT NULL"), ("section_id", "INTEGER"),
                  ("parent_id", "INTEGER"), ("number", "INTEGER"), ("marker", "TEXT"), ("style", "TEXT"), ("label", "TEXT"),
                  ("title", "TEXT"), ("start", "INTEGER"), ("end", "INTEGER")],
        primaryKey: ["document_id", "id"],
        foreignKeys: ["FOREIGN KEY (document_id, section_id) REFERENCES sections (document_id, id) ON DELETE CASCADE"],
        indexes: [["document_id", "section_id"]])

    public static let claims = TableSchema(
        name: "claims",
        columns: [("document_id", "TEXT NOT NULL \(cascade)"), ("id", "INTEGER NOT NULL"), ("section_id", "INTEGER"),
                  ("item_id", "INTEGER"), ("section", "INTEGER"), ("subsection", "INTEGER"), ("item", "INTEGER"),
                  ("department", "TEXT"), ("block", "TEXT"), ("subject", "TEXT"),
                  ("actual_text", "TEXT"), ("actual_value", "REAL"), ("actual_unit", "TEXT"),
                  ("target_text", "TEXT"), ("target_value", "REAL"), ("target_unit", "TEXT"), ("target_source", "TEXT"),
                  ("target_document_id", "TEXT REFERENCES documents (id) ON DELETE SET NULL"), ("confidence", "TEXT"),
                  ("reported_text", "TEXT"), ("percent", "REAL"), ("basis", "TEXT"), ("phrase", "TEXT"),
                  ("computed", "REAL"), ("computed_low", "REAL"), ("computed_high", "REAL"), ("implied_target", "REAL"),
                  ("status", "TEXT NOT NULL"), ("reason", "TEXT"), ("document_status", "TEXT NOT NULL"),
                  ("start", "INTEGER"), ("end", "INTEGER"), ("rules", "TEXT"), ("place", "TEXT")],
        primaryKey: ["document_id", "id"],
        foreignKeys: ["FOREIGN KEY (document_id, section_id) REFERENCES sections (document_id, id) ON DELETE CASCADE",
                      "FOREIGN KEY (document_id, item_id) REFERENCES items (document_id, id) ON DELETE CASCADE"],
        indexes: [["status"], ["basis"], ["subject"], ["target_document_id"]])

    public static let quantities = TableSchema(
        name: "quantities",
        columns: [("document_id", "TEXT NOT NULL \(cascade)"), ("id", "INTEGER NOT NULL"), ("text", "TEXT"), ("value", "REAL"),
                  ("unit", "TEXT"), ("kind", "TEXT"), ("approx", "TEXT"), ("step", "REAL"), ("upper", "REAL"),
                  ("start", "INTEGER"), ("end", "INTEGER")],
        primaryKey: ["document_id", "id"], foreignKeys: [], indexes: [["unit"], ["kind"]])

    public static let checks = TableSchema(
        name: "checks",
        columns: [("document_id", "TEXT NOT NULL \(cascade)"), ("id", "INTEGER NOT NULL"), ("rule", "TEXT"), ("status", "TEXT"),
                  ("message", "TEXT"), ("start", "INTEGER"), ("end", "INTEGER")],
        primaryKey: ["document_id", "id"], foreignKeys: [], indexes: [["status"], ["rule"]])

    public static let series = TableSchema(
        name: "series",
        columns: [("series", "TEXT NOT NULL"), ("issuer", "TEXT"), ("subject", "TEXT"), ("unit_family", "TEXT"),
                  ("document_id", "TEXT NOT NULL \(cascade)"), ("claim_id", "INTEGER NOT NULL"), ("date", "TEXT"),
                  ("unit", "TEXT"), ("actual", "REAL"), ("target", "REAL"), ("percent", "REAL"), ("flags", "TEXT"),
                  ("flag_reason", "TEXT")],
        primaryKey: ["series", "document_id", "claim_id"],
        foreignKeys: ["FOREIGN KEY (document_id, claim_id) REFERENCES claims (document_id, id) ON DELETE CASCADE"],
        indexes: [["issuer", "subject"], ["document_id"], ["flags"]])

    public static let errors = TableSchema(
        name: "errors",
        columns: [("path", "TEXT NOT NULL"), ("reason", "TEXT NOT NULL")],
        primaryKey: ["path"], foreignKeys: [], indexes: [])

    public static let all = [documents, sections, items, claims, quantities, checks, series, errors]
}
