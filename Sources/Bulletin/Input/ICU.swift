import CICU

/// An error reported by ICU, with the operation that failed and ICU's error code.
public struct ICUError: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32
    public var description: String { "ICU \(operation) failed (error \(code))" }
}

/// ICU services used by the input stage: charset detection and conversion, NFKC, transliteration.
enum ICU {
    /// ICU's best guess at the charset of `bytes`, with its confidence (0–100).
    static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let sample = bytes.prefix(1 << 20)
        let status = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                bicu_detect_charset($0.baseAddress, Int32($0.count), &name, 64, &confidence)
            }
        }
        guard status <= 0 else { return nil }
        let found = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return found.isEmpty ? nil : (found, Int(confidence))
    }

    /// Converts `bytes` from `charset` to UTF-16. With `strict`, invalid bytes are an error.
    static func convertToUTF16(_ bytes: [UInt8], from charset: String, strict: Bool) throws -> [UInt16] {
        var error: Int32 = 0
        func run(_ capacity: Int) -> ([UInt16], Int) {
            var dest = [UInt16](repeating: 0, count: max(capacity, 1))
            let needed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { src in
                    bicu_convert_to_utf16(charset, src.baseAddress, Int32(src.count), &dest,
                                          Int32(dest.count), strict ? 1 : 0, &error)
                }
            }
            return (dest, Int(needed))
        }
        var (dest, needed) = run(bytes.count + 16)
        if error == 15 /* U_BUFFER_OVERFLOW_ERROR */ || needed > dest.count {
            error = 0
            (dest, needed) = run(needed + 1)
        }
        guard error <= 0 else { throw ICUError(operation: "conversion from \(charset)", code: error) }
        return Array(dest.prefix(needed))
    }

    /// Encodes text in `charset` (GB18030, Big5, UTF-16LE …), for tests and tools that make
    /// inputs in other encodings.
    static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        let units = Array(text.utf16)
        var error: Int32 = 0
        func run(_ capacity: Int) -> ([UInt8], Int) {
            var dest = [CChar](repeating: 0, count: max(capacity, 1))
            let needed = bicu_convert_from_utf16(charset, units, Int32(units.count), &dest, Int32(dest.count), &error)
            return (dest.map { UInt8(bitPattern: $0) }, Int(needed))
        }
        var (dest, needed) = run(units.count * 4 + 16)
        if error == 15 || needed > dest.count {
            error = 0
            (dest, needed) = run(needed + 1)
        }
        guard error <= 0 else { throw ICUError(operation: "conversion to \(charset)", code: error) }
        return Array(dest.prefix(needed))
    }

    /// The NFKC form of a short UTF-16 string.
    static func nfkc(_ units: [UInt16]) -> [UInt16] {
        var error: Int32 = 0
        var dest = [UInt16](repeating: 0, count: units.count * 4 + 8)
        let n = bicu_nfkc(units, Int32(units.count), &dest, Int32(dest.count), &error)
        guard error <= 0 else { return units }
        return Array(dest.prefix(Int(n)))
    }
}

/// An ICU transliterator (e.g. "Hant-Hans"), owning its handle. The tests use it to make and check
/// `Grammar/traditional.tsv`, which the normaliser reads instead of opening one.
final class Transliterator {
    private let handle: OpaquePointer

    init(id: String) throws {
        let idUnits = Array(id.utf16)
        var error: Int32 = 0
        guard let handle = bicu_transliterator_open(idUnits, Int32(idUnits.count), &error) else {
            throw ICUError(operation: "transliterator \(id)", code: error)
        }
        self.handle = handle
    }

    deinit { bicu_transliterator_close(handle) }

    func transliterate(_ units: [UInt16]) -> [UInt16] {
        var buffer = units + [UInt16](repeating: 0, count: units.count * 2 + 8)
        var length = Int32(units.count)
        var error: Int32 = 0
        bicu_transliterate(handle, &buffer, &length, Int32(buffer.count), &error)
        guard error <= 0 else { return units }
        return Array(buffer.prefix(Int(length)))
    }
}
