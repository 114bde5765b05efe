/// How far a search for context looks, in characters: the occurrence searches of `PhraseTrie` and
/// the ranges `TextIndex` hands out stop this far from where they start. That is far beyond the
/// longest sentence or paragraph of a real bulletin (the longest line in the corpus has about 1,100
/// characters), and it keeps every stage linear in the input even for text without punctuation or
/// line breaks (a 100 MB single line, 10,000 percentages in a row).
let contextReach = 2000

/// A trie of phrases over Unicode scalars, for longest-match lookups at a position, forwards
/// (`match(in:at:)`) or backwards from a position (`matchEnding(in:at:)`). Each lookup costs at
/// most the length of the longest phrase; an occurrence search at most `contextReach` lookups.
struct PhraseTrie<Value: Sendable>: Sendable {
    private var forward = TrieNodes()
    private var backward = TrieNodes()
    /// The values of the phrases, indexed by `TrieNodes.valueIndex`.
    private var values: [Value] = []
    private(set) var maxLength = 0
    /// The first scalar of every phrase (normalised): no match starts anywhere else.
    private(set) var firstScalars = Set<UInt32>()

    init() {}

    init(_ entries: [(String, Value)]) {
        for (phrase, value) in entries { insert(phrase, value) }
        forward.freeze()
        backward.freeze()
    }

    var isEmpty: Bool { values.isEmpty }

    /// Adds a phrase, normalised as the input text is (NFKC, simplified Chinese), so a grammar
    /// written with fullwidth punctuation or traditional characters still matches.
    mutating func insert(_ phrase: String, _ value: Value) {
        let scalars = phrase.unicodeScalars.flatMap { $0.value < 0x80 ? [$0] : TextNormalizer.shared.normalize($0) }
        guard !scalars.isEmpty else { return }
        maxLength = max(maxLength, scalars.count)
        firstScalars.insert(scalars[0].value)
        let index = Int32(values.count)
        let addedForward = forward.add(scalars, valueIndex: index)
        let addedBackward = backward.add(scalars.reversed(), valueIndex: index)
        if addedForward || addedBackward { values.append(value) }  // a repeated phrase keeps its first value
    }

    /// The longest phrase that starts at `start` in `text`, as (length, value).
    func match(in text: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        guard let hit = forward.longestForward(in: text, from: start, to: min(limit ?? text.count, text.count)) else { return nil }
        return (hit.length, values[hit.valueIndex])
    }

    /// The longest phrase that ends right before `end` in `text`, as (length, value).
    func matchEnding(in text: [Unicode.Scalar], at end: Int, floor: Int = 0) -> (length: Int, value: Value)? {
        guard let hit = backward.longestBackward(in: text, before: end, floor: max(floor, 0)) else { return nil }
        return (hit.length, values[hit.valueIndex])
    }

    /// The first occurrence of any phrase inside `text[range]`, looking at most `contextReach`
    /// positions past the start of the range.
    func firstOccurrence(in text: [Unicode.Scalar], range: Range<Int>) -> (start: Int, length: Int, value: Value)? {
        var i = max(range.lowerBound, 0)
        let last = min(range.upperBound, i + contextReach, text.count)
        while true {
            i = forward.firstRootMatch(in: text, from: i, to: last)
            guard i < last else { return nil }
            if let hit = match(in: text, at: i, limit: range.upperBound) { return (i, hit.length, hit.value) }
            i += 1
        }
    }

    /// The last occurrence of any phrase inside `text[range]`, looking at most `contextReach`
    /// positions back from the end of the range.
    func lastOccurrence(in text: [Unicode.Scalar], range: Range<Int>) -> (start: Int, length: Int, value: Value)? {
        var i = min(range.upperBound, text.count)
        let first = max(range.lowerBound, i - contextReach, 0)
        while true {
            // (Phrases that end right before i: the backward trie's root holds their last scalars.)
            i = backward.lastRootMatch(in: text, from: first, to: i) + 1
            guard i > first else { return nil }
            if let hit = matchEnding(in: text, at: i, floor: range.lowerBound) { return (i - hit.length, hit.length, hit.value) }
            i -= 1
        }
    }
}

/// `PhraseTrie.firstOccurrence` asked for ranges that share their start and grow at the end (each
/// amount of a clause in turn, the clause up to it), reading each position once for the clause
/// instead of once per amount. Gives the start of what `firstOccurrence` finds.
struct FirstOccurrenceScan {
    let phrases: PhraseTrie<Bool>
    private var start = -1
    /// Positions in `start..<scanned` start no phrase that fits by `limit`.
    private var scanned = 0, limit = 0
    private var found: Int? = nil

    init(phrases: PhraseTrie<Bool>) { self.phrases = phrases }

