import CSQLite

/// A value of a table cell, for SQLite and CSV alike.
public enum CellValue: Sendable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    /// The value as a CSV field: empty for null, numbers without a trailing ".0".
    var csv: String {
        switch self {
        case .null: return ""
        case .integer(let n): return String(n)
        case .real(let x):
            if x.isNaN || x.isInfinite { return x.isNaN ? "NaN" : (x > 0 ? "Infinity" : "-Infinity") }
            return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .text(let s): return s
        }
    }
}

extension Optional where Wrapped == String {
    var cell: CellValue { map { .text($0) } ?? .null }
}

extension Optional where Wrapped == Int {
    var cell: CellValue { map { .integer($0) } ?? .null }
}

extension Optional where Wrapped == Double {
    var cell: CellValue { map { .real($0) } ?? .null }
}

/// A SQLite error with the statement or file it came from.
public struct SQLiteError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A connection to a SQLite database file, through SQLite's C API. One thread uses it at a time.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String

    init(path: String) throws {
        self.path = path
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            throw SQLiteError(message: "\(path): \(reason)")
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs statements that take no parameters.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let reason = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw SQLiteError(message: "\(path): \(reason) in: \(sql.prefix(80))")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(message: "\(path): \(String(cString: sqlite3_errmsg(handle))) in: \(sql.prefix(80))")
        }
        return Statement(handle: statement, database: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// A prepared statement: bind the values, step, reset.
    final class Statement {
        private let handle: OpaquePointer
        private unowned let database: SQLiteDatabase
        /// SQLite copies bound text (SQLITE_TRANSIENT, which Swift cannot import as a macro).
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(handle: OpaquePointer, database: SQLiteDatabase) {
            self.handle = handle
            self.database = database
        }

        deinit { sqlite3_finalize(handle) }

        /// Binds `values` to the parameters in order and runs the statement to its end.
        func run(_ values: [CellValue]) throws {
            try bind(values)
            defer { sqlite3_reset(handle) }
            var status = sqlite3_step(handle)
            while status == SQLITE_ROW { status = sqlite3_step(handle) }
            guard status == SQLITE_DONE else { throw SQLiteError(message: "\(database.path): \(database.lastError)") }
        }

        /// Binds `values` and returns every row, each as its columns.
        func rows(_ values: [CellValue] = []) throws -> [[CellValue]] {
            try bind(values)
            defer { sqlite3_reset(handle) }
            var rows: [[CellValue]] = []
            var status = sqlite3_step(handle)
            while status == SQLITE_ROW {
                rows.append((0..<sqlite3_column_count(handle)).map(column))
                status = sqlite3_step(handle)
            }
            guard status == SQLITE_DONE else { throw SQLiteError(message: "\(database.path): \(database.lastError)") }
            return rows
        }

        private func bind(_ values: [CellValue]) throws {
            sqlite3_clear_bindings(handle)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let status: Int32
                switch value {
                case .null: status = sqlite3_bind_null(handle, index)
                case .integer(let n): status = sqlite3_bind_int64(handle, index, sqlite3_int64(n))
                case .real(let x): status = sqlite3_bind_double(handle, index, x)
                case .text(let s): status = sqlite3_bind_text(handle, index, s, -1, Self.transient)
                }
                guard status == SQLITE_OK else { throw SQLiteError(message: "\(database.path): \(database.lastError)") }
            }
        }

        private func column(_ index: Int32) -> CellValue {
            switch sqlite3_column_type(handle, index) {
            case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(handle, index)))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
            case SQLITE_NULL: return .null
            default: return .text(String(cString: sqlite3_column_text(handle, index)))
            }
        }
    }
}
