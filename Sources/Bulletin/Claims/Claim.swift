/// What a reported percentage is a percentage of.
public enum Basis: String, Codable, Sendable {
    /// Of the planned amount (占年计划的, 完成年度目标的, 占全年任务的).
    case plan
    /// Part of a whole (占总数的, 占比).
    case share
    /// Change against an earlier period (同比增长, 下降), signed.
    case growth
    /// A named ratio (完工率, 覆盖率, 合格率).
    case rate
    case other
}

/// Whether a claim's figures agree.
public enum ClaimStatus: String, Encodable, Sendable {
    case consistent, inconsistent, unverifiable
}

/// The percentage a claim reports, with what it is a percentage of.
public struct ReportedPercentage: Encodable, Sendable {
    public let text: String
    public let span: Span
    public let value: Double
    /// The value with the sign of its phrase (同比下降12.7% → -12.7).
    public let signedValue: Double
    public let unit: String
    public let approx: Approximation
    public let step: Double
    public let basis: Basis
    /// The basis phrase as written (占年计划的), nil when none was found.
    @Nullable public var phrase: String?
    /// From the basis phrase through the percentage (占年计划的104.4%).
    public let phraseSpan: Span
}

/// A target derived from an actual amount and its percentage when the text does not state it:
/// 5632 at 112.6% implies about 5002 (4999.6–5004.0 allowing for rounding).
public struct ImpliedTarget: Encodable, Sendable {
    public let value: Double
    public let low: Double
    public let high: Double
    public let unit: String
}

/// One numeric claim: what was done (`actual`), what it is measured against (`target`), the
/// percentage reported, and whether they agree.
public struct Claim: Encodable, Sendable {
    /// The number of the top-level section the claim is in.
    @Nullable public var section: Int?
    /// The number of the innermost section below the top level ((二) in 一、…(二)…), if any.
    @Nullable public var subsection: Int?
    /// The number of the innermost item.
    @Nullable public var item: Int?
    @Nullable public var department: String?
    /// The department block the claim is in: achievements (成绩) or plans (计划).
    @Nullable public var block: String?
    /// What is counted (政策性扶持创业), when it can be read off the text.
    @Nullable public var subject: String?
    @Nullable public var actual: Quantity?
    @Nullable public var target: Quantity?
    /// Where the target was found: phrase (占全年任务400公里的), sentence, paragraph or heading (an
    /// item's task, a section heading or the preamble).
    @Nullable public var targetSource: String?
    /// How firmly the target is linked to the percentage (null without a target): only a `high`
    /// link can make the claim inconsistent.
    @Nullable public var confidence: Confidence?
    /// The whole the actual is a part of, when it follows 其中.
    @Nullable public var partOf: Quantity?
    public let reported: ReportedPercentage
    /// actual / target × 100, when both are known.
    @Nullable public var computed: Double?
    /// The range of actual / target × 100 that the rounding of both figures allows.
    @Nullable public var computedRange: [Double]?
    @Nullable public var impliedTarget: ImpliedTarget?
    public let status: ClaimStatus
    /// Why the status is what it is, in words.
    public let reason: String
    /// The grammar rules that produced the claim (basis phrase, how actual and target were found).
    public let rules: [String]

    /// Where the reported percentage is in a .docx, .xlsx or .pdf (paragraph, sheet!cell, page);
    /// left out of the output for text and HTML.
    public var place: Place? {
        get { placed?.place }
        set { placed = newValue.map(PlaceBox.init) }
    }
    /// The place, boxed: most claims have none, and a `Place` inline would be a sixth of a claim.
    var placed: PlaceBox? = nil

    /// The normalised range of the percentage; not part of the output.
    let percentRange: Range<Int>
    let actualIsPart: Bool

    enum CodingKeys: String, CodingKey {
        case section, subsection, item, department, block, subject, actual, target, targetSource, confidence, partOf, reported,
             computed, computedRange, impliedTarget, status, reason, rules
        case placed = "place"
    }
}

/// A claim's `Place` on the heap, encoded as the place itself.
final class PlaceBox: Encodable, Sendable {
    let place: Place
    init(_ place: Place) { self.place = place }
    func encode(to encoder: any Encoder) throws { try place.encode(to: encoder) }
}

/// A 其中 breakdown: a total and the parts listed after it. Used by the checks.
struct Breakdown: Sendable {
    let total: Quantity
    let parts: [Quantity]
    let markerRange: Range<Int>
}

/// A list of percentages that apply in order to a list of amounts (分别占…的112.6%和120%).
struct Distribution: Sendable {
    let amounts: Int
    let groups: Int
    let percentages: Int
    let range: Range<Int>
    let hasMarker: Bool
    /// Indices into the claims array of the claims this list produced.
    let claimIndices: [Int]
}
