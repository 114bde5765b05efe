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

    /// The bigrams of `chars[range]` as `of` gives them, in order, each once: for a stretch read
    /// against a few others, cheaper than hashing it into a set.
    static func sorted(_ chars: [Unicode.Scalar], in range: Range<Int>) -> [UInt64] {
        var keys: [UInt64] = []
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if chars[i].isHan, chars[i + 1].isHan { keys.append(key(chars[i], chars[i + 1])) }
            i += 1
        }
        keys.sort()
        var unique = 0
        for k in keys.indices where unique == 0 || keys[k] != keys[unique - 1] {
            keys[unique] = keys[k]
            unique += 1
        }
        keys.removeLast(keys.count - unique)
        return keys
    }
}

extension Array where Element == UInt64 {
    /// Whether this sorted array holds `key` (a binary search).
    func sortedContains(_ key: UInt64) -> Bool {
        let k = boundary { $0 >= key }
        return k < count && self[k] == key
    }
}
