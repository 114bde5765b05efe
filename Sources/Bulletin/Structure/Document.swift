/// A numbered item (1. 2. …) of a section, with the label that names its subject (就业方面 → 就业).
public struct Item: Encodable, Sendable {
    public let number: Int
    public let span: Span
    @Nullable public var label: String?
    /// The range of the item's text in the normalised input; not part of the output.
    let range: Range<Int>
    let labelRange: Range<Int>?

    enum CodingKeys: String, CodingKey { case number, span, label }
}

/// A section opened by a Chinese numeral (一、…), whose heading often states the year's targets.
public struct Section: Encodable, Sendable {
    /// The numeral as written (一).
    public let marker: String
    public let number: Int
    /// The heading after the marker.
    public let title: String
    public let span: Span
    /// The amounts the heading states (启动棚户区改造2.8万套(户)).
    public let targets: [Quantity]
    public let items: [Item]
    let range: Range<Int>
    let titleRange: Range<Int>

    enum CodingKeys: String, CodingKey { case marker, number, title, span, targets, items }
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

/// The outline of a bulletin: title, metadata, preamble, sections with items, departments, and
/// which parts of the text are web boilerplate.
struct DocumentStructure: Sendable {
    var title: String?
    var publisher: String?
    var published: String?
    var preamble: Passage?
    var sections: [Section] = []
    var departments: [Department] = []
    /// Items outside any section (a list with no 一、 headings).
    var looseItems: [Item] = []
    /// Lines of article content (trimmed, boilerplate removed), in order.
    var contentLines: [Range<Int>] = []
    /// Ranges of web boilerplate, kept out of claims.
    var boilerplate: [Range<Int>] = []

    func isBoilerplate(_ position: Int) -> Bool {
        boilerplate.contains { $0.contains(position) }
    }
}
