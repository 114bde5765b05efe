import Foundation

/// Everything bulletin reads from one document: the output contract (`schema` "bulletin/1",
/// described by `Schema/bulletin.schema.json`).
public struct Extraction: Encodable, Sendable {
    /// Where the text came from and how it was decoded.
    public struct Source: Encodable, Sendable {
        public let path: String
        public let sha256: String
        public let encoding: String
        /// The decoded text's length in Unicode scalars (code points).
        public let length: Int
    }

    /// Counts for a quick look and for corpus reports.
    public struct Summary: Encodable, Sendable {
        public let sections: Int
        public let items: Int
        public let quantities: Int
        public let claims: ClaimCounts
        public let checks: CheckCounts
    }

    public struct ClaimCounts: Encodable, Sendable {
        public internal(set) var consistent: Int
        public internal(set) var inconsistent: Int
        public internal(set) var unverifiable: Int
    }

    public struct CheckCounts: Encodable, Sendable {
        public let pass: Int
        public let fail: Int
        public let unverifiable: Int
    }

    public let schema: String
    public let source: Source
    @Nullable public var title: String?
    @Nullable public var publisher: String?
    /// The publication date, YYYY-MM-DD.
    @Nullable public var published: String?
    @Nullable public var preamble: Passage?
    public let sections: [Section]
    /// Numbered items that stand outside any section.
    public let items: [Item]
    public let departments: [Department]
    public let quantities: [Quantity]
    public let dates: [DateMention]
    public let claims: [Claim]
    public let checks: [Check]
    public let diagnostics: [Diagnostic]
    public let summary: Summary
    /// The tables as laid out, for showing them as tables (the HTML report); not part of the JSON.
    public var tables: [TableGrid] = []

    enum CodingKeys: String, CodingKey {
        case schema, source, title, publisher, published, preamble, sections, items, departments, quantities, dates,
             claims, checks, diagnostics, summary
    }

    /// True when a claim is inconsistent or a check failed.
    public var hasFailures: Bool {
        claims.contains { $0.status == .inconsistent } || checks.contains { $0.status == .fail }
    }

    /// The JSON document, keys sorted so that the output is byte-for-byte reproducible (the bytes
    /// of Foundation's `JSONEncoder` with sorted keys, written straight out by `JSONWriter`).
    public func json(pretty: Bool = true) -> String {
        String(decoding: jsonBytes(pretty: pretty), as: UTF8.self)
    }

    /// The JSON document as UTF-8 bytes.
    public func jsonBytes(pretty: Bool = true) -> [UInt8] {
        JSONWriter.bytes(self, pretty: pretty)
    }

    /// Writes the JSON document to `output` piece by piece (about a megabyte at a time), so that
    /// the whole of a large document's JSON is never held at once.
    public func writeJSON(pretty: Bool = true, to output: ([UInt8]) -> Void) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONWriter(pretty: pretty, flush: output)
            write(to: &writer)
            writer.drain()
        }
    }
}
