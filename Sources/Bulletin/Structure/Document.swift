/// A cell of a flattened table row, with the column header it falls under.
public struct TableCell: Encodable, Sendable {
    @Nullable public var header: String?
    public let text: String
    public let span: Span
}

/// A numbered entry of the outline (1. 1、 (1) ①, or a row of a flattened table), with the label
/// that names its subject (就业方面 → 就业) and any entries numbered below it.
public struct Item: Encodable, Sendable {
    public let number: Int
    /// The number as written (7, ①), or the row number of a table.
    public let marker: String
    /// The numbering style (1., (1), ①), or "table" for a table row.
    public let style: String
    public let span: Span
    @Nullable public var label: String?
    /// The item's task as stated at its start (the first sentence, or a table's content cell).
    @Nullable public var title: String?
    /// For a table row: its cells under their headers.
    public let cells: [TableCell]
    public let items: [Item]
    /// The range of the item's text in the normalised input; not part of the output.
    let range: Range<Int>
    let labelRange: Range<Int>?
    let titleRange: Range<Int>?

    enum CodingKeys: String, CodingKey { case number, marker, style, span, label, title, cells, items }
}

/// A part of the outline opened by a Chinese-numeral marker (第一部分, 一、, (一)), whose heading
/// often states the year's targets; it holds subsections and items.
public struct Section: Encodable, Sendable {
    /// The numeral as written (一).
    public let marker: String
    /// The numbering style (一、, (一), 第一部分).
    public let style: String
    public let number: Int
    /// The depth of its numbering style in `Grammar/outline.tsv` (一、 is 1, (一) is 2).
    public let level: Int
    /// The heading after the marker.
    public let title: String
    public let span: Span
    /// The amounts the heading states (启动棚户区改造2.8万套(户)).
    public let targets: [Quantity]
    public let subsections: [Section]
    public let items: [Item]
    let range: Range<Int>
    let titleRange: Range<Int>

    enum CodingKeys: String, CodingKey { case marker, style, number, level, title, span, targets, subsections, items }
}

/// A department's part of a multi-department report: its name, headline and blocks.
public struct Department: Encodable, Sendable {
    /// A 成绩 (achievements) or 计划 (plans) block.
    public struct Block: Encodable, Sendable {
        public let kind: String
        public let label: String
        public let span: Span
        let range: Range<Int>
        enum CodingKeys: String, CodingKey { case kind, label, span }
    }

    public let name: String
    public let span: Span
    @Nullable public var headline: String?
    public let blocks: [Block]
    let range: Range<Int>

    enum CodingKeys: String, CodingKey { case name, span, headline, blocks }
}

/// Text with its span, for parts of the document such as the preamble.
public struct Passage: Encodable, Sendable {
    public let text: String
    public let span: Span
    let range: Range<Int>
    enum CodingKeys: String, CodingKey { case text, span }
}

/// One part of the outline, flat, as the claim extractor and the checks look it up.
struct OutlineNode: Sendable {
    let node: OutlinePattern.Node
    let level: Int
    /// The numbering style (一、, 1.), or "table" for table rows.
    let style: String
    let number: Int
    let range: Range<Int>
    /// The heading (section) or the stated task (item).
    let titleRange: Range<Int>?
    let labelRange: Range<Int>?
    /// Index of the enclosing node in `DocumentStructure.outline`.
    let parent: Int?
}

/// The outline of a bulletin: title, metadata, preamble, sections with subsections and items,
/// departments.
struct DocumentStructure: Sendable {
    var title: String?
    var publisher: String?
    var published: String?
    var preamble: Passage?
    /// Top-level sections, each a tree of subsections and items.
    var sections: [Section] = []
    /// Top-level items, outside any section.
    var looseItems: [Item] = []
    var departments: [Department] = []
    /// Every part of the outline in document order (parents before children).
    var outline: [OutlineNode] = []
    /// Lines of article content (trimmed, boilerplate removed), in order, as the layout found them.
    var contentLines: [Range<Int>] = []
    /// The department whose part of the text holds `position` (departments are in order and do
    /// not overlap).
    func department(at position: Int) -> Department? {
        guard let k = Self.lastIndex(departments.count, startingAtOrBefore: position, start: { departments[$0].range.lowerBound }) else {
            return nil
        }
        return departments[k].range.contains(position) ? departments[k] : nil
    }

    /// The index of the last of `count` parts, sorted by `start`, that starts at or before `position`.
    private static func lastIndex(_ count: Int, startingAtOrBefore position: Int, start: (Int) -> Int) -> Int? {
        let lo = (0..<count).boundary { start($0) > position }
        return lo > 0 ? lo - 1 : nil
    }

    /// The innermost part of the outline containing `position`, as an index into `outline`.
    func innermost(at position: Int) -> Int? {
        // Parts nest and come in document order, so the last one that contains it is innermost.
        var k = outline.boundary { $0.range.lowerBound > position } - 1
        while k >= 0 {
            if outline[k].range.contains(position) { return k }
            k = outline[k].parent ?? -1
            // Walking up the parents of the nearest earlier part finds the innermost container.
        }
        return nil
    }

    /// The chain of parts containing `position`, innermost first.
    func ancestry(at position: Int) -> [OutlineNode] {
        var chain: [OutlineNode] = []
        var k = innermost(at: position)
        while let i = k {
            chain.append(outline[i])
            k = outline[i].parent
        }
        return chain
    }

    /// Where a target for an amount at `position` may be stated: the innermost item's task (unless
    /// it holds `position` itself, as in 7.棚户区改造方面,已启动改造29245套(户)), the headings of the
    /// sections around it, innermost first, then the preamble. Also the item's label.
    func targetSources(at position: Int) -> (label: Range<Int>?, task: Range<Int>?, headings: [Range<Int>]) {
        let chain = ancestry(at: position)
        var headings: [Range<Int>] = []
        var label: Range<Int>? = nil
        var task: Range<Int>? = nil
        for node in chain {
            if node.node == .item, label == nil { label = node.labelRange }
            guard let title = node.titleRange, !title.contains(position), title.upperBound <= position else { continue }
            if node.node == .item, task == nil, headings.isEmpty { task = title } else { headings.append(title) }
        }
        // The preamble states targets for what follows it, not for its own sentences.
        if let preamble, !preamble.range.contains(position) { headings.append(preamble.range) }
        return (label, task, headings)
    }

    /// How many items `allItems` holds, counted without copying them.
    var itemCount: Int {
        func count(_ items: [Item]) -> Int { items.reduce(items.count) { $0 + count($1.items) } }
        func inSections(_ sections: [Section]) -> Int {
            sections.reduce(0) { $0 + count($1.items) + inSections($1.subsections) }
        }
        return inSections(sections) + count(looseItems)
    }

    /// All items, depth first.
    var allItems: [Item] {
        func collect(_ items: [Item]) -> [Item] { items.flatMap { [$0] + collect($0.items) } }
        func inSections(_ sections: [Section]) -> [Item] {
            sections.flatMap { collect($0.items) + inSections($0.subsections) }
        }
        return inSections(sections) + collect(looseItems)
    }
}
