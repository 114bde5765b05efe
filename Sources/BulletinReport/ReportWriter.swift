import Bulletin
import Foundation

/// Writes the HTML report of a set of documents into a folder: one self-contained page per
/// document (its annotated text) and `index.html` (a row per document, a chart per series).
public struct ReportWriter: Sendable {
    public var rules: DatasetRules

    public static let indexPage = "index.html"

    public init(rules: DatasetRules = .builtIn) {
        self.rules = rules
    }

    /// One document's annotated page, as HTML.
    public func documentPage(_ extraction: Extraction, text: [Unicode.Scalar], indexLink: String? = nil) -> String {
        DocumentPage(extraction: extraction, text: text, indexLink: indexLink).html()
    }

    /// Writes the pages of `documents` (each extracted from its decoded source) and the index into
    /// `folder` (created when missing). Returns the page names, in the order of `documents`.
    @discardableResult
    public func write(_ documents: [(extraction: Extraction, source: SourceText)], into folder: String) throws -> [String] {
        let out = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let names = Self.pageNames(documents.map(\.extraction.source.path))
        var entries: [IndexPage.Entry] = []
        for (document, name) in zip(documents, names) {
            let page = documentPage(document.extraction, text: document.source.original, indexLink: Self.indexPage)
            try Data(page.utf8).write(to: out.appendingPathComponent(name), options: .atomic)
            entries.append(IndexPage.Entry(page: name, extraction: document.extraction,
                                           facts: DocumentFacts(extraction: document.extraction, source: document.source, rules: rules)))
        }
        var seen = Set<String>()
        let unique = entries.map(\.facts).filter { seen.insert($0.id).inserted }
        let series = DatasetLinker(rules: rules).link(unique).series
        let index = IndexPage(entries: entries, series: series).html()
        try Data(index.utf8).write(to: out.appendingPathComponent(Self.indexPage), options: .atomic)
        return names
    }

    /// A page name per input path: its file name with .html for its extension, letters, digits, Han
    /// characters, - and _ kept (others become -), made unique with -2, -3… and never index.html.
    static func pageNames(_ paths: [String]) -> [String] {
        var used: Set<String> = [indexPage]
        return paths.map { path in
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let safe = String(String.UnicodeScalarView(stem.unicodeScalars.map { c in
                c.properties.isAlphabetic || c.properties.numericType != nil || c == "-" || c == "_" ? c : "-"
            }))
            let base = safe.isEmpty ? "document" : safe
            var name = base + ".html", k = 2
            while !used.insert(name).inserted {
                name = "\(base)-\(k).html"
                k += 1
            }
            return name
        }
    }
}
