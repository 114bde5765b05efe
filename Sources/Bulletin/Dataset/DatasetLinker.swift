/// Links the documents of a dataset to one another: the series an indicator forms across one
/// issuer's documents, with flags for sequences that cannot be, and targets that one document
/// states for another's claims (`CrossTargets`).
public struct DatasetLinker: Sendable {
    public let rules: DatasetRules

    public init(rules: DatasetRules = .builtIn) {
        self.rules = rules
    }

    public func link(_ documents: [DocumentFacts]) -> DatasetLinks {
        DatasetLinks(series: series(documents), claims: CrossTargets(rules: rules, documents: documents).resolve())
    }

    /// The readings of each indicator of each issuer, in date order, where two or more documents
    /// report it; each point flagged against the last point of an earlier date of the same year.
    func series(_ documents: [DocumentFacts]) -> [SeriesPoint] {
        struct Key: Hashable { let issuer: String; let indicator: Indicator }
        var groups: [Key: [(DocumentFacts, Observation)]] = [:]
        for document in documents {
            guard let issuer = document.issuer, document.date != nil else { continue }
            for observation in document.observations {
                guard let indicator = observation.indicator else { continue }
                groups[Key(issuer: issuer, indicator: indicator), default: []].append((document, observation))
            }
        }
        let keys = groups.keys.filter { key in Set(groups[key]!.map(\.0.id)).count > 1 }
            .sorted { ($0.issuer, $0.indicator.subject, $0.indicator.family) < ($1.issuer, $1.indicator.subject, $1.indicator.family) }
        var points: [SeriesPoint] = []
        for (number, key) in keys.enumerated() {
            let readings = groups[key]!.sorted { ($0.0.date!, $0.0.path, $0.1.claimIndex) < ($1.0.date!, $1.0.path, $1.1.claimIndex) }
            for (index, (document, observation)) in readings.enumerated() {
                let earlier = readings[..<index].last { $0.0.date! < document.date! && $0.0.year == document.year }
                let flags = earlier.map { SeriesFlags.between($0.1, observation, in: $0.0) } ?? []
                let claim = observation.claim
                points.append(SeriesPoint(
                    series: number + 1, issuer: key.issuer, indicator: key.indicator, document: document.id,
                    date: document.date!, claim: observation.claimIndex, unit: claim.actual?.unit ?? "",
                    actual: claim.actual?.value, target: claim.target?.value, percent: claim.reported.value,
                    flags: flags.map(\.flag), flagReason: flags.isEmpty ? nil : flags.map(\.reason).joined(separator: "; ")))
            }
        }
        return points
    }
}

/// What linking a dataset found.
public struct DatasetLinks: Sendable {
    public var series: [SeriesPoint]
    /// Claims judged with a target from another document, by document id and claim index.
    public var claims: [ClaimKey: LinkedClaim]
}

/// A claim of the dataset: its document's id and its index in the document's claims.
public struct ClaimKey: Hashable, Sendable {
    public let document: String
    public let claim: Int

    public init(document: String, claim: Int) {
        self.document = document
        self.claim = claim
    }
}

/// One reading of an indicator in a series.
public struct SeriesPoint: Sendable {
    /// The series' number in the dataset (1, 2, …), one per issuer and indicator.
    public let series: Int
    public let issuer: String
    public let indicator: Indicator
    public let document: String
    public let date: String
    public let claim: Int
    public let unit: String
    public let actual: Double?
    public let target: Double?
    public let percent: Double
    public let flags: [SeriesFlag]
    /// The flags in words, naming the earlier reading.
    public let flagReason: String?
}

/// A sequence of readings that cannot be.
public enum SeriesFlag: String, Sendable {
    /// A running total lower than an earlier month's.
    case cumulativeFalls
    /// A target other than an earlier month's, without a word that it was changed.
    case targetChanged
    /// A percentage of the plan lower than an earlier month's while its amount is higher.
    case percentFallsWhileActualRises
}

/// The flags of a reading against the one before it.
enum SeriesFlags {
    static func between(_ before: Observation, _ after: Observation, in earlier: DocumentFacts) -> [(flag: SeriesFlag, reason: String)] {
        var flags: [(SeriesFlag, String)] = []
        let old = before.claim, new = after.claim
        let since = "\(earlier.date ?? "") (\(earlier.path))"
        if before.cumulative, after.cumulative, let a = old.actual, let b = new.actual, b.interval.high < a.interval.low {
            flags.append((.cumulativeFalls, "running total \(b.text) is below \(a.text) of \(since)"))
        }
        if let a = old.target, let b = new.target, !a.interval.overlaps(b.interval), !after.notice {
            flags.append((.targetChanged, "target \(b.text) differs from \(a.text) of \(since) without a word that it was changed"))
        }
        if old.reported.basis == .plan, new.reported.basis == .plan, let a = old.actual, let b = new.actual,
           b.interval.low > a.interval.high, new.reported.interval.high < old.reported.interval.low {
            flags.append((.percentFallsWhileActualRises,
                          "\(new.reported.text) is below \(old.reported.text) of \(since) while the amount rose from \(a.text) to \(b.text)"))
        }
        return flags
    }
}

extension ReportedPercentage {
    /// The percentage as a quantity, for judging.
    var quantity: Quantity {
        Quantity(text: text, span: span, value: value, unit: unit, kind: "percent", approx: approx, step: step,
                 upper: nil, range: span.start..<span.end, family: unit, numberStart: span.start)
    }

    var interval: Interval { quantity.interval }
}