    mutating func first(in chars: [Unicode.Scalar], range: Range<Int>) -> Int? {
        if range.lowerBound != start || range.upperBound < limit {
            (start, scanned, limit, found) = (range.lowerBound, range.lowerBound, range.lowerBound, nil)
        }
        guard found == nil else { return found }
        // A phrase that fits by the new end but not the old one ends past the old: it starts
        // within the longest phrase's length of it.
        let from = min(scanned, max(start, limit - phrases.maxLength + 1))
        let last = min(range.upperBound, start + contextReach)
        var i = from
        while i < last {
            if phrases.match(in: chars, at: i, limit: range.upperBound) != nil { found = i; return i }
            i += 1
        }
        (scanned, limit) = (max(scanned, last), range.upperBound)
        return nil
    }
}

/// The nodes of one direction of a `PhraseTrie`. Not generic, so that walking it costs no
/// generic-metadata lookups, which dominate a debug build's run time on large inputs.
struct TrieNodes: Sendable {
    /// The children of each node by scalar value; node 0 is the root.
    private var children: [[UInt32: Int32]] = [[:]]
    /// For each node, the index of the value of the phrase ending there, or -1.
    private var valueIndex: [Int32] = [-1]
    /// The root's children as a set, so that the usual miss at a position costs one bit test.
    private var rootScalars = ScalarSet()
    /// Once all phrases are in (`freeze`), the children again as flat arrays: node n's are
    /// `edgeScalars[edgeStart[n]..<edgeStart[n + 1]]` in scalar order, leading to `edgeNodes`.
    /// A step then reads two arrays instead of hashing into a dictionary.
    private var edgeStart: [Int32] = []
    private var edgeScalars: [UInt32] = []
    private var edgeNodes: [Int32] = []

    /// Builds the flat children; a phrase added later unbuilds them.
    mutating func freeze() {
        edgeStart = [0]
        edgeScalars = []
        edgeNodes = []
        for node in children.indices {
            for (scalar, next) in children[node].sorted(by: { $0.key < $1.key }) {
                edgeScalars.append(scalar)
                edgeNodes.append(next)
            }
            edgeStart.append(Int32(edgeScalars.count))
        }
    }

    /// The child of `node` by `scalar`.
    @inline(__always)
    private func child(_ node: Int, _ scalar: UInt32) -> Int? {
        guard !edgeStart.isEmpty else { return children[node][scalar].map(Int.init) }
        let end = Int(edgeStart[node + 1])
        let k = edgeScalars[Int(edgeStart[node])..<end].boundary { $0 >= scalar }
        return k < end && edgeScalars[k] == scalar ? Int(edgeNodes[k]) : nil
    }

    /// Adds a phrase; false if it was there already.
    mutating func add<S: Sequence>(_ scalars: S, valueIndex value: Int32) -> Bool where S.Element == Unicode.Scalar {
        (edgeStart, edgeScalars, edgeNodes) = ([], [], [])
        var node = 0
        for scalar in scalars {
            if node == 0 { rootScalars.insert(scalar) }
            if let next = children[node][scalar.value] {
                node = Int(next)
            } else {
                children.append([:])
                valueIndex.append(-1)
                children[node][scalar.value] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        guard valueIndex[node] < 0 else { return false }
        valueIndex[node] = value
        return true
    }

    @inline(__always)
    private func rootMayHave(_ scalar: Unicode.Scalar) -> Bool { rootScalars.contains(scalar) }

    /// The first position in `text[from..<to]` whose scalar the root may have (a phrase may start
    /// there), or `to`.
    func firstRootMatch(in text: [Unicode.Scalar], from: Int, to: Int) -> Int {
        var i = from
        while i < to, !rootMayHave(text[i]) { i += 1 }
        return i
    }

    /// The last position in `text[from..<to]` whose scalar the root may have, or `from - 1`.
    func lastRootMatch(in text: [Unicode.Scalar], from: Int, to: Int) -> Int {
        var i = to - 1
        while i >= from, !rootMayHave(text[i]) { i -= 1 }
        return i
    }

    /// The longest phrase in `text[start..<end]` that starts at `start`.
    func longestForward(in text: [Unicode.Scalar], from start: Int, to end: Int) -> (length: Int, valueIndex: Int)? {
        guard start >= 0, start < end, rootMayHave(text[start]) else { return nil }
        var node = 0
        var best: (length: Int, valueIndex: Int)? = nil
        var i = start
        while i < end, let next = child(node, text[i].value) {
            node = next
            i += 1
            if valueIndex[node] >= 0 { best = (i - start, Int(valueIndex[node])) }
        }
        return best
    }

    /// The longest phrase in `text[floor..<end]` that ends right before `end` (this trie holds the
    /// phrases reversed).
    func longestBackward(in text: [Unicode.Scalar], before end: Int, floor: Int) -> (length: Int, valueIndex: Int)? {
        guard end <= text.count, end - 1 >= floor, rootMayHave(text[end - 1]) else { return nil }
        var node = 0
        var best: (length: Int, valueIndex: Int)? = nil
        var i = end - 1
        while i >= floor, let next = child(node, text[i].value) {
            node = next
            if valueIndex[node] >= 0 { best = (end - i, Int(valueIndex[node])) }
            i -= 1
        }
        return best
    }
}
