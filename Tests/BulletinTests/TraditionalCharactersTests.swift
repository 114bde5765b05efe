import Foundation
import Testing
@testable import Bulletin

/// `Grammar/traditional.tsv` holds exactly the ideographs that ICU's Hant-Hans transliteration
/// changes (after NFKC), so that the normaliser can leave ICU's transliterator closed for text
/// without them and still simplify what ICU would. With `BULLETIN_RECORD_TRADITIONAL=1` (what
/// `Scripts/update-traditional` sets) the test writes the file from the system ICU instead.
struct TraditionalCharactersTests {
    /// Every ideograph (`Unicode.Scalar.isHan`) that Hant-Hans changes, in code point order.
    static func changedByICU() throws -> [Unicode.Scalar] {
        let ideographs = [0x3400...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF].joined().compactMap { Unicode.Scalar(UInt32($0)) }
        let forms = ideographs.map { ICU.nfkc(Array(String($0).utf16)) }
        // All at once, each on its own line, so that no rule sees a neighbour.
        let simplified = try Transliterator(id: "Hant-Hans").transliterate(Array(forms.joined(separator: [0x0A])))
        let lines = simplified.split(separator: 0x0A, omittingEmptySubsequences: false)
        try #require(lines.count == ideographs.count)
        return zip(ideographs, zip(forms, lines)).filter { $1.0 != Array($1.1) }.map(\.0)
    }

    static func file(_ characters: [Unicode.Scalar]) -> String {
        var text = """
            # The ideographs that ICU's Hant-Hans transliteration changes (after NFKC): traditional forms
            # (萬, 與, 東). The normaliser simplifies a character through ICU only when it is listed here,
            # so that a process reading simplified text never opens ICU's transliterator. Made from the
            # system ICU by Scripts/update-traditional; a test compares it with ICU. Read from the
            # built-in grammar only (a --grammar folder does not replace it): it describes ICU, not
            # bulletins. Any number of characters to a row.
            characters

            """
        for start in stride(from: 0, to: characters.count, by: 40) {
            text += String(String.UnicodeScalarView(characters[start..<min(start + 40, characters.count)])) + "\n"
        }
        return text
    }

    @Test func theListIsWhatICUChanges() throws {
        let changed = try Self.changedByICU()
        #expect(changed.count > 1000 && changed.contains("萬") && !changed.contains("万"))
        if ProcessInfo.processInfo.environment["BULLETIN_RECORD_TRADITIONAL"] == "1" {
            try Self.file(changed).write(to: packageRoot.appendingPathComponent("Grammar/traditional.tsv"), atomically: true, encoding: .utf8)
            return
        }
        let listed = Array(TextNormalizer.traditional)
        let missing = changed.filter { !TextNormalizer.traditional.contains($0) }
        let extra = listed.filter { !Set(changed).contains($0) }
        #expect(missing.isEmpty && extra.isEmpty && listed.count == changed.count, """
            Grammar/traditional.tsv differs from this ICU's Hant-Hans (run Scripts/update-traditional): \
            missing \(missing.count) (\(String(String.UnicodeScalarView(missing.prefix(20))))), \
            not changed by ICU \(extra.count) (\(String(String.UnicodeScalarView(extra.prefix(20)))))
            """)
    }

    /// The built-in grammar is written in simplified characters (the text is simplified before it
    /// is matched), so that loading it leaves ICU's transliterator closed.
    @Test func theBuiltInGrammarHasNoTraditionalCharacters() {
        for (name, text) in Grammar.embeddedFiles where name != "traditional.tsv" {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.hasPrefix("#") {
                let traditional = line.unicodeScalars.filter { TextNormalizer.traditional.contains($0) }
                #expect(traditional.isEmpty, "Grammar/\(name):\(number + 1): \(String(String.UnicodeScalarView(traditional))) (write it simplified)")
            }
        }
    }
}
