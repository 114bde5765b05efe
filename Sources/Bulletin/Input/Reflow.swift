/// Undoes what PDF-to-text conversion (pdftotext, a PDF saved as text) does to Chinese prose, in the
/// normalised text only, so spans still point into the original:
///
/// - Soft line breaks. A paragraph wrapped at the page's width comes out as several lines; a line
///   that fills the width, does not end a sentence, and is followed by a line that neither starts
///   a new part (一、, 1.) nor is blank, is joined to it (the break is dropped between Chinese
///   characters, read as a space between Latin ones).
/// - Page breaks and page numbers (— 2 —) between pages are left out.
/// - Spaces around numbers. `1285 万元`, `2022 年`: where numbers are set off by spaces throughout,
///   a single space between a Chinese character and a digit is dropped.
///
/// A document is treated as wrapped only when at least three of its lines reach nearly the same
/// width, the widest it has, of at least `minimumWrapWidth` columns (a Chinese character is two).
/// Linear: one pass drops page numbers, one measures the lines, one rebuilds the text.
enum Reflow {
    /// The narrowest page width (in columns) taken for wrapping.
    static let minimumWrapWidth = 40
    /// A line at least this fraction of the page width counts as full.
    static let fullLine = 0.85

    static func apply(chars: [Unicode.Scalar], origin: [Int], original: [Unicode.Scalar],
                      grammar: Grammar) -> (chars: [Unicode.Scalar], origin: [Int]) {
        let (chars, origin) = withoutPageNumbers(chars: chars, origin: origin, grammar: grammar)
        let joins = softBreaks(chars: chars, origin: origin, original: original, grammar: grammar)
        let spaced = numbersAreSpaced(chars)
        guard !joins.isEmpty || spaced else { return (chars, origin) }
        var outChars: [Unicode.Scalar] = []
        var outOrigin: [Int] = []
        outChars.reserveCapacity(chars.count)
        outOrigin.reserveCapacity(origin.count)
        var nextJoin = 0
        for i in chars.indices {
            let c = chars[i]
            if c == "\n", nextJoin < joins.count, joins[nextJoin] == i {
                nextJoin += 1
                let before = outChars.last, after = i + 1 < chars.count ? chars[i + 1] : nil
                if let before, let after, isLatinOrDigit(before), isLatinOrDigit(after) {
                    outChars.append(" ")
                    outOrigin.append(origin[i])
                }
                continue
            }
            // A single space between a Chinese character and a digit.
            if spaced, c == " ", let before = outChars.last, i + 1 < chars.count, before != " " {
                let after = chars[i + 1]
                if (isChinese(before) && isDigit(after)) || (isDigit(before) && isChinese(after)) { continue }
            }
            outChars.append(c)
            outOrigin.append(origin[i])
        }
        outOrigin.append(origin[chars.count])
        return (outChars, outOrigin)
    }

    /// The text without page breaks (form feeds) and lines that are only a page number (— 2 —,
    /// 第2页; `pageNumber` in structure.tsv), which a converted PDF has between its pages, often in
    /// the middle of a paragraph.
    private static func withoutPageNumbers(chars: [Unicode.Scalar], origin: [Int],
                                           grammar: Grammar) -> (chars: [Unicode.Scalar], origin: [Int]) {
        guard !grammar.pageNumbers.isEmpty || chars.contains("\u{0C}") else { return (chars, origin) }
        var outChars: [Unicode.Scalar] = []
        var outOrigin: [Int] = []
        outChars.reserveCapacity(chars.count)
        outOrigin.reserveCapacity(origin.count)
        var start = 0
        while start <= chars.count {
            var end = start
            while end < chars.count, chars[end] != "\n" { end += 1 }
            let through = min(end + 1, chars.count)  // the line and its line break
            if !isPageNumber(chars[start..<end], grammar: grammar) {
                for i in start..<through where chars[i] != "\u{0C}" {
                    outChars.append(chars[i])
                    outOrigin.append(origin[i])
                }
            }
            if end >= chars.count { break }
            start = end + 1
        }
        outOrigin.append(origin[chars.count])
        return (outChars, outOrigin)
    }

