/// Why an input could not be turned into text. The CLI prints these as `bulletin: FILE: reason`.
public enum InputError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not text in any supported encoding (a PDF, an image, random bytes).
    case notText(reason: String)
    /// A path that cannot be read (missing, a directory, no permission).
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notText(let reason): return reason
        case .unreadable(_, let reason): return reason
        }
    }
}
