import Foundation

/// A numbering style that opens a part of the outline at the start of a line (一、, (一), 1.,
/// (1), ①, 第一部分), read from `Grammar/outline.tsv`.
/// (A class: every outline marker found holds its pattern, and a reference is one word to copy.)
final class OutlinePattern: Sendable {
    enum Node: String, Sendable { case section, item }
    enum Placeholder: Sendable { case chinese, arabic, circled }

    let prefix: [Unicode.Scalar]
    let placeholder: Placeholder
    let suffix: [Unicode.Scalar]
    let level: Int
    let node: Node
    let text: String
    /// The pattern with its placeholder filled in, for messages and output: 一、, (1), ①.
    let example: String

    init?(_ text: String, level: Int, node: Node) {
        let placeholders: [(String, Placeholder)] = [("{cn}", .chinese), ("{n}", .arabic), ("{circled}", .circled)]
        let found = placeholders.filter { text.contains($0.0) }
        guard found.count == 1, let (token, placeholder) = found.first,
              let range = text.range(of: token), text.components(separatedBy: token).count == 2 else { return nil }
        func normalized(_ s: Substring) -> [Unicode.Scalar] {
            s.unicodeScalars.flatMap { $0.value < 0x80 ? [$0] : TextNormalizer.shared.normalize($0) }
        }
        self.prefix = normalized(text[..<range.lowerBound])
        self.suffix = normalized(text[range.upperBound...])
        self.placeholder = placeholder
        self.level = level
        self.node = node
        self.text = text
        self.example = text.replacingOccurrences(of: "{cn}", with: "一").replacingOccurrences(of: "{n}", with: "1")
            .replacingOccurrences(of: "{circled}", with: "①")
    }

    /// A marker found at a line start: which pattern, the number it gives, where the numeral is,
    /// and where the marker ends.
    struct Match: Sendable {
        let pattern: OutlinePattern
        let number: Int
        let numeral: Range<Int>
        let end: Int
    }

    /// The longest marker of `patterns` at `start`, within `limit`.
    static func match(_ patterns: [OutlinePattern], in chars: [Unicode.Scalar], at start: Int, limit: Int,
                      numerals: [UInt32: Grammar.NumeralEntry]) -> Match? {
        var best: Match? = nil
        for pattern in patterns {
            guard let m = pattern.match(in: chars, at: start, limit: limit, numerals: numerals) else { continue }
            if m.end > (best?.end ?? Int.min) { best = m }
        }
        return best
    }

    private func match(in chars: [Unicode.Scalar], at start: Int, limit: Int,
                       numerals: [UInt32: Grammar.NumeralEntry]) -> Match? {
        var i = start
        for c in prefix {
            guard i < limit, chars[i] == c else { return nil }
            i += 1
        }
        let numeralStart = i
        var number = 0
        switch placeholder {
        case .arabic:
            while i < limit, i - numeralStart < 3, chars[i].value >= 0x30, chars[i].value <= 0x39 {
                number = number * 10 + Int(chars[i].value - 0x30)
                i += 1
            }
            guard i > numeralStart, number > 0 else { return nil }
        case .chinese:
            guard let parsed = ChineseNumeral.parse(chars, at: i, numerals: numerals), parsed.end <= limit,
                  parsed.end - i <= 4, parsed.value.exponent == 0, parsed.upper == nil,
                  (1...99).contains(parsed.value.significand) else { return nil }
            number = Int(parsed.value.significand)
            i = parsed.end
        case .circled:
            guard i < limit, (0x2460...0x2473).contains(chars[i].value) else { return nil }
            number = Int(chars[i].value - 0x2460) + 1
            i += 1
        }
        let numeralEnd = i
        for c in suffix {
            guard i < limit, chars[i] == c else { return nil }
            i += 1
        }
        // 1.2万人 is a number, not item 1.
        if suffix.last == ".", i < limit, chars[i].value >= 0x30, chars[i].value <= 0x39 { return nil }
        return Match(pattern: self, number: number, numeral: numeralStart..<numeralEnd, end: i)
    }
}
