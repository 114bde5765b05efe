import Foundation

/// Targets across documents: a claim against the year's plan that its own document leaves without
/// a target takes the target another document of the same issuer and year states for the same
/// indicator, and is judged by `Judgement` as a claim within one document is. Language decides the
/// link, never the arithmetic: the clauses must share words (住房保障), or one must abbreviate the
/// other (棚改 for 棚户区改造). A link with little evidence, or documents stating different
/// targets, leaves the claim unverifiable with the candidate named.
struct CrossTargets {
    let rules: DatasetRules
    let documents: [DocumentFacts]

    /// A target another document states, with how well its clause matches the claim's.
    struct Candidate {
        let document: DocumentFacts
        let target: StatedTarget
        let evidence: Int
    }

    /// A target as the documents of a group state it: the same clause and amount in several
    /// documents (a monthly bulletin restating the year's targets) is weighed once.
    struct Statement {
        let target: StatedTarget
        let bigrams: Set<UInt64>
        /// The documents stating it, earliest first.
        var documents: [DocumentFacts]
    }

    /// Evidence that makes a link firm: two shared words, or an abbreviation.
    static let firmEvidence = 2

    func resolve() -> [ClaimKey: LinkedClaim] {
        struct Group: Hashable { let issuer: String; let year: Int }
        var groups: [Group: [DocumentFacts]] = [:]
        for document in documents {
            guard let issuer = document.issuer, let year = document.year else { continue }
            groups[Group(issuer: issuer, year: year), default: []].append(document)
        }
        var linked: [ClaimKey: LinkedClaim] = [:]
        for members in groups.values where members.count > 1 {
            let statements = self.statements(of: members)
            for document in members {
                for observation in document.observations {
                    guard let link = resolve(observation, of: document, among: statements) else { continue }
                    linked[ClaimKey(document: document.id, claim: observation.claimIndex)] = link
                }
            }
        }
        return linked
    }

    /// The targets the documents of a group state, by unit family, each clause and amount once.
    func statements(of members: [DocumentFacts]) -> [String: [Statement]] {
        struct Key: Hashable { let clause: [Unicode.Scalar]; let value: Double; let step: Double; let family: String }
        var statements: [Key: Statement] = [:]
        var order: [Key] = []
        let sorted = members.sorted { ($0.date ?? "", $0.path) < ($1.date ?? "", $1.path) }
        for document in sorted {
            for target in document.targets {
                let q = target.quantity
                let key = Key(clause: target.clause, value: q.value, step: q.step, family: q.family)
                if statements[key] == nil {
                    order.append(key)
                    let bigrams = HanBigrams.of(target.clause, in: 0..<target.clause.count).subtracting(rules.common)
                    statements[key] = Statement(target: target, bigrams: bigrams, documents: [])
                }
                // Two documents suffice: a claim's own document is skipped, and the first other one named.
                if statements[key]!.documents.count < 2 { statements[key]!.documents.append(document) }
            }
        }
        return Dictionary(grouping: order.map { statements[$0]! }, by: { $0.target.quantity.family })
    }

    /// The claim judged with the best-matching target of the other documents, if any matches.
    func resolve(_ observation: Observation, of document: DocumentFacts, among statements: [String: [Statement]]) -> LinkedClaim? {
        let claim = observation.claim
        guard claim.status == .unverifiable, claim.target == nil, claim.reported.basis == .plan,
              let actual = claim.actual, !actual.family.isEmpty, let stated = statements[actual.family] else { return nil }
        let own = HanBigrams.of(observation.clause, in: 0..<observation.clause.count).subtracting(rules.common)
        var candidates: [Candidate] = []
        for statement in stated {
            guard let other = statement.documents.first(where: { $0.id != document.id }) else { continue }
            let evidence = Self.evidence(observation.clause, own, statement.target.clause, statement.bigrams)
            if evidence > 0 { candidates.append(Candidate(document: other, target: statement.target, evidence: evidence)) }
        }
        guard let best = candidates.map(\.evidence).max() else { return nil }
        let top = candidates.filter { $0.evidence == best }
            .sorted { ($0.document.date ?? "", $0.document.path) < ($1.document.date ?? "", $1.document.path) }
        let chosen = top[0]
        var caveat: String? = nil
        if let rival = top.first(where: { !$0.target.quantity.interval.overlaps(chosen.target.quantity.interval) }) {
            caveat = "\(rival.document.path) states \(rival.target.quantity.text) for it instead"
        } else if best < Self.firmEvidence {
            caveat = "its clause (\(Self.text(chosen.target.clause))) shares little with the claim's"
        }
        return judge(claim, actual: actual, with: chosen, caveat: caveat)
    }

