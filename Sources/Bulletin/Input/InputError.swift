/// Why an input could not be turned into text. The CLI prints each as one line,
/// `bulletin: FILE:LINE: reason` (`bulletin: FILE: reason` when no line applies), and exits with
/// status 2.
public enum InputError: Error, Equatable, CustomStringConvertible {
    /// A path that cannot be read (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// More bytes than `SourceText.maximumBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// No bytes at all.
    case empty
    /// Nothing but whitespace.
    case blank
    /// Not text: a known binary format (a PDF, an image), binary content with NUL bytes, or bytes
    /// that are not text in any supported encoding; `line` is where the first such byte is.
    case notText(reason: String, line: Int?)
    /// A Word, Excel or PDF file that cannot be read (damaged, encrypted, a scan without text, an
    /// old binary format), or an archive of another kind; the reason says which and what to do.
    case document(reason: String)

    /// The 1-based line the problem is on, where one applies.
    public var line: Int? {
        if case .notText(_, let line) = self { return line }
        return nil
    }

    /// The problem in words, without the file or line.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): return reason
        case .tooLarge(let bytes, let limit):
            return "too large: \(bytes) bytes, more than the \(limit / (1 << 20)) MiB bulletin reads"
        case .empty: return "empty file"
        case .blank: return "no text, only whitespace"
        case .notText(let reason, _): return reason
        case .document(let reason): return reason
        }
    }

    public var description: String { line.map { "line \($0): \(reason)" } ?? reason }
}
