/// The amounts of a document with the words that name them, for percentages that name what they are
/// of instead of standing next to it (税收收入增收额占财政收入增收额的比重为91.6%; 占全部税收的40.8%).
///
/// A level (税收收入45612.99亿元) is named by its clause up to it. A change (比上年增收11487.11亿元)
/// is named by the words before the comparison cue in its clause or, when there are none, by the
/// level it changes: the last earlier clause of its sentence that states one. Names are compared
/// as written with the basis grammar's words (总, 全部, 年度, 额) left out on both sides, so that
/// 财政收入 finds 财政总收入, while a complement prefix right before the match (非税收入) rules
/// it out for 税收收入.
///
/// Built once per document, at its first lookup (most documents make none); a lookup reads only
/// the entries that hold the noun's first bigram. Entries refer to the index's amounts by position
/// and keep their names in one shared buffer, so that a long document's hundreds of thousands of
/// entries cost 16 bytes each.
final class NamedAmounts {
    private let chars: [Unicode.Scalar]
    private let index: TextIndex
    private let grammar: Grammar
    private let packedEntryLimit: Int
    private lazy var table = NamedAmountsTable(chars: chars, index: index, grammar: grammar, packedEntryLimit: packedEntryLimit)

    /// `packedEntryLimit`: below how many entries the bigrams are sorted packed with their entries
    /// into one number each; the tests lower it to reach the way a larger document takes.
    init(chars: [Unicode.Scalar], index: TextIndex, grammar: Grammar, packedEntryLimit: Int = 1 << 28) {
        (self.chars, self.index, self.grammar) = (chars, index, grammar)
        self.packedEntryLimit = min(packedEntryLimit, 1 << 28)
    }

    /// How many entries sharing the noun's first bigram a lookup reads back from its position, at
    /// most: a name repeated more often than this (a document of many bulletins run together)
    /// keeps lookups linear in the text.
    static let lookupReach = 256

    /// The amounts named `noun` (content characters, as `content` gives them), changes or levels,
    /// that end by `before` and satisfy `accept`: the nearest `limit` of them, in text order.
    func named(_ noun: [Unicode.Scalar], change: Bool, before: Int, limit: Int = 2,
               where accept: (Quantity) -> Bool = { _ in true }) -> [Quantity] {
        table.named(noun, change: change, before: before, limit: limit, where: accept)
    }
}

/// The entries and their bigrams.
private struct NamedAmountsTable {
    struct Entry {
        /// The position of the amount in `TextIndex.amounts`.
        let amount: Int32
        /// The name's characters (basis words left out) in `names`.
        let nameStart: Int32
        let nameCount: Int32
        /// A change against an earlier period (written after a comparison cue).
        let isChange: Bool
    }

    private let grammar: Grammar
    /// The index's amounts (the same storage, not a copy).
    private let amounts: QuantityList
    private var entries: [Entry] = []
    /// Every entry's name, one after another.
    private var names: [Unicode.Scalar] = []
    /// Each Han bigram of each entry's name, once per entry, sorted by bigram and then entry: the
    /// entries holding a bigram are one run of `entryOfBigram`, in text order.
    private var bigrams: [UInt64] = []
    private var entryOfBigram: [Int32] = []

    init(chars: [Unicode.Scalar], index: TextIndex, grammar: Grammar, packedEntryLimit: Int) {
        self.grammar = grammar
        self.amounts = index.amounts
        // (Bigram and entry as one number, sorted as numbers: a bigram of Han characters takes 36
        // bits (`code`), an entry the 28 below; a larger document sorts pairs.)
        var pairs: [(bigram: UInt64, entry: Int32)] = []
        var cues = FirstOccurrenceScan(phrases: grammar.comparisonCues)
        for (position, q) in index.amounts.enumerated() where !index.isParenthetical(q) && grammar.isCount(q) {
            let clause = index.clause(containing: q.range.lowerBound)
            var nameRange = clause.lowerBound..<q.range.lowerBound
            var isChange = false
            if let cue = cues.first(in: chars, range: nameRange) {
                isChange = true
                nameRange = clause.lowerBound..<cue
                if NamedAmounts.content(chars, nameRange, grammar).count < 2, let level = NamedAmounts.level(before: clause, chars: chars, index: index, grammar: grammar) {
                    nameRange = index.clause(containing: level.range.lowerBound).lowerBound..<level.range.lowerBound
                }
            } else if let previous = index.amounts(in: nameRange).last(where: { $0.range.upperBound <= q.range.lowerBound }) {
                nameRange = previous.range.upperBound..<q.range.lowerBound
            }
            let name = NamedAmounts.content(chars, nameRange, grammar)
            guard name.count >= 2 else { continue }
            let k = Int32(entries.count)
            entries.append(Entry(amount: Int32(position), nameStart: Int32(names.count), nameCount: Int32(name.count), isChange: isChange))
            names += name
            for (a, b) in zip(name, name.dropFirst()) { pairs.append((Self.code(a, b), k)) }
        }
        if entries.count < packedEntryLimit {
            var packed = pairs.map { $0.bigram << 28 | UInt64($0.entry) }
            pairs = []
            packed.sort()
            for (k, value) in packed.enumerated() where k == 0 || value != packed[k - 1] {
                bigrams.append(value >> 28)
                entryOfBigram.append(Int32(truncatingIfNeeded: value & ((1 << 28) - 1)))
            }
        } else {
            pairs.sort { $0.bigram != $1.bigram ? $0.bigram < $1.bigram : $0.entry < $1.entry }
            for (k, pair) in pairs.enumerated() where k == 0 || pair != pairs[k - 1] {
                bigrams.append(pair.bigram)
                entryOfBigram.append(pair.entry)
            }
        }
    }

