import Synchronization

/// Maps one scalar to its matching form: NFKC (fullwidth digits and punctuation, ideographic
/// space), then traditional to simplified Chinese (ICU "Hant-Hans"). Results are cached per scalar,
/// so each distinct character costs one ICU call per process.
final class TextNormalizer: Sendable {
    static let shared = TextNormalizer()

    private let cache = Mutex<[UInt32: [Unicode.Scalar]]>([:])
    private let simplifier: Mutex<Transliterator?>

    private init() {
        simplifier = Mutex(try? Transliterator(id: "Hant-Hans"))
    }

    func normalize(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let hit = cache.withLock({ $0[scalar.value] }) { return hit }
        // Circled numbers (①) mark list items; NFKC would make them plain digits.
        if (0x2460...0x2473).contains(scalar.value) { return [scalar] }
        var units = ICU.nfkc(Array(String(scalar).utf16))
        if scalar.isHan {
            units = simplifier.withLock { $0?.transliterate(units) ?? units }
        }
        var result = Decoder.scalars(fromUTF16: units)
        if result.isEmpty { result = [scalar] }  // keep one scalar per input where NFKC deletes
        cache.withLock { $0[scalar.value] = result }
        return result
    }

}
