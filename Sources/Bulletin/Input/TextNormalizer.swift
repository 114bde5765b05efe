import Synchronization

/// Maps one scalar to its matching form: NFKC (fullwidth digits and punctuation, ideographic
/// space), then traditional to simplified Chinese as ICU's "Hant-Hans" makes it, read from
/// `Grammar/traditional.tsv` (a test compares the table with ICU; opening ICU's transliterator
/// was a third of a short run's time). Results are cached per scalar, so each distinct character
/// costs one ICU call per process.
final class TextNormalizer: Sendable {
    static let shared = TextNormalizer()

    /// What Hant-Hans makes of each ideograph it changes (after NFKC), from the built-in grammar.
    static let simplified: [UInt32: [Unicode.Scalar]] = {
        // (Read as one array of scalars, without `GrammarTable`, whose rows of named fields would
        // cost more than the rest of a short run's start.)
        let text = Decoder.strictUTF8(Array((Grammar.embeddedFiles["traditional.tsv"] ?? "").utf8)[...]) ?? []
        var simplified: [UInt32: [Unicode.Scalar]] = [:]
        simplified.reserveCapacity(4096)
        var start = 0, number = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: "\n") ?? text.count
            number += 1
            defer { start = end + 1 }
            let line = text[start..<end]
            if line.isEmpty || line.first == "#" || line.starts(with: "traditional\t".unicodeScalars) { continue }
            guard line.count >= 3, line[start + 1] == "\t", !line.dropFirst(2).contains("\t") else {
                preconditionFailure("Grammar/traditional.tsv:\(number): expected one character, a tab and what it becomes")
            }
            simplified[line[start].value] = Array(line.dropFirst(2))
        }
        return simplified
    }()

    private let cache = Mutex<[UInt32: [Unicode.Scalar]]>([:])

    private init() {}

    func normalize(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let hit = cache.withLock({ $0[scalar.value] }) { return hit }
        // Circled numbers (①) mark list items; NFKC would make them plain digits.
        if (0x2460...0x2473).contains(scalar.value) { return [scalar] }
        var result = Self.simplified[scalar.value] ?? Decoder.scalars(fromUTF16: ICU.nfkc(Array(String(scalar).utf16)))
        if result.isEmpty { result = [scalar] }  // keep one scalar per input where NFKC deletes
        cache.withLock { $0[scalar.value] = result }
        return result
    }

    /// The characters below U+10000 that map to one character, by code point ("\0": not asked yet),
    /// kept by each thread for every text it normalises: a batch asks the shared cache once per
    /// distinct character and thread, not once per document, and no table is cleared per document.
    final class SingleTable {
        var mapped = [Unicode.Scalar](repeating: "\0", count: 0x10000)
    }

    private static let tables = ThreadLocal { SingleTable() }

    /// This thread's table.
    static func threadTable() -> SingleTable { tables.value }
}