    /// Two Han characters (`Unicode.Scalar.isHan`) as a 36-bit number: each in 18 bits, counted
    /// from the start of its block (the unified ideographs from extension A, the compatibility
    /// ideographs, the supplementary planes).
    static func code(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        func code(_ c: Unicode.Scalar) -> UInt64 {
            let v = UInt64(c.value)
            switch v {
            case 0x3400...0x9FFF: return v - 0x3400
            case 0xF900...0xFAFF: return 0x6C00 + v - 0xF900
            default: return 0x6E00 + ((v &- 0x20000) & 0x3FFFF)  // 0x20000...0x3FFFF
            }
        }
        return code(a) << 18 | code(b)
    }

    func named(_ noun: [Unicode.Scalar], change: Bool, before: Int, limit: Int = 2,
               where accept: (Quantity) -> Bool = { _ in true }) -> [Quantity] {
        guard noun.count >= 2 else { return [] }
        guard noun[0].isHan, noun[1].isHan else { return [] }
        let key = Self.code(noun[0], noun[1])
        let candidates = entryOfBigram[bigrams.boundary { $0 >= key }..<bigrams.boundary { $0 > key }]
        var found: [Quantity] = []
        var k = candidates.boundary { amounts[Int(entries[Int($0)].amount)].range.upperBound > before } - 1
        var read = 0
        while k >= candidates.startIndex, found.count < limit, read < NamedAmounts.lookupReach {
            let entry = entries[Int(candidates[k])]
            let quantity = amounts[Int(entry.amount)]
            if entry.isChange == change, writes(noun, in: entry), accept(quantity) { found.append(quantity) }
            k -= 1
            read += 1
        }
        return found.reversed()
    }

    /// Whether the entry's name holds `noun` as written, not right after a complement prefix (非).
    private func writes(_ noun: [Unicode.Scalar], in entry: Entry) -> Bool {
        let start = Int(entry.nameStart), count = Int(entry.nameCount)
        guard count >= noun.count else { return false }
        for k in start...(start + count - noun.count) where names[k] == noun[0] && names[k..<k + noun.count].elementsEqual(noun) {
            if grammar.complementPrefixes.matchEnding(in: names, at: k, floor: start) == nil { return true }
        }
        return false
    }
}

extension NamedAmounts {
    /// The Han characters of `range` with the words of the basis grammar (总, 全部, 年度, 额) left out.
    static func content(_ chars: [Unicode.Scalar], _ range: Range<Int>, _ grammar: Grammar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let hit = grammar.basisNouns.match(in: chars, at: i, limit: range.upperBound) {
                i += hit.length
            } else {
                if chars[i].isHan { out.append(chars[i]) }
                i += 1
            }
        }
        return out
    }

    /// The noun of `range` as a lookup key: its content, and whether it ends in an increment noun
    /// (税收收入增收额 → 税收收入, a change).
    static func noun(_ chars: [Unicode.Scalar], _ range: Range<Int>, _ grammar: Grammar) -> (noun: [Unicode.Scalar], change: Bool) {
        if let end = grammar.incrementNouns.matchEnding(in: chars, at: range.upperBound, floor: range.lowerBound) {
            return (content(chars, range.lowerBound..<range.upperBound - end.length, grammar), true)
        }
        return (content(chars, range, grammar), false)
    }

    /// The level a change in `clause` changes: the last amount of an earlier clause of the sentence
    /// that is itself no change (…收入5691.04亿元,比上年同期增收1056.72亿元).
    fileprivate static func level(before clause: Range<Int>, chars: [Unicode.Scalar], index: TextIndex, grammar: Grammar) -> Quantity? {
        let sentence = index.sentence(containing: clause.lowerBound)
        guard clause.lowerBound > sentence.lowerBound else { return nil }
        return index.amounts(in: sentence.lowerBound..<clause.lowerBound).last {
            !index.isParenthetical($0) && !index.hasCue(grammar.comparisonCues, before: $0)
        }
    }
}
