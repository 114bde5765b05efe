/// How firmly a claim's figures are linked to its percentage. Only a `high` link can make a claim
/// `inconsistent`: a figure that merely might be the target leaves the claim `unverifiable`, with
/// the candidate named in the reason.
public enum Confidence: String, Encodable, Sendable {
    /// Stated in the same sentence with a role cue, in the basis phrase, in the item's own task, or
    /// the only candidate of its kind that the section or document states.
    case high
    /// Found through a wider scope (a heading, another paragraph) with little evidence beyond the unit.
    case low
}

/// The verdict on one claim's figures: does actual / target × 100 give the reported percentage once
/// the rounding of every figure is allowed for? Used for claims from prose and from tables alike.
struct Judgement: Sendable {
    var status: ClaimStatus
    var reason: String
    var computed: Double? = nil
    var computedRange: [Double]? = nil
    var impliedTarget: ImpliedTarget? = nil

    /// What a claim states, for judging.
    struct Facts {
        let percentage: Quantity
        let basis: Basis
        let actual: Quantity?
        let target: Quantity?
        /// How firmly `target` is linked; a `low` link never gives `inconsistent`.
        var confidence: Confidence = .high
        /// Why the link is weak (said in the reason when it matters).
        var caveat: String? = nil
        /// The amount written as a placeholder (XX亿元), when the actual is withheld.
        var placeholder: String? = nil
        /// Why a computed ratio is not to be compared (a rate where lower is better).
        var incomparable: String? = nil
    }

    static func judge(_ facts: Facts) -> Judgement {
        let percentage = facts.percentage
        let reported = percentage.interval
        let p = Interval.format(percentage.value) + "%"
        if let actual = facts.actual, let target = facts.target,
           let range = Interval.ratio(actual.interval, target.interval, scale: 100) {
            let point = actual.value / target.value * 100
            var judgement = Judgement(status: .unverifiable, reason: "")
            judgement.computed = (point * 10000).rounded() / 10000
            judgement.computedRange = [range.low, range.high].map { ($0 * 10000).rounded() / 10000 }
            let figures = "\(Interval.format(actual.value)) / \(Interval.format(target.value)) = \(Interval.format(point))%"
            if let incomparable = facts.incomparable {
                judgement.reason = "\(figures); \(incomparable)"
            } else if range.overlaps(reported) {
                judgement.status = .consistent
                judgement.reason = "\(figures); rounding allows \(range), reported \(p)"
            } else if facts.confidence == .high {
                judgement.status = .inconsistent
                judgement.reason = "\(figures); rounding allows \(range), but \(p) is reported"
            } else {
                judgement.reason = "\(figures) would not give the reported \(p), but the link is uncertain: "
                    + (facts.caveat ?? "the target \(target.text) may not be what the percentage is of")
            }
            return judgement
        }
        var judgement = Judgement(status: .unverifiable, reason: "")
        let basis = facts.basis
        if let actual = facts.actual, [.plan, .share, .rate].contains(basis), percentage.value > 0,
           let range = Interval.ratio(actual.interval, reported, scale: 100) {
            let value = actual.value / percentage.value * 100
            judgement.impliedTarget = ImpliedTarget(
                value: (value * 100).rounded() / 100, low: (range.low * 100).rounded() / 100,
                high: range.high.isInfinite ? range.high : (range.high * 100).rounded() / 100, unit: actual.unit)
            let whole = basis == .share ? "total" : "target"
            judgement.reason = "\(whole) not stated; \(actual.text) at \(p) implies about \(Interval.formatAmount(value))\(actual.unit) (\(range.amountDescription))"
            if let caveat = facts.caveat { judgement.reason += "; \(caveat)" }
        } else if facts.actual == nil, let placeholder = facts.placeholder {
            judgement.reason = "the amount is left as a placeholder in the text (\(placeholder))"
        } else if facts.actual == nil {
            judgement.reason = "no amount found for the percentage to refer to"
        } else if basis == .growth {
            judgement.reason = "growth against an earlier period that the text does not state"
        } else {
            judgement.reason = "the basis of the percentage is not recognised"
        }
        return judgement
    }
}
