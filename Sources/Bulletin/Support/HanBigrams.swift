/// Pairs of adjacent Han characters: how the claim stages tell whether two stretches of text speak
/// of the same thing (完工率 and 已完工473户 share 完工).
enum HanBigrams {
    static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// The bigrams of `chars[range]` whose two characters are both Han.
    static func of(_ chars: [Unicode.Scalar], in range: Range<Int>) -> Set<UInt64> {
        var set = Set<UInt64>()
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if chars[i].isHan, chars[i + 1].isHan { set.insert(key(chars[i], chars[i + 1])) }
            i += 1
        }
        return set
    }
}
