import Foundation

/// How an amount is hedged in the text: 约 (about), 余/多/超 (over), 近 (nearly), 不少于/以上
/// (atLeast), 不超过/以内 (atMost), 以下 (under), a range 2—3 (range), or not at all (exact).
public enum Approximation: String, Codable, Sendable {
    case exact, about, over, nearly, atLeast, atMost, under, range
}

/// An amount found in the text with its normalised value, unit and granularity.
///
/// Kept small (72 bytes): every stage after the scanner holds quantities, and claims hold three.
/// Offsets are 32-bit, and the unit, its kind and its family are one shared `UnitNames`.
public struct Quantity: Encodable, Sendable, Equatable {
    /// The original text of the quantity, markers and unit included.
    public let text: String
    public let span: Span
    /// The value with multipliers applied: 3.35万人 → 33500.
    public let value: Double
    private unowned(unsafe) let names: UnitNames
    /// The granularity the written form implies: 3.35万 → 100, 29245 → 1, 104.4% → 0.1.
    public let step: Double
    /// The upper end of a range (2—3个 → 3), else nil.
    @Nullable public var upper: Double?
    public let approx: Approximation
    private let rangeStart: Int32
    private let rangeEnd: Int32
    private let numberStart32: Int32

    /// The unit, its kind and its family, as all quantities of the unit share them.
    var unitNames: UnitNames { names }
    /// The canonical unit ("%" for percentages, "" when none is written).
    public var unit: String { names.unit }
    /// What the unit measures (people, thing, area, money, percent, …); "" when no unit.
    public var kind: String { names.kind }
    /// The range in the normalised text; not part of the output.
    var range: Range<Int> { Int(rangeStart)..<Int(rangeEnd) }
    /// Units of one family can be compared and added (人 and 名; 户 and 套(户)).
    var family: String { names.family }
    /// Where the number itself starts, after any leading marker (约22.2万: the 2).
    var numberStart: Int { Int(numberStart32) }

    enum CodingKeys: String, CodingKey {
        case text, span, value, unit, kind, approx, step, upper
    }

    init(text: String, span: Span, value: Double, unit: String, kind: String, approx: Approximation,
         step: Double, upper: Double?, range: Range<Int>, family: String, numberStart: Int) {
        self.init(text: text, span: span, value: value, names: UnitNames.interned(unit: unit, kind: kind, family: family),
                  approx: approx, step: step, upper: upper, range: range, numberStart: numberStart)
    }

    /// A quantity of the unit `names` (interned: `UnitNames.interned`, `Grammar.UnitEntry.names`).
    init(text: String, span: Span, value: Double, names: UnitNames, approx: Approximation,
         step: Double, upper: Double?, range: Range<Int>, numberStart: Int) {
        self.text = text
        self.span = span
        self.value = value
        self.names = names
        self.approx = approx
        self.step = step
        self.upper = upper
        self.rangeStart = Int32(range.lowerBound)
        self.rangeEnd = Int32(range.upperBound)
        self.numberStart32 = Int32(numberStart)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(kind, forKey: .kind)
        try container.encode(approx, forKey: .approx)
        try container.encode(step, forKey: .step)
        try container.encode(_upper, forKey: .upper)
    }

    var isPercent: Bool { unit == "%" }
    /// A counted or measured amount a claim can be about (not a percentage, a ratio or an age).
    var isAmount: Bool { names.isAmount }

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

/// The unit of a quantity with its kind and family, interned: all quantities of one unit share one
/// instance, which lives as long as the process (a grammar has a few hundred units), so a quantity
/// holds it without reference counting.
final class UnitNames: Sendable, Equatable {
    let unit: String
    let kind: String
    let family: String
    /// A counted or measured amount (not a percentage, a ratio or an age): `Quantity.isAmount`.
    let isAmount: Bool

    private init(unit: String, kind: String, family: String) {
        (self.unit, self.kind, self.family) = (unit, kind, family)
        isAmount = !["percent", "permille", "points", "ratio", "age"].contains(kind)
    }

    private struct Key: Hashable { let unit: String, kind: String, family: String }
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var names: [Key: UnitNames] = [:]
    }
    private static let table = Table()

    /// The one instance for these names.
    static func interned(unit: String, kind: String, family: String) -> UnitNames {
        let key = Key(unit: unit, kind: kind, family: family)
        table.lock.lock()
        defer { table.lock.unlock() }
        if let names = table.names[key] { return names }
        let names = UnitNames(unit: unit, kind: kind, family: family)
        table.names[key] = names
        return names
    }

    static func == (a: UnitNames, b: UnitNames) -> Bool { a === b }

    /// No unit.
    static let noUnit = interned(unit: "", kind: "", family: "")
}
