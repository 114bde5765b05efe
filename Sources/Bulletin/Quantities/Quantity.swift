/// How an amount is hedged in the text: 约 (about), 余/多/超 (over), 近 (nearly), 不少于/以上
/// (atLeast), 不超过/以内 (atMost), 以下 (under), a range 2—3 (range), or not at all (exact).
public enum Approximation: String, Codable, Sendable {
    case exact, about, over, nearly, atLeast, atMost, under, range
}

/// An amount found in the text with its normalised value, unit and granularity.
public struct Quantity: Encodable, Sendable, Equatable {
    /// The original text of the quantity, markers and unit included.
    public let text: String
    public let span: Span
    /// The value with multipliers applied: 3.35万人 → 33500.
    public let value: Double
    /// The canonical unit ("%" for percentages, "" when none is written).
    public let unit: String
    /// What the unit measures (people, thing, area, money, percent, …); "" when no unit.
    public let kind: String
    public let approx: Approximation
    /// The granularity the written form implies: 3.35万 → 100, 29245 → 1, 104.4% → 0.1.
    public let step: Double
    /// The upper end of a range (2—3个 → 3), else nil.
    @Nullable public var upper: Double?

    /// The range in the normalised text; not part of the output.
    let range: Range<Int>
    /// Units of one family can be compared and added (人 and 名; 户 and 套(户)).
    let family: String
    /// Where the number itself starts, after any leading marker (约22.2万: the 2).
    let numberStart: Int

    enum CodingKeys: String, CodingKey {
        case text, span, value, unit, kind, approx, step, upper
    }

    init(text: String, span: Span, value: Double, unit: String, kind: String, approx: Approximation,
         step: Double, upper: Double?, range: Range<Int>, family: String, numberStart: Int) {
        self.text = text
        self.span = span
        self.value = value
        self.unit = unit
        self.kind = kind
        self.approx = approx
        self.step = step
        self.upper = upper
        self.range = range
        self.family = family
        self.numberStart = numberStart
    }

    var isPercent: Bool { unit == "%" }
    /// A counted or measured amount a claim can be about (not a percentage, a ratio or an age).
    var isAmount: Bool { !["percent", "permille", "points", "ratio", "age"].contains(kind) }

    /// Whether two quantities measure the same thing and can be compared or added.
    func isComparable(with other: Quantity) -> Bool {
        family == other.family
    }

    /// The values this figure can stand for, given its rounding and approximation marker.
    var interval: Interval { Interval.of(value: value, step: step, approx: approx, upper: upper) }
}

extension Array where Element == Quantity {
    /// In text order (by start); a copy is made only when they are not already (the scanner
    /// finds them in order).
    var inTextOrder: [Quantity] {
        indices.dropFirst().allSatisfy({ self[$0 - 1].range.lowerBound <= self[$0].range.lowerBound })
            ? self : sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// A date or year found in the text (2019年, 12月20日, 2019-12-12); kept out of `quantities`.
public struct DateMention: Encodable, Sendable, Equatable {
    public let text: String
    public let span: Span
    let range: Range<Int>
    enum CodingKeys: String, CodingKey { case text, span }
}
