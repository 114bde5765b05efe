/// The first step of the Layout stage: undoes what PDF-to-text conversion (pdftotext, a PDF saved as
/// text) does to Chinese prose, in the normalised text only, so spans still point into the original:
///
/// - Soft line breaks. A paragraph wrapped at the page's width comes out as several lines; a line
///   that fills the width, does not end a sentence, and is followed by a line that neither starts
///   a new part (一、, 1.) nor is blank, is joined to it (the break is dropped between Chinese
///   characters, read as a space between Latin ones), unless either line sets its text out in
///   columns, as a table's row does.
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

    /// The text later stages match: `source` with page numbers left out, soft breaks joined and
    /// spaced numbers closed up.
    static func apply(_ source: SourceText, grammar: Grammar) -> SourceText {
        let (chars, origin) = apply(chars: source.chars, origin: source.origin, original: source.original, grammar: grammar)
        return source.withNormalised(chars, origin: origin)
    }

    private static func apply(chars: [Unicode.Scalar], origin: OffsetMap, original: [Unicode.Scalar],
                              grammar: Grammar) -> (chars: [Unicode.Scalar], origin: OffsetMap) {
        let (chars, origin) = withoutPageNumbers(chars: chars, origin: origin, grammar: grammar)
        let joins = softBreaks(chars: chars, origin: origin, original: original, grammar: grammar)
        let spaced = numbersAreSpaced(chars)
        guard !joins.isEmpty || spaced else { return (chars, origin) }
        var out = Rebuilt(chars: chars, origin: origin)
        var nextJoin = 0
        for i in chars.indices {
            let c = chars[i]
            if c == "\n", nextJoin < joins.count, joins[nextJoin] == i {
                out.leaveOut(i..<i + 1)
                nextJoin += 1
                let before = out.chars.last, after = i + 1 < chars.count ? chars[i + 1] : nil
                if let before, let after, isLatinOrDigit(before), isLatinOrDigit(after) { out.insert(" ", at: i) }
                continue
            }
            // A single space between a Chinese character and a digit.
            if spaced, c == " ", i + 1 < chars.count {
                out.keep(upTo: i)
                if let before = out.chars.last, before != " " {
                    let after = chars[i + 1]
                    if (before.isHan && after.isASCIIDigit) || (before.isASCIIDigit && after.isHan) { out.leaveOut(i..<i + 1) }
                }
            }
        }
        return out.finished()
    }

    /// A text rebuilt from another without some of its characters: the stretches between them are
    /// copied whole, their offsets a run at a time.
    private struct Rebuilt {
        private let source: [Unicode.Scalar]
        private let sourceOrigin: OffsetMap
        private(set) var chars: [Unicode.Scalar] = []
        private var origin = OffsetMap()
        /// Where the source is not yet copied from.
        private var kept = 0

        init(chars: [Unicode.Scalar], origin: OffsetMap) {
            (source, sourceOrigin) = (chars, origin)
            self.chars.reserveCapacity(chars.count)
        }

        /// Copies the source up to `end`.
        mutating func keep(upTo end: Int) {
            guard end > kept else { return }
            chars.append(contentsOf: source[kept..<end])
            origin.append(from: sourceOrigin, kept..<end)
            kept = end
        }

        /// Copies the source up to `range` and leaves `range` out.
        mutating func leaveOut(_ range: Range<Int>) {
            keep(upTo: range.lowerBound)
            kept = max(kept, range.upperBound)
        }

        /// Adds `c`, which stands for the source's character at `i`.
        mutating func insert(_ c: Unicode.Scalar, at i: Int) {
            chars.append(c)
            origin.append(sourceOrigin[i])
        }

        /// The rebuilt text with the rest of the source, and its map (with the end's offset).
        mutating func finished() -> (chars: [Unicode.Scalar], origin: OffsetMap) {
            keep(upTo: source.count)
            origin.append(sourceOrigin[source.count])
            return (chars, origin)
        }
    }

    /// The text without page breaks (form feeds) and lines that are only a page number (— 2 —,
    /// 第2页; `pageNumber` in structure.tsv), which a converted PDF has between its pages, often in
    /// the middle of a paragraph.
    private static func withoutPageNumbers(chars: [Unicode.Scalar], origin: OffsetMap,
                                           grammar: Grammar) -> (chars: [Unicode.Scalar], origin: OffsetMap) {
        // The lines to leave out, each with its line break; most texts have none and are kept as they are.
        var dropped: [Range<Int>] = []
        var formFeeds = false
        var start = 0
        while start < chars.count {
            var end = start
            while end < chars.count, chars[end] != "\n" {
                if chars[end] == "\u{0C}" { formFeeds = true }
                end += 1
            }
            if isPageNumber(chars[start..<end], grammar: grammar) { dropped.append(start..<min(end + 1, chars.count)) }
            start = end + 1
        }
        guard !dropped.isEmpty || formFeeds else { return (chars, origin) }
        var out = Rebuilt(chars: chars, origin: origin)
        var next = 0
        var i = 0
        while i < chars.count {
            if next < dropped.count, dropped[next].lowerBound == i {
                out.leaveOut(dropped[next])
                i = dropped[next].upperBound
                next += 1
                continue
            }
            if chars[i] == "\u{0C}" { out.leaveOut(i..<i + 1) }
            i += 1
        }
        return out.finished()
    }

    /// Whether a line is only a page number, spaces and form feeds aside.
    static func isPageNumber(_ line: ArraySlice<Unicode.Scalar>, grammar: Grammar) -> Bool {
        guard line.count <= 24 else { return false }
        let compact = line.filter { !$0.isSpace }
        guard !compact.isEmpty else { return false }
        return grammar.pageNumbers.contains { pattern in
            var i = 0
            for part in pattern {
                if let literal = part {
                    guard i < compact.count, compact[i] == literal else { return false }
                    i += 1
                } else {
                    let digits = i
                    while i < compact.count, compact[i].isASCIIDigit { i += 1 }
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
            if (a.isHan && b.isASCIIDigit) || (a.isASCIIDigit && b.isHan) {
                joined += 1
            } else if b == " ", i + 1 < chars.count, chars[i + 1] != " ", a != " ",
                      (a.isHan && chars[i + 1].isASCIIDigit) || (a.isASCIIDigit && chars[i + 1].isHan) {
                spaced += 1
            }
        }
        return spaced >= minimumSpacedNumbers && spaced > joined
    }

    /// The fewest spaces around numbers that make a document read as PDF output.
    static let minimumSpacedNumbers = 5

    /// The offsets (into `chars`) of the line breaks that only wrap a paragraph, in order.
    private static func softBreaks(chars: [Unicode.Scalar], origin: OffsetMap, original: [Unicode.Scalar],
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
                width += original[k].isWide ? 2 : 1
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
            // A row of a table set out in columns is no wrapped paragraph.
            if hasColumnGap(chars, line) || hasColumnGap(chars, next) { continue }
            guard let last = line.last(where: { !chars[$0].isSpace }).map({ chars[$0] }),
                  !grammar.lineEnds.contains(last),
                  let first = next.first, !chars[first].isSpace,
                  LayoutReader.marker(in: chars, at: first, lineEnd: next.upperBound, grammar: grammar) == nil
            else { continue }
            joins.append(line.upperBound)
        }
        return joins
    }

    /// Whether a line sets text apart in columns: a tab, or two or more spaces, between its words.
    private static func hasColumnGap(_ chars: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        var run = 0, seenText = false
        for p in line {
            let c = chars[p]
            if c == "\t" || c == " " || c == "\u{3000}" {
                run += c == "\t" ? 2 : 1
            } else {
                if seenText, run >= 2 { return true }
                seenText = true
                run = 0
            }
        }
        return false
    }

    private static func isLatinOrDigit(_ c: Unicode.Scalar) -> Bool { c.isASCIIDigit || c.isASCIILetter }
}
