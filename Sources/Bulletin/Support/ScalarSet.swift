/// A set of Unicode scalars that answers `contains` with one bit test for the basic plane. The
/// grammar's character classes (sentence ends, list commas, the characters an amount starts with)
/// are asked about nearly every character of a text, where hashing each one would cost more than
/// the work around it.
struct ScalarSet: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral {
    /// Bit `c & 63` of word `c >> 6` for each scalar `c` of the basic plane, up to the highest
    /// word with a member (an empty set allocates nothing).
    private var basic: [UInt64] = []
    /// The scalars beyond the basic plane.
    private var beyond = Set<UInt32>()
    private(set) var count = 0

    init() {}

    init<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
        for s in scalars { insert(s.value) }
    }

    /// The set of the scalars with the given values (each a valid scalar value).
    init<S: Sequence<UInt32>>(values: S) {
        for v in values { insert(v) }
    }

    init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        let word = Int(value >> 6)
        if word < basic.count { return basic[word] & (1 << UInt64(value & 63)) != 0 }
        return value >= 0x10000 && beyond.contains(value)
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool { contains(scalar.value) }

    mutating func insert(_ value: UInt32) {
        guard !contains(value) else { return }
        if value < 0x10000 {
            let word = Int(value >> 6)
            if word >= basic.count { basic += repeatElement(0, count: word + 1 - basic.count) }
            basic[word] |= 1 << UInt64(value & 63)
        } else {
            beyond.insert(value)
        }
        count += 1
    }

    mutating func insert(_ scalar: Unicode.Scalar) { insert(scalar.value) }

    func union(_ other: ScalarSet) -> ScalarSet {
        var out = self
        if out.basic.count < other.basic.count { out.basic += repeatElement(0, count: other.basic.count - out.basic.count) }
        for k in other.basic.indices { out.basic[k] |= other.basic[k] }
        out.beyond.formUnion(other.beyond)
        out.count = out.basic.reduce(out.beyond.count) { $0 + $1.nonzeroBitCount }
        return out
    }

    func union<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> ScalarSet { union(ScalarSet(scalars)) }

    /// The scalars in code point order.
    func makeIterator() -> IndexingIterator<[Unicode.Scalar]> {
        var all: [Unicode.Scalar] = []
        for (k, word) in basic.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 {
                if let scalar = Unicode.Scalar(UInt32(k * 64 + bit)) { all.append(scalar) }
            }
        }
        all += beyond.sorted().compactMap(Unicode.Scalar.init)
        return all.makeIterator()
    }
}
