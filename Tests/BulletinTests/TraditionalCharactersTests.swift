import Foundation
import Testing
@testable import Bulletin

/// `Grammar/traditional.tsv` maps exactly the ideographs that ICU's Hant-Hans transliteration
/// changes (after NFKC) to what it makes of them, so that the normaliser simplifies as ICU would
/// without opening ICU's transliterator. With `BULLETIN_RECORD_TRADITIONAL=1` (what
/// `Scripts/update-traditional` sets) the test writes the file from the system ICU instead.
struct TraditionalCharactersTests {
    /// Every ideograph (`Unicode.Scalar.isHan`) that Hant-Hans changes, in code point order, with
    /// what it becomes.
    static func changedByICU() throws -> [(traditional: Unicode.Scalar, simplified: [Unicode.Scalar])] {
        let ideographs = [0x3400...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF].joined().compactMap { Unicode.Scalar(UInt32($0)) }
        let forms = ideographs.map { ICU.nfkc(Array(String($0).utf16)) }
        // All at once, each on its own line, so that no rule sees a neighbour.
        let simplified = try Transliterator(id: "Hant-Hans").transliterate(Array(forms.joined(separator: [0x0A])))
        let lines = simplified.split(separator: 0x0A, omittingEmptySubsequences: false)
        try #require(lines.count == ideographs.count)
        return zip(ideographs, zip(forms, lines)).filter { $1.0 != Array($1.1) }
            .map { ($0, Decoder.scalars(fromUTF16: Array($1.1))) }
    }

    static func file(_ changed: [(traditional: Unicode.Scalar, simplified: [Unicode.Scalar])]) -> String {
        var text = """
            # The ideographs that ICU's Hant-Hans transliteration changes (after NFKC), with what it makes
            # of each: 萬 → 万, 與 → 与, and a few that simplified text writes too (著 → 着). The text is
            # simplified through this table before it is matched, so every other grammar file is written
            # in simplified characters, and a process never opens ICU's transliterator (a third of a short
            # run's time). Made from the system ICU by Scripts/update-traditional; a test compares it
            # with ICU. Read from the built-in grammar only (a --grammar folder does not replace it): it
            # describes ICU, not bulletins.
            traditional\tsimplified

            """
        for (traditional, simplified) in changed {
            text += "\(traditional)\t\(String(String.UnicodeScalarView(simplified)))\n"
        }
        return text
    }

    @Test func theTableIsWhatICUMakes() throws {
        let changed = try Self.changedByICU()
        #expect(changed.count > 1000 && changed.contains { $0.traditional == "萬" && $0.simplified == ["万"] })
        if ProcessInfo.processInfo.environment["BULLETIN_RECORD_TRADITIONAL"] == "1" {
            try Self.file(changed).write(to: packageRoot.appendingPathComponent("Grammar/traditional.tsv"), atomically: true, encoding: .utf8)
            return
        }
        let table = TextNormalizer.simplified
        let wrong = changed.filter { table[$0.traditional.value] != $0.simplified }.map(\.traditional)
        let extra = Set(table.keys).subtracting(changed.map(\.traditional.value)).compactMap(Unicode.Scalar.init)
        #expect(wrong.isEmpty && extra.isEmpty, """
            Grammar/traditional.tsv differs from this ICU's Hant-Hans (run Scripts/update-traditional): \\
            \(wrong.count) missing or different (\(String(String.UnicodeScalarView(wrong.prefix(20))))), \\
            \(extra.count) that ICU leaves (\(String(String.UnicodeScalarView(extra.prefix(20)))))
            """)
    }

    /// The built-in grammar is written in simplified characters, as the text is matched.
    @Test func theBuiltInGrammarHasNoTraditionalCharacters() {
        for (name, text) in Grammar.embeddedFiles where name != "traditional.tsv" {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.hasPrefix("#") {
                let traditional = line.unicodeScalars.filter { TextNormalizer.simplified[$0.value] != nil }
                #expect(traditional.isEmpty, "Grammar/\(name):\(number + 1): \(String(String.UnicodeScalarView(traditional))) (write it simplified)")
            }
        }
    }
}
