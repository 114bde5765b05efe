import Synchronization

/// Maps one scalar to its matching form: NFKC (fullwidth digits and punctuation, ideographic
/// space), then traditional to simplified Chinese (ICU "Hant-Hans") for the characters
/// `Grammar/traditional.tsv` lists. Results are cached per scalar, so each distinct character costs
/// one ICU call per process, and ICU's transliterator is opened at the first traditional character
/// (opening it is a third of a short run's time).
final class TextNormalizer: Sendable {
    static let shared = TextNormalizer()

    /// The ideographs Hant-Hans changes, from the built-in grammar (a test compares them with ICU).
    static let traditional: ScalarSet = {
        do {
            let table = try GrammarTable(file: "Grammar/traditional.tsv", text: Grammar.embeddedFiles["traditional.tsv"] ?? "",
                                         requiredColumns: ["characters"])
            return ScalarSet(table.rows.flatMap { $0["characters"].unicodeScalars })
        } catch {
            preconditionFailure("built-in traditional characters are invalid: \(error)")
        }
    }()

    private let cache = Mutex<[UInt32: [Unicode.Scalar]]>([:])
    /// Opened at the first traditional character; nil inside when ICU cannot open it.
    private let simplifier = Mutex<Transliterator??>(nil)

    private init() {}

    func normalize(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let hit = cache.withLock({ $0[scalar.value] }) { return hit }
        // Circled numbers (①) mark list items; NFKC would make them plain digits.
        if (0x2460...0x2473).contains(scalar.value) { return [scalar] }
        var units = ICU.nfkc(Array(String(scalar).utf16))
        if Self.traditional.contains(scalar) {
            units = simplifier.withLock { simplifier in
                if simplifier == nil { simplifier = .some(try? Transliterator(id: "Hant-Hans")) }
                return simplifier??.transliterate(units) ?? units
            }
        }
        var result = Decoder.scalars(fromUTF16: units)
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
