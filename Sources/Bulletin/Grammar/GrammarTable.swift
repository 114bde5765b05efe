/// A problem in a grammar file, naming the file and line.
public struct GrammarError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// One grammar file: tab-separated, `#` comments, a header row naming the columns.
struct GrammarTable {
    struct Row {
        let line: Int
        let fields: [String: String]
        subscript(column: String) -> String { fields[column] ?? "" }
    }

    let file: String
    let columns: [String]
    let rows: [Row]

    init(file: String, text: String, requiredColumns: [String]) throws {
        self.file = file
        var columns: [String]? = nil
        var rows: [Row] = []
        // (Split on the bytes of line feed and tab: a grammar's separators are never part of a
        // character, and a CRLF line loses its CR.)
        for (index, rawLine) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard let header = columns else {
                for required in requiredColumns where !cells.contains(required) {
                    throw GrammarError(file: file, line: index + 1, reason: "header lacks column '\(required)'")
                }
                columns = cells
                continue
            }
            if cells.count > header.count {
                throw GrammarError(file: file, line: index + 1,
                                   reason: "\(cells.count) cells but the header names \(header.count) columns")
            }
            var fields: [String: String] = [:]
            for (column, cell) in zip(header, cells) { fields[column] = cell }
            if (fields[header[0]] ?? "").isEmpty {
                throw GrammarError(file: file, line: index + 1, reason: "empty '\(header[0])'")
            }
            rows.append(Row(line: index + 1, fields: fields))
        }
        guard let header = columns else {
            throw GrammarError(file: file, line: 1, reason: "no header row")
        }
        self.columns = header
        self.rows = rows
    }

    func error(_ row: Row, _ reason: String) -> GrammarError {
        GrammarError(file: file, line: row.line, reason: reason)
    }
}
