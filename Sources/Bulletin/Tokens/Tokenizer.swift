import CICU

/// Splits normalised text into tokens with ICU's word break iterator (locale zh), which segments
/// Chinese by dictionary and keeps numbers such as 1,234.5 whole.
public enum Tokenizer {
    /// ICU's rule status ranges (UBRK_WORD_*).
    private static func kind(status: Int32, first: Unicode.Scalar) -> Token.Kind {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<500: return .ideographic
        default:
            return first.isSpace ? .whitespace : .punctuation
        }
    }

    public static func tokenize(_ source: SourceText) -> [Token] { tokenize(source.chars) }

    static func tokenize(_ chars: [Unicode.Scalar]) -> [Token] {
        guard !chars.isEmpty else { return [] }
        // ICU works on UTF-16; keep the scalar index of every UTF-16 offset.
        var utf16: [UInt16] = []
        var scalarAt: [Int32] = []
        utf16.reserveCapacity(chars.count)
        scalarAt.reserveCapacity(chars.count + 1)
        for index in chars.indices {
            let value = chars[index].value
            if value < 0x10000 {
                utf16.append(UInt16(value))
                scalarAt.append(Int32(index))
            } else {  // a surrogate pair
                utf16.append(UInt16(0xD800 + ((value - 0x10000) >> 10)))
                utf16.append(UInt16(0xDC00 + (value & 0x3FF)))
                scalarAt.append(Int32(index))
                scalarAt.append(Int32(index))
            }
        }
        scalarAt.append(Int32(chars.count))
        var tokens: [Token] = []
        tokens.reserveCapacity(chars.count / 2)
        utf16.withUnsafeBufferPointer { buffer in
            var error: Int32 = 0
            guard let breaker = bicu_word_breaker_open("zh", buffer.baseAddress, Int32(buffer.count), &error) else {
                // Without ICU's iterator, fall back to one token per scalar so later stages still run.
                tokens = chars.indices.map { Token(kind: kind(status: 0, first: chars[$0]), range: $0..<$0 + 1) }
                return
            }
            defer { bicu_word_breaker_close(breaker) }
            var start = 0
            while true {
                let boundary = bicu_word_breaker_next(breaker)
                if boundary < 0 { break }
                let from = Int(scalarAt[start]), to = Int(scalarAt[Int(boundary)])
                if to > from {
                    let status = bicu_word_breaker_status(breaker)
                    tokens.append(Token(kind: kind(status: status, first: chars[from]), range: from..<to))
                }
                start = Int(boundary)
            }
        }
        return tokens
    }
}
