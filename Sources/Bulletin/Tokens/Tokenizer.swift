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

    /// The basic-plane characters after which a token always starts at an ASCII digit
    /// (`digitAfter`) or at an ideograph (`hanAfter`); there the rules start afresh,
    /// so a breaker set at that character reads the token as one running from the start would.
    ///
    /// UAX #29 joins a digit to what precedes it only through WB4 (Extend, Format, ZWJ), WB8
    /// (Numeric), WB9 (letters), WB11 (MidNum, MidNumLet, Single_Quote) and WB13b (ExtendNumLet);
    /// CR, LF and Newline break always and a WSegSpace joins only another. So after a character
    /// whose Word_Break is Other, CR, LF, Newline or WSegSpace a digit starts a token, except where
    /// ICU reads that character as a letter: the complex-context scripts (Line_Break SA, Thai and
    /// the like) and @ (for e-mail addresses), which its word rules add to the letters. Ideographs
    /// are Other: ICU segments a run of them by dictionary, only up to its last.
    ///
    /// An ideograph joins only a run of ideographs and kana before it (which ICU segments by
    /// dictionary as one) and, by WB4, Extend, Format and ZWJ. So after a digit or any of the
    /// characters above that is not itself ideograph or kana, an ideograph starts a token and a run
    /// of them that ICU segments from there (2.8万, “三).
    ///
    /// `TokenizerTests.tokenStartsAfterEveryBreakCharacter` asks ICU about each character.
    ///
    /// A thread asks ICU about a character the first time one precedes a digit or an ideograph, and
    /// keeps the answer for the texts it reads next (`certainStarts`).
    final class CertainStarts {
        /// By basic-plane character: 0 not asked yet; else 1, with 2 when a digit starts a token
        /// after it and 4 when an ideograph does.
        private var flags = [UInt8](repeating: 0, count: 0x10000)

        /// Whether a token starts at `unit` when UTF-16 unit `previous` precedes it.
        @inline(__always)
        func startsToken(_ unit: UInt16, after previous: UInt16) -> Bool {
            let isDigit = (0x30...0x39).contains(unit)
            guard isDigit || Unicode.Scalar(unit)?.isHan == true else { return false }
            var found = flags[Int(previous)]
            if found == 0 { found = ask(previous) }
            return found & (isDigit ? 2 : 4) != 0
        }

        private func ask(_ unit: UInt16) -> UInt8 {
            let c = UInt32(unit)
            var found: UInt8 = 1
            let wordBreak = bicu_word_break_value(c), lineBreak = bicu_line_break_value(c)
            if !(0xD800...0xDFFF).contains(c), lineBreak != 24, c != 0x40 {  // complex context, @
                if [0, 8, 10, 12, 22].contains(wordBreak) { found |= 2 }  // Other, CR, LF, Newline, WSegSpace
                let script = bicu_script_value(c)
                if [0, 8, 10, 12, 22, 6].contains(wordBreak), ![17, 20, 22].contains(script) { found |= 4 }  // 6 Numeric; Han, kana
            }
            flags[Int(unit)] = found
            return found
        }
    }

    /// This thread's certain starts.
    static var certainStarts: CertainStarts { threadCertainStarts.value }
    private static let threadCertainStarts = ThreadLocal { CertainStarts() }

    /// Every token of `chars`.
    static func tokenize(_ chars: [Unicode.Scalar]) -> [Token] {
        tokenize(chars, startingWith: nil)
    }

    /// The tokens of `chars` that start with one of `starts` (every token when nil), exactly as
    /// tokenizing the whole text gives them. ICU is asked only at those characters whether a token
    /// starts there (its iterator answers at any position as it would running from the start), so
    /// text with no such character is not segmented at all: the quantity scanner reads only
    /// tokens that start with a digit or a numeral (`Grammar.amountStarts`).
    static func tokenize(_ chars: [Unicode.Scalar], startingWith starts: ScalarSet?) -> [Token] {
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
        func startsToken(_ unit: UInt16, at u: Int) -> Bool {
            guard let starts else { return true }
            if unit < 0xD800 || unit > 0xDFFF { return starts.contains(UInt32(unit)) }
            return starts.contains(chars[Int(scalarAt[u])].value)
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(starts == nil ? chars.count / 2 : chars.count / 16)
        utf16.withUnsafeBufferPointer { buffer in
            var error: Int32 = 0
            guard let breaker = bicu_word_breaker_open("zh", buffer.baseAddress, Int32(buffer.count), &error) else {
                // Without ICU's iterator, fall back to one token per scalar so later stages still run.
                tokens = chars.indices.filter { starts?.contains(chars[$0].value) ?? true }
                    .map { Token(kind: kind(status: 0, first: chars[$0]), range: $0..<$0 + 1) }
                return
            }
            defer { bicu_word_breaker_close(breaker) }
            if starts == nil {
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
                return
            }
            // Where a token always starts (a digit after an ideograph, a space, a line break or
            // punctuation; an ideograph after a digit or punctuation: `CertainStarts`), the rules
            // start afresh. A second breaker reads that token from there, so the text before it is
            // not segmented for it.
            let certain = certainStarts
            var fresh: OpaquePointer? = nil
            defer { if let fresh { bicu_word_breaker_close(fresh) } }
            func tokenFrom(_ u: Int) -> Int? {
                guard let base = buffer.baseAddress else { return nil }
                let rest = Int32(buffer.count - u)
                if let fresh {
                    guard bicu_word_breaker_set_text(fresh, base + u, rest) <= 0 else { return nil }
                } else {
                    fresh = bicu_word_breaker_open("zh", base + u, rest, &error)
                }
                guard let fresh else { return nil }
                let end = bicu_word_breaker_next(fresh)
                guard end > 0 else { return nil }
                let from = Int(scalarAt[u]), to = Int(scalarAt[u + Int(end)])
                tokens.append(Token(kind: kind(status: bicu_word_breaker_status(fresh), first: chars[from]), range: from..<to))
                return u + Int(end)
            }
            var u = 0
            while u < buffer.count {
                guard startsToken(buffer[u], at: u) else { u += 1; continue }
                if u > 0, certain.startsToken(buffer[u], after: buffer[u - 1]), let next = tokenFrom(u) {
                    u = next
                    continue
                }
                guard bicu_word_breaker_is_boundary(breaker, Int32(u)) != 0 else {
                    // Inside a token: go on from where the next one starts.
                    u = max(u + 1, Int(bicu_word_breaker_current(breaker)))
                    continue
                }
                let end = bicu_word_breaker_next(breaker)
                guard end > u else { break }
                let from = Int(scalarAt[u]), to = Int(scalarAt[Int(end)])
                if to > from {
                    tokens.append(Token(kind: kind(status: bicu_word_breaker_status(breaker), first: chars[from]), range: from..<to))
                }
                u = Int(end)
            }
        }
        return tokens
    }
}
