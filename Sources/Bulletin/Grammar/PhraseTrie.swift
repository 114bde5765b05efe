/// A trie of phrases over Unicode scalars, for longest-match lookups at a position, forwards
/// (`match(in:at:)`) or backwards from a position (`matchEnding(in:at:)`). Each lookup costs at
/// most the length of the longest phrase.
struct PhraseTrie<Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var children: [UInt32: Int32] = [:]
        var value: Value?
    }

    private var forward: [Node] = [Node()]
    private var backward: [Node] = [Node()]
    private(set) var maxLength = 0

    init() {}

    init(_ entries: [(String, Value)]) {
        for (phrase, value) in entries { insert(phrase, value) }
    }

    var isEmpty: Bool { forward[0].children.isEmpty }

    /// Adds a phrase, normalised as the input text is (NFKC, simplified Chinese), so a grammar
    /// written with fullwidth punctuation or traditional characters still matches.
    mutating func insert(_ phrase: String, _ value: Value) {
        let scalars = phrase.unicodeScalars.flatMap { $0.value < 0x80 ? [$0] : TextNormalizer.shared.normalize($0) }
        guard !scalars.isEmpty else { return }
        maxLength = max(maxLength, scalars.count)
        Self.add(scalars, value, to: &forward)
        Self.add(scalars.reversed(), value, to: &backward)
    }

    private static func add<S: Sequence>(_ scalars: S, _ value: Value, to nodes: inout [Node]) where S.Element == Unicode.Scalar {
        var node = 0
        for scalar in scalars {
            if let next = nodes[node].children[scalar.value] {
                node = Int(next)
            } else {
                nodes.append(Node())
                nodes[node].children[scalar.value] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        if nodes[node].value == nil { nodes[node].value = value }
    }

    /// The longest phrase that starts at `start` in `text`, as (length, value).
    func match(in text: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        let end = min(limit ?? text.count, text.count)
        var node = 0
        var best: (Int, Value)? = nil
        var i = start
        while i < end, let next = forward[node].children[text[i].value] {
            node = Int(next)
            i += 1
            if let value = forward[node].value { best = (i - start, value) }
        }
        return best
    }

    /// The longest phrase that ends right before `end` in `text`, as (length, value).
    func matchEnding(in text: [Unicode.Scalar], at end: Int, floor: Int = 0) -> (length: Int, value: Value)? {
        var node = 0
        var best: (Int, Value)? = nil
        var i = end - 1
        while i >= max(floor, 0), let next = backward[node].children[text[i].value] {
            node = Int(next)
            if let value = backward[node].value { best = (end - i, value) }
            i -= 1
        }
        return best
    }

    /// Whether any phrase occurs in `text[range]`; returns the first occurrence's start.
    func firstOccurrence(in text: [Unicode.Scalar], range: Range<Int>) -> (start: Int, length: Int, value: Value)? {
        var i = range.lowerBound
        while i < range.upperBound {
            if let hit = match(in: text, at: i, limit: range.upperBound) { return (i, hit.length, hit.value) }
            i += 1
        }
        return nil
    }

    /// The start of the last occurrence of any phrase inside `text[range]`.
    func lastOccurrence(in text: [Unicode.Scalar], range: Range<Int>) -> (start: Int, length: Int, value: Value)? {
        var i = range.upperBound
        while i > range.lowerBound {
            if let hit = matchEnding(in: text, at: i, floor: range.lowerBound) { return (i - hit.length, hit.length, hit.value) }
            i -= 1
        }
        return nil
    }
}
