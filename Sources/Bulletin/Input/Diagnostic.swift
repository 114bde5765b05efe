/// Something the extractor noticed about the input that the user should know: a number too large
/// to represent, bytes that were not valid text. Diagnostics never stop extraction.
///
/// In an `Extraction`, a diagnostic with a span names its line: the message reads
/// "line 12: invalid UTF-8 (bytes C4 E3) replaced with U+FFFD", and `line` is 12.
public struct Diagnostic: Encodable, Sendable, Equatable {
    public enum Severity: String, Encodable, Sendable { case warning, note }
    public let severity: Severity
    public let message: String
    @Nullable public var span: Span?
    /// The 1-based line of the span's start, when the extractor has located it; not encoded, as
    /// the message names it.
    public private(set) var line: Int? = nil

    enum CodingKeys: String, CodingKey { case severity, message, span }

    init(severity: Severity, message: String, span: Span?) {
        self.severity = severity
        self.message = message
        self.span = span
    }

    /// The message without its "line N: " prefix, for the CLI's `FILE:LINE: reason` form.
    public var reason: String {
        guard let line, message.hasPrefix("line \(line): ") else { return message }
        return String(message.dropFirst("line \(line): ".count))
    }

    /// This diagnostic placed on `line`, its message prefixed with the line.
    func located(onLine line: Int) -> Diagnostic {
        var copy = Diagnostic(severity: severity, message: "line \(line): \(message)", span: span)
        copy.line = line
        return copy
    }
}

/// The 1-based line of any offset into a text, by binary search over the line starts.
struct LineIndex {
    private let starts: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        self.starts = starts
    }

    func line(of offset: Int) -> Int {
        max(starts.boundary { $0 > offset }, 1)
    }
}
