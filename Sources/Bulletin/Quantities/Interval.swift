/// A closed interval of real numbers, for rounding-aware comparisons: every figure stands for the
/// range of values that round to it, and the checks ask whether the ranges of both sides overlap.
public struct Interval: Equatable, Sendable, CustomStringConvertible {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    /// The values a written figure can stand for. An exact figure is ± half its step; 余/多/超
    /// reach up to the next unit of its last non-zero digit (8000余 → 8000…9000, 740余 → 740…750);
    /// 约 widens by 5%; 近 by 10% downwards; 以上/不少于 are open above; 以内/以下 below.
    static func of(value: Double, step: Double, approx: Approximation, upper: Double?) -> Interval {
        let half = step / 2
        switch approx {
        case .exact: return Interval(value - half, value + half)
        case .about:
            let spread = max(half, abs(value) * 0.05)
            return Interval(value - spread, value + spread)
        case .over: return Interval(value, value + lastDigitUnit(value, step: step))
        case .nearly: return Interval(value - max(half, abs(value) * 0.1), value)
        case .atLeast: return Interval(value, .infinity)
        case .atMost, .under: return Interval(0, value)
        case .range: return Interval(value - half, (upper ?? value) + half)
        }
    }

    /// The place value of the last non-zero digit of an integer-valued figure (3700 → 100).
    static func lastDigitUnit(_ value: Double, step: Double) -> Double {
        guard value >= 1, value < 1e15, value == value.rounded() else { return max(step, 1) }
        var unit = 1.0
        var v = value
        while v.truncatingRemainder(dividingBy: 10) == 0 && v >= 10 { v /= 10; unit *= 10 }
        return max(unit, step)
    }

    /// The bounds with two decimals, or as many more (up to four) as it takes to tell them apart
    /// (57.999–58.001, not 58–58).
    public var description: String {
        var digits = 2
        while digits < 4, low != high, Interval.format(low, digits: digits) == Interval.format(high, digits: digits) { digits += 1 }
        return "\(Interval.format(low, digits: digits))–\(Interval.format(high, digits: digits))"
    }

    func overlaps(_ other: Interval) -> Bool {
        let tolerance = 1e-9 * max(1, abs(low), abs(high), abs(other.low), abs(other.high))
        return low <= other.high + tolerance && other.low <= high + tolerance
    }

    static func + (a: Interval, b: Interval) -> Interval { Interval(a.low + b.low, a.high + b.high) }

    /// a / b × scale, for intervals of non-negative numbers; nil if b can be zero.
    static func ratio(_ a: Interval, _ b: Interval, scale: Double = 1) -> Interval? {
        guard b.low > 0 else { return nil }
        return Interval(a.low / b.high * scale, a.high / b.low * scale)
    }

    /// An amount for a message: whole numbers from 100 up, else up to two decimals.
    static func formatAmount(_ x: Double) -> String {
        abs(x) >= 100 && x.isFinite ? format(x.rounded()) : format(x)
    }

    /// The interval as amounts (see `formatAmount`).
    var amountDescription: String { "\(Interval.formatAmount(low))–\(Interval.formatAmount(high))" }

    private static let scales: [Double] = [1, 10, 100, 1000, 10000]

    /// A number for a message: up to two decimals (or `digits`), no trailing zeros.
    static func format(_ x: Double, digits: Int = 2) -> String {
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        let scale = Self.scales[min(max(digits, 0), 4)]
        let rounded = (x * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        if abs(rounded) < 1e11 {
            // The decimal digits of n / 10^digits, which is the shortest text of `rounded` here: the
            // doubles this small lie closer together than 10^-4, so no shorter decimal rounds to it.
            let n = Int64((x * scale).rounded()), power = UInt64(scale)
            var fraction = n.magnitude % power, places = min(max(digits, 0), 4)
            while fraction % 10 == 0 { fraction /= 10; places -= 1 }
            let written = String(fraction)
            return (n < 0 ? "-" : "") + String(n.magnitude / power) + "." + String(repeating: "0", count: places - written.count) + written
        }
        var s = String(rounded)
        if s.utf8.contains(UInt8(ascii: "e")) { return s }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
