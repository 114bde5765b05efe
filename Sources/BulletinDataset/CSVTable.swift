import CSV
import Dispatch
import Foundation
import Synchronization

/// CSV text through the CSV library (RFC 4180 quoting: a field holding a comma, quote or line
/// break is quoted, quotes doubled), UTF-8, LF line ends.
public enum CSVText {
    /// `rows` as CSV lines, each ending in a line break.
    public static func encode(_ rows: [[String]]) throws -> Data {
        guard !rows.isEmpty else { return Data() }
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        // Copied out of the NSData in one piece (bridging it as Data walks it byte by byte).
        guard let written = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? NSData else {
            throw CSVError.cannotWriteStream
        }
        var data = Data(bytes: written.bytes, count: written.length)
        data.append(0x0A)
        return data
    }

    static func encode(_ rows: [[CellValue]]) throws -> Data {
        try encode(rows.map { $0.map(\.csv) })
    }

    /// The CSV of each group of rows, made on every core; in the order given.
    static func encode(groups: [[[CellValue]]]) throws -> [Data] {
        let results = Mutex<[Int: Result<Data, Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let result = Result { try encode(groups[index]) }
            results.withLock { $0[index] = result }
        }
        let all = results.withLock { $0 }
        return try groups.indices.map { try all[$0]!.get() }
    }
}

/// One CSV table being written: a temporary file in the staging folder, renamed into place when
/// the dataset is complete.
final class CSVTableFile {
    let schema: TableSchema
    let url: URL
    private let handle: FileHandle
    private(set) var rows = 0

    /// Creates the file with its header row (after a byte order mark when `excel`, which Excel
    /// needs to read UTF-8).
    init(_ schema: TableSchema, in folder: URL, excel: Bool) throws {
        self.schema = schema
        url = folder.appendingPathComponent("\(schema.name).csv")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        if excel { try handle.write(contentsOf: Data([0xEF, 0xBB, 0xBF])) }
        try handle.write(contentsOf: CSVText.encode([schema.columnNames]))
    }

    /// Appends rows already encoded by `CSVText`.
    func append(_ data: Data, count: Int) throws {
        guard count > 0 else { return }
        try handle.write(contentsOf: data)
        rows += count
    }

    func append(_ rows: [[CellValue]]) throws {
        try append(CSVText.encode(rows), count: rows.count)
    }

    func close() throws {
        try handle.synchronize()
        try handle.close()
    }
}
