import Foundation

/// Amounts written the way a document writes them: in its multiplier and to its precision
/// (2.8万套 rather than 28443套, 216.28亿元 rather than 21628289474元).
public struct AmountFormat: Sendable {
    /// The multiplier as written (万), with its factor; nil when the figure has none.
    let multiplier: (word: String, factor: Double)?
    let decimals: Int
    let unit: String

    /// The format of `figure`: its multiplier and the number of decimals it is written with.
    init(_ figure: Quantity, grammar: Grammar) {
        let scalars = Array(figure.text.unicodeScalars)
        var found: (String, Double)? = nil
        var decimals = 0
        for i in scalars.indices {
            if scalars[i] == ".", i > 0, scalars[i - 1].properties.numericType != nil {
                decimals = scalars[(i + 1)...].prefix { $0.properties.numericType != nil && $0.isASCII }.count
            }
            if found == nil, i > 0, scalars[i - 1].properties.numericType != nil,
               let hit = grammar.multipliers.match(in: scalars, at: i) {
                found = (String(scalars: scalars[i..<(i + hit.length)]), Double(hit.value))
            }
        }
        multiplier = found.map { (word: $0.0, factor: $0.1) }
        self.decimals = decimals
        unit = figure.unit
    }

    /// `value` in the figure's multiplier and precision (at least one decimal below 10), with its unit.
    func format(_ value: Double) -> String {
        guard let multiplier, value.isFinite else { return Interval.formatAmount(value) + unit }
        let scaled = value / multiplier.factor
        return Self.fixed(scaled, max(decimals, abs(scaled) < 10 ? 1 : 0)) + multiplier.word + unit
    }

    /// `x` with exactly `places` decimals.
    static func fixed(_ x: Double, _ places: Int) -> String {
        let p = (0..<places).reduce(Int64(1)) { r, _ in r * 10 }
        let units = Int64((abs(x) * Double(p)).rounded())
        let whole = String(units / p)
        guard places > 0 else { return (x < 0 && units > 0 ? "-" : "") + whole }
        let fraction = String(units % p)
        return (x < 0 && units > 0 ? "-" : "") + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}

extension Claim {
    /// The reason, with an implied target written in the actual's own multiplier and precision
    /// (implies about 2.8万套 (2.77万–2.92万套)), as a verdict table prints it.
    public func reasonInDocumentUnits(grammar: Grammar) -> String {
        guard let implied = impliedTarget, let actual else { return reason }
        let format = AmountFormat(actual, grammar: grammar)
        guard format.multiplier != nil else { return reason }
        let stated = "about \(Interval.formatAmount(implied.value))\(implied.unit)"
        let range = "(\(Interval(implied.low, implied.high).amountDescription))"
        let high = implied.high.isFinite ? format.format(implied.high) : "∞"
        return reason
            .replacingOccurrences(of: stated, with: "about \(format.format(implied.value))")
            .replacingOccurrences(of: range, with: "(\(format.format(implied.low))–\(high))")
    }
}