    func judge(_ claim: Claim, actual: Quantity, with candidate: Candidate, caveat: String?) -> LinkedClaim {
        let target = candidate.target.quantity
        let origin = "target \(target.text) from \(candidate.document.path) (\(Self.text(candidate.target.clause)))"
        let facts = Judgement.Facts(percentage: claim.reported.quantity, basis: claim.reported.basis, actual: actual,
                                    target: target, confidence: caveat == nil ? .high : .low, caveat: caveat)
        let judgement = Judgement.judge(facts)
        guard caveat == nil else {
            // An uncertain link gives no verdict, whatever the figures say.
            let reason = "target not stated; the candidate is \(origin), but the link is uncertain: \(caveat!)"
            return LinkedClaim(status: .unverifiable, reason: reason, target: target, targetDocument: candidate.document.id,
                               confidence: .low, computed: judgement.computed, computedRange: judgement.computedRange)
        }
        return LinkedClaim(status: judgement.status, reason: "\(origin): \(judgement.reason)", target: target,
                           targetDocument: candidate.document.id, confidence: .high,
                           computed: judgement.computed, computedRange: judgement.computedRange)
    }

    /// How much two clauses speak of the same thing: the Han bigrams they share (words in
    /// `common` aside), and 2 more when a word of one abbreviates a word of the other (棚改: 棚 and
    /// 改 a few characters apart in 棚户区改造).
    static func evidence(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], common: Set<UInt64>) -> Int {
        evidence(a, HanBigrams.of(a, in: 0..<a.count).subtracting(common), b, HanBigrams.of(b, in: 0..<b.count).subtracting(common))
    }

    /// The evidence, given each clause's bigrams (without the common words).
    static func evidence(_ a: [Unicode.Scalar], _ first: Set<UInt64>, _ b: [Unicode.Scalar], _ second: Set<UInt64>) -> Int {
        var score = first.intersection(second).count
        if abbreviates(a, b, except: second) || abbreviates(b, a, except: first) { score += 2 }
        return score
    }

    /// Whether two adjacent Han characters of `short` stand two or three characters apart in one
    /// Han run of `long` (and not side by side, which a shared bigram counts).
    static func abbreviates(_ short: [Unicode.Scalar], _ long: [Unicode.Scalar], except adjacent: Set<UInt64>) -> Bool {
        guard short.count > 1, long.count > 2 else { return false }
        for i in 0..<(short.count - 1) where short[i].isHan && short[i + 1].isHan {
            guard !adjacent.contains(HanBigrams.key(short[i], short[i + 1])) else { continue }
            for j in long.indices where long[j] == short[i] {
                for gap in 2...3 where j + gap < long.count {
                    if long[j + gap] == short[i + 1], long[j...(j + gap)].allSatisfy(\.isHan) { return true }
                }
            }
        }
        return false
    }

    static func text(_ scalars: [Unicode.Scalar]) -> String {
        String(scalars: scalars).trimmingCharacters(in: .whitespaces)
    }
}

/// A claim judged with a target stated in another document.
public struct LinkedClaim: Sendable {
    public let status: ClaimStatus
    /// Why, naming the document the target came from.
    public let reason: String
    public let target: Quantity
    /// The id (sha256) of the document that states the target.
    public let targetDocument: String
    public let confidence: Confidence
    public let computed: Double?
    public let computedRange: [Double]?
}
