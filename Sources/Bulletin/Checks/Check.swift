/// The outcome of a check.
public enum Verdict: String, Encodable, Sendable {
    case pass, fail, unverifiable
}

/// One consistency check over the extracted data, with a verdict and its reason.
public struct Check: Encodable, Sendable {
    /// Which check: percentOfTarget, impliedTarget, impliedTargetsSum, breakdownSum, partsOfWhole,
    /// distributiveCount, completion, numbering, preambleCount, preambleMet.
    public let rule: String
    public let status: Verdict
    public let message: String
    @Nullable public var span: Span?
}
