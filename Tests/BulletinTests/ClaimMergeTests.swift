import Testing
@testable import Bulletin

/// Merging table claims into the prose claims in place gives what a stable sort of both lists by
/// position gives: prose claims on a table's ratio cell give way, prose claims keep their order
/// among themselves (even out of text order), and 分别 lists are re-pointed.
struct ClaimMergeTests {
    /// The merge as a stable sort of (position, rank) over a fresh array.
    static func reference(_ table: [Claim], into prose: ClaimExtractor.Result) -> (claims: [Claim], indices: [[Int]]) {
        let taken = Set(table.map(\.percentRange.lowerBound))
        var entries: [(start: Int, rank: Int, index: Int)] = []
        for (k, claim) in prose.claims.enumerated() where !taken.contains(claim.percentRange.lowerBound) {
            entries.append((claim.percentRange.lowerBound, entries.count, k))
        }
        for (k, claim) in table.enumerated() { entries.append((claim.percentRange.lowerBound, entries.count, -1 - k)) }
        entries.sort { ($0.start, $0.rank) < ($1.start, $1.rank) }
        var moved: [Int: Int] = [:]
        for (k, entry) in entries.enumerated() where entry.index >= 0 { moved[entry.index] = k }
        return (entries.map { $0.index >= 0 ? prose.claims[$0.index] : table[-1 - $0.index] },
                prose.distributions.map { $0.claimIndices.compactMap { moved[$0] } })
    }

    @Test(arguments: [0, 1, 2, 3])
    func inPlaceMergeIsTheStableSort(seed: Int) {
        let claims = extract("""
        一、进展
        1.新建学校12所,占年计划的80%;改造道路30公里,完成年度目标的75%。
        2.全年计划新建中小学8所、幼儿园15所,已完成7所、12所,分别占87.5%和80%。
        3.城镇新增就业3.35万人,占年计划的104.7%;其中,高校毕业生1.2万人,占35.8%。
        4.实现增长10%以上,同比增长12.7%,比上年提高3.2%。
        """).claims
        #expect(claims.count >= 8)
        // The prose claims in a scrambled order; table claims on every third position, marked by a place.
        var order = Array(claims.indices)
        for k in order.indices { order.swapAt(k, (k * 5 + seed * 3) % order.count) }
        var prose = ClaimExtractor.Result()
        prose.claims = order.map { claims[$0] }
        prose.distributions = [0, 2, 4].map { first in
            Distribution(amounts: 2, groups: 1, percentages: 2, range: 0..<1, hasMarker: true, claimIndices: [first, first + 1, prose.claims.count - 1 - first])
        }
        var table = TableClaims.Result()
        table.claims = claims.indices.filter { $0 % 3 == seed % 3 }.map { k in
            var claim = claims[k]
            claim.place = Place(page: 100 + k)
            return claim
        }
        let expected = Self.reference(table.claims, into: prose)
        table.merge(into: &prose)
        #expect(prose.claims.map(\.percentRange.lowerBound) == expected.claims.map(\.percentRange.lowerBound))
        #expect(prose.claims.map(\.place) == expected.claims.map(\.place))
        #expect(prose.distributions.map(\.claimIndices) == expected.indices)
        #expect(prose.claims.contains { $0.place != nil } && prose.claims.contains { $0.place == nil })
    }
}
