/// Something the extractor noticed about the input that the user should know: a number too large
/// to represent, a structure it could not follow. Diagnostics never stop extraction.
public struct Diagnostic: Encodable, Sendable, Equatable {
    public enum Severity: String, Encodable, Sendable { case warning, note }
    public let severity: Severity
    public let message: String
    @Nullable public var span: Span?
}