    /// Whether a line is only a page number, spaces and form feeds aside.
    static func isPageNumber(_ line: ArraySlice<Unicode.Scalar>, grammar: Grammar) -> Bool {
        guard line.count <= 24 else { return false }
        let compact = line.filter { !$0.properties.isWhitespace }
        guard !compact.isEmpty else { return false }
        return grammar.pageNumbers.contains { pattern in
            var i = 0
            for part in pattern {
                if let literal = part {
                    guard i < compact.count, compact[i] == literal else { return false }
                    i += 1
                } else {
                    let digits = i
                    while i < compact.count, isDigit(compact[i]) { i += 1 }
                    guard i > digits else { return false }
                }
            }
            return i == compact.count
        }
    }

    /// Whether numbers are set off from Chinese by spaces throughout (`完成 1285 万元`, as PDF
    /// conversion leaves them) rather than here and there (an inline table `合计 12 7`): at least
    /// `minimumSpacedNumbers` such spaces, and more than half of the places where a digit meets a
    /// Chinese character.
    private static func numbersAreSpaced(_ chars: [Unicode.Scalar]) -> Bool {
        var spaced = 0, joined = 0
        for i in chars.indices.dropFirst() {
            let a = chars[i - 1], b = chars[i]
            if (isChinese(a) && isDigit(b)) || (isDigit(a) && isChinese(b)) {
                joined += 1
            } else if b == " ", i + 1 < chars.count, chars[i + 1] != " ", a != " ",
                      (isChinese(a) && isDigit(chars[i + 1])) || (isDigit(a) && isChinese(chars[i + 1])) {
                spaced += 1
            }
        }
        return spaced >= minimumSpacedNumbers && spaced > joined
    }

    /// The fewest spaces around numbers that make a document read as PDF output.
    static let minimumSpacedNumbers = 5

    /// The offsets (into `chars`) of the line breaks that only wrap a paragraph, in order.
    private static func softBreaks(chars: [Unicode.Scalar], origin: [Int], original: [Unicode.Scalar],
                                   grammar: Grammar) -> [Int] {
        var lines: [Range<Int>] = []
        var start = 0
        for i in chars.indices where chars[i] == "\n" {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<chars.count)
        guard lines.count >= 4 else { return [] }

        // Width in columns of each line, measured on the original characters.
        let widths = lines.map { line -> Int in
            guard !line.isEmpty else { return 0 }
            var width = 0
            for k in origin[line.lowerBound]...origin[line.upperBound - 1] where original[k] != "\r" {
                width += isWide(original[k]) ? 2 : 1
            }
            return width
        }
        let widest = widths.sorted(by: >)
        let page = widest[2]
        guard page >= minimumWrapWidth, Double(widest[0]) <= Double(page) / fullLine else { return [] }
        let full = Int((Double(page) * fullLine).rounded(.up))

        var joins: [Int] = []
        for k in 0..<(lines.count - 1) where widths[k] >= full {
            let line = lines[k], next = lines[k + 1]
            guard let last = line.last(where: { !chars[$0].properties.isWhitespace }).map({ chars[$0] }),
                  !grammar.lineEnds.contains(last),
                  let first = next.first, !chars[first].properties.isWhitespace,
                  OutlinePattern.match(grammar.outline, in: chars, at: first, limit: min(next.upperBound, first + 12),
                                       numerals: grammar.numerals) == nil
            else { continue }
            joins.append(line.upperBound)
        }
        return joins
    }

    private static func isWide(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    private static func isChinese(_ c: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(c.value) || (0xF900...0xFAFF).contains(c.value) || (0x20000...0x3FFFD).contains(c.value)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func isLatinOrDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }
}
