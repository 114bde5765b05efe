import CICU
import Foundation
import Testing
@testable import Bulletin

/// Tokenizing only where an amount can start gives exactly the tokens that tokenizing the whole
/// text gives there: ICU answers at any position as it does running from the start.
struct TokenizerTests {
    func expectSameTokens(_ chars: [Unicode.Scalar], starts: ScalarSet, _ name: String) {
        let all = Tokenizer.tokenize(chars).filter { starts.contains(chars[$0.range.lowerBound].value) }
        let some = Tokenizer.tokenize(chars, startingWith: starts)
        #expect(some == all, "\(name): \(some.count) tokens against \(all.count)")
    }

    @Test(arguments: corpusTexts())
    func corpusTokensAtAmountStarts(_ path: String) throws {
        let source = try SourceText(bytes: packageFile(path), path: path)
        expectSameTokens(source.chars, starts: Grammar.builtIn.amountStarts, path)
    }

    /// A thread keeps its ICU breaker for the next text: a breaker that has segmented other text
    /// (longer, shorter, or stopped midway) segments the next exactly as a new one.
    @Test func reusedBreakerSegmentsAsNew() {
        let a = Array("2019年完成棚户区改造29245套(户),占年计划的104.4%。".unicodeScalars)
        let b = Array(String(repeating: "三年行动计划启动改造2.8万套,统一进一步一批1;", count: 50).unicodeScalars)
        let first = Tokenizer.tokenize(a)
        _ = Tokenizer.tokenize(b)
        _ = Tokenizer.tokenize(b, startingWith: Grammar.builtIn.amountStarts)
        #expect(Tokenizer.tokenize(a) == first)
        #expect(Tokenizer.tokenize(Array(a.prefix(5))) == first.filter { $0.range.upperBound <= 5 })
        #expect(Tokenizer.tokenize(a) == first)
    }

    /// Letters joined to digits (G20, A1), separators inside numbers (1,234.5; 3:2), numerals inside
    /// words (统一, 进一步, 一批), numbers after combining marks and in supplementary characters, and
    /// a text that starts and ends with a digit.
    @Test func awkwardNeighbours() {
        let texts = ["1G20峰会A1级3,234.5万元、3:2,统一进一步一批1",
                     "e\u{301}1 2\u{200D}3 𠀀一𠀀二 五十 二〇一九年 几十 百分之三十 翻一番 十几个 0532-1234",
                     "完成5项,占年计划的50%。计划10项\n\n一、三\r\n二十.5 1.5.6 a.1 1'000",
                     "(5)、6。7—8 9\t10《11》-12+13/14ก15あ16ア17_18@19#20$21\u{00A0}22\u{3000}23“24”25"]
        for text in texts {
            expectSameTokens(Array(text.unicodeScalars), starts: Grammar.builtIn.amountStarts, text)
            // Every token, asked one by one.
            let chars = Array(text.unicodeScalars)
            expectSameTokens(chars, starts: ScalarSet(chars), text + " (every start)")
        }
    }

    /// The tokenizer reads a token from a digit or an ideograph after a character of
    /// `Tokenizer.CertainStarts` without asking ICU whether one starts there. ICU agrees for every
    /// such character of the basic plane, after an ideograph, a letter, a digit, a Thai letter, a
    /// full stop or nothing at all; and the tokens read so are those of the whole text.
    @Test func tokenStartsAfterEveryBreakCharacter() {
        let certain = Tokenizer.certainStarts
        for (before, digit, han) in [("中", true, false), ("(", true, true), ("、", true, true), (" ", true, true),
                                     ("\n", true, true), ("“", true, true), ("5", false, true), (".", false, false),
                                     (",", false, false), ("a", false, false), ("ก", false, false), ("@", false, false),
                                     ("あ", true, false), ("ア", false, false), ("\u{301}", false, false)] {
            let unit = before.utf16.first!
            #expect(certain.startsToken(0x35, after: unit) == digit, "\(before)5")
            #expect(certain.startsToken(0x4E09, after: unit) == han, "\(before)三")
        }
        let contexts: [[UInt16]] = [[], [0x4E2D], [0x61], [0x31], [0x0E01], [0x2E]]
        for (start, word) in [(UInt16(0x35), [UInt16(0x35)]), (0x4E09, Array("三年行动".utf16))] {
            let characters = (UInt16(0)...UInt16.max).filter { certain.startsToken(start, after: $0) }
            #expect(characters.count > (start == 0x35 ? 40000 : 5000))
            var text: [UInt16] = [], starts: [Int] = [], sample: [UInt16] = []
            for (k, unit) in characters.enumerated() {
                for context in contexts {
                    let piece = [0x0A] + context + [unit] + word
                    starts.append(text.count + piece.count - word.count)
                    text += piece
                    // (The tokens are compared on the characters below the ideographs and one in 64 of the rest.)
                    if unit < 0x3000 || k % 64 == 0 { sample += piece }
                }
            }
            var boundaries = [Bool](repeating: false, count: text.count + 1)
            text.withUnsafeBufferPointer { buffer in
                var error: Int32 = 0
                let breaker = bicu_word_breaker_open("zh", buffer.baseAddress, Int32(buffer.count), &error)
                defer { bicu_word_breaker_close(breaker) }
                while let breaker, case let b = bicu_word_breaker_next(breaker), b >= 0 { boundaries[Int(b)] = true }
            }
            let joined = Set(starts.filter { !boundaries[$0] }.map { text[$0 - 1] }).sorted().prefix(40)
            #expect(joined.isEmpty, "ICU joins \(word) to \(joined.map { String(format: "U+%04X", $0) })")
            expectSameTokens(String(decoding: sample, as: UTF16.self).unicodeScalars.map { $0 },
                             starts: Grammar.builtIn.amountStarts, "every character before \(word)")
        }
    }

    /// What the tokenizer's shortcut rests on: the quantity scanner reads nothing from a token that
    /// starts with a character outside `Grammar.amountStarts`. Scanning every token and scanning
    /// only those gives the same quantities, dates and diagnostics on every corpus document (and
    /// would not, were a way to start an amount added to the scanner but not to `amountStarts`).
    @Test(arguments: corpusTexts())
    func scannerReadsOnlyTokensAtAmountStarts(_ path: String) throws {
        let grammar = Grammar.builtIn
        let layout = LayoutReader(source: try SourceText(bytes: packageFile(path), path: path), grammar: grammar).read()
        let scanner = QuantityScanner(source: layout.source, grammar: grammar, layout: layout)
        let all = scanner.scan(Tokenizer.tokenize(layout.source.chars))
        let some = scanner.scan(Tokenizer.tokenize(layout.source.chars, startingWith: grammar.amountStarts))
        #expect(some.quantities == all.quantities, "\(path)")
        #expect(some.dates == all.dates, "\(path)")
        #expect(some.diagnostics == all.diagnostics, "\(path)")
        #expect(!all.quantities.isEmpty)
    }
}
