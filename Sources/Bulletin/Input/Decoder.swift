/// Turns raw bytes into Unicode text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// otherwise whatever ICU's charset detection finds among the Chinese encodings (GB18030, which
/// covers GBK and GB2312, and Big5).
enum Decoder {
    struct Decoded {
        let scalars: [Unicode.Scalar]
        let encoding: String
    }

    /// Encodings accepted from ICU's detector; anything else is tried as GB18030.
    static let detectable: Set<String> = ["GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8"]

    static func decode(_ bytes: [UInt8]) throws -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let scalars = utf8(bytes.dropFirst(3)) { return Decoded(scalars: scalars, encoding: "UTF-8-BOM") }
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            let units = try ICU.convertToUTF16(Array(bytes.dropFirst(2)), from: name, strict: false)
            return Decoded(scalars: scalars(fromUTF16: units), encoding: name)
        }
        if let scalars = utf8(bytes[...]) { return Decoded(scalars: scalars, encoding: "UTF-8") }
        if looksBinary(bytes) {
            throw InputError.notText(reason: "not a text file (binary content such as a PDF or an image)")
        }
        var candidates: [String] = []
        if let guess = ICU.detectCharset(bytes), detectable.contains(guess.name), guess.name != "UTF-8" {
            candidates.append(guess.name)
        }
        for name in ["GB18030", "Big5"] where !candidates.contains(name) { candidates.append(name) }
        for name in candidates {
            if let units = try? ICU.convertToUTF16(bytes, from: name, strict: true) {
                return Decoded(scalars: scalars(fromUTF16: units), encoding: name)
            }
        }
        throw InputError.notText(reason: "not valid UTF-8, GB18030 or Big5 text")
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): result.append(s)
            case .emptyInput: return result
            case .error: return nil
            }
        }
    }

    static func scalars(fromUTF16 units: [UInt16]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): result.append(s)
            case .emptyInput: return result
            case .error: result.append("\u{FFFD}")
            }
        }
    }

    /// Files that start with a known binary signature or hold NUL bytes early on.
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let signatures: [[UInt8]] = [
            Array("%PDF".utf8), [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8),
            [0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0],
        ]
        if signatures.contains(where: { bytes.starts(with: $0) }) { return true }
        return bytes.prefix(4096).contains(0)
    }
}
