import Foundation

/// Turns a saved HTML page into the plain text of its article: tags stripped, entities decoded,
/// block elements and table cells turned into line breaks (a table becomes one cell per line), and
/// what is not text (scripts, styles, the head) dropped. Spans of an HTML input point into this
/// plain text, which `bulletin text` prints. What the tags say about the page is recorded for the
/// Layout stage, which decides what to make of it: each `<table>` as its tags give it
/// (`HTMLTable`: rows of cells with their rowspan and colspan), and the page chrome (navigation,
/// header, footer: elements named by the grammar's `htmlChromeTag` and `htmlChrome` rows), which
/// is kept on lines of its own. One pass over the input; the stacks of open elements and open
/// tables are the only state.
enum HTMLText {
    /// Elements whose content is not text: dropped.
    static let droppedTags: Set<String> = ["script", "style", "noscript", "iframe", "template", "svg", "object", "head"]
    /// Elements that end a line.
    static let blockTags: Set<String> = ["p", "div", "br", "tr", "td", "th", "li", "ul", "ol", "table", "tbody",
                                         "thead", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                                         "dd", "dt", "dl", "blockquote", "pre", "hr", "title", "caption", "center"]
    /// Elements that never have a closing tag.
    static let voidTags: Set<String> = ["br", "img", "hr", "meta", "link", "input", "area", "base", "col",
                                        "embed", "param", "source", "track", "wbr"]
    static let entities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "yen": "¥",
        "times": "×", "divide": "÷", "deg": "°", "plusmn": "±", "permil": "‰", "ensp": " ", "emsp": " ",
        "thinsp": " ", "copy": "©", "reg": "®", "sup2": "²", "sup3": "³", "laquo": "«", "raquo": "»",
    ]

    /// What the grammar says about pages: tag names (nav, footer) and class or id words
    /// (breadcrumb, share) that mark an element as page chrome; what stands between an article's
    /// title and the site's name in a <title> (标题_某某市人民政府).
    struct Words {
        let chromeTags: Set<String>
        let chromeWords: [String]
        let siteSeparators: [String]

        init(_ grammar: Grammar) {
            chromeTags = Set(grammar.htmlChromeTags)
            chromeWords = grammar.htmlChrome
            siteSeparators = grammar.siteNameSeparators
        }
    }

    /// A page read: its plain text, its tables with ranges into the text, and the ranges of the
    /// text that are page chrome (each whole lines), in order.
    struct Page {
        let text: [Unicode.Scalar]
        let tables: [HTMLTable]
        let chrome: [Range<Int>]
    }

    /// Whether the text looks like an HTML page: it opens with a doctype, <html>, or a <head>/<body>,
    /// or with a tag (an XML declaration, a comment) and has one of those in its first 1024 characters.
    static func looksLikeHTML(_ scalars: [Unicode.Scalar]) -> Bool {
        // A page opens with <, after any whitespace. Text that opens with a letter, a digit or a Han
        // character (none of which joins the whitespace before it into one character) is not
        // a page, and is told so without lowercasing its start.
        if let first = scalars.prefix(1024).first(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }), first != "<",
           (0x21..<0x7F).contains(first.value) || first.isHan {
            return false
        }
        let start = String(scalars: scalars.prefix(1024)).lowercased()
        let trimmed = start.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head")
            || trimmed.hasPrefix("<body")
            || (trimmed.hasPrefix("<") && (start.contains("<html") || start.contains("<body") || start.contains("<!doctype html")))
    }

    /// Reads the page: plain text, tables and chrome.
    static func read(_ s: [Unicode.Scalar], words: Words) -> Page {
        var reader = PageReader(words: words)
        reader.out.reserveCapacity(s.count / 2)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comments and doctype.
                if matches(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                    i = (s[i...].firstIndex(of: ">") ?? s.count - 1) + 1
                    continue
                }
                guard let tag = parseTag(s, at: i) else { reader.emit(c); i += 1; continue }
                i = tag.end
                reader.tag(tag)
                if !tag.closing, tag.name == "script" || tag.name == "style" {
                    // Raw text: skip to the closing tag.
                    i = find(s, from: i, "</" + tag.name, caseInsensitive: true) ?? s.count
                }
            } else if c == "&", let (decoded, end) = entity(s, at: i) {
                for d in decoded { reader.emit(d) }
                i = end
            } else {
                reader.emit(c)
                i += 1
            }
        }
        return reader.finish()
    }

    /// The state of one pass over a page: the text so far, the open elements, the tables and the
    /// chrome found.
    private struct PageReader {
        let words: Words
        var out: [Unicode.Scalar] = []
        var tables = HTMLTable.Builder()
        var stack: [(name: String, drops: Bool, chrome: Bool)] = []
        /// How many open elements on the stack drop their content, and how many are chrome.
        var dropping = 0, chromeDepth = 0
        var chrome: [Range<Int>] = []
        var chromeStart = 0
        var pendingSpace = false
        var title: [Unicode.Scalar] = []
        var inTitle = false
        /// Whether the article has an <h1>.
        var hasHeading = false

        mutating func newline() {
            while out.last == " " { out.removeLast() }
            if out.last != "\n" && !out.isEmpty { out.append("\n") }
            pendingSpace = false
        }

        mutating func emit(_ c: Unicode.Scalar) {
            if inTitle { title.append(c); return }
            guard dropping == 0 else { return }
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                pendingSpace = !out.isEmpty && out.last != "\n"
                return
            }
            // Source line breaks inside a paragraph become one space, except between two Chinese
            // characters or punctuation marks, where no space was meant.
            if pendingSpace, let last = out.last, !(last.isWide && c.isWide) { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }

        mutating func tag(_ tag: Tag) {
            let name = tag.name
            if dropping == 0, !inTitle, HTMLTable.tags.contains(name) {
                while out.last == " " { out.removeLast() }
                tables.tag(name, closing: tag.closing, rowspan: tag.rowspan, colspan: tag.colspan, at: out)
            }
            if tag.closing {
                if name == "title" { inTitle = false }
                if let k = stack.lastIndex(where: { $0.name == name }) { close(from: k) }
                if blockTags.contains(name) { newline() }
                return
            }
            if blockTags.contains(name) { newline() }
            if name == "title" && stack.contains(where: { $0.name == "head" }) { inTitle = true }
            if name == "h1" && dropping == 0 && chromeDepth == 0 { hasHeading = true }
            guard !voidTags.contains(name), !tag.selfClosing, name != "script", name != "style" else { return }
            let lowered = tag.classAndID.lowercased()
            let drops = droppedTags.contains(name)
            let isChrome = words.chromeTags.contains(name) || words.chromeWords.contains { !$0.isEmpty && lowered.contains($0) }
            if drops { dropping += 1 }
            if isChrome {
                if chromeDepth == 0 { newline(); chromeStart = out.count }
                chromeDepth += 1
            }
            stack.append((name, drops, isChrome))
        }

        /// Closes the elements from `k` on; chrome that ends there ends on a line of its own.
        mutating func close(from k: Int) {
            let wasChrome = chromeDepth > 0
            for entry in stack[k...] {
                if entry.drops { dropping -= 1 }
                if entry.chrome { chromeDepth -= 1 }
            }
            stack.removeSubrange(k...)
            if wasChrome && chromeDepth == 0 {
                newline()
                if out.count > chromeStart { chrome.append(chromeStart..<out.count) }
            }
        }

        mutating func finish() -> Page {
            if !stack.isEmpty { close(from: 0) }
            newline()
            tables.finish(at: out)
            let head = titleLine(title, hasHeading: hasHeading, text: out, chrome: chrome, siteSeparators: words.siteSeparators)
            return Page(text: head + out, tables: tables.tables.map { $0.shifted(by: head.count) },
                        chrome: chrome.map { $0.lowerBound + head.count..<$0.upperBound + head.count })
        }
    }

    /// The page's <title> as a first line, the one the title is read from, unless the article
    /// states its title (an <h1>, or one of its first lines begins the <title>, which then only
    /// adds the site's name: "标题_某某市人民政府"); of a <title> kept, the part before the site's name.
    private static func titleLine(_ title: [Unicode.Scalar], hasHeading: Bool, text out: [Unicode.Scalar],
                                  chrome: [Range<Int>], siteSeparators: [String]) -> [Unicode.Scalar] {
        var titleText = title.split(whereSeparator: { $0.isSpace }).map { String(scalars: $0) }.joined(separator: " ")
        // The first lines of the article: chrome is skipped.
        var firstLines: [String] = []
        var start = 0, k = 0
        while firstLines.count < 8, start < min(out.count, 4096) {
            while k < chrome.count, chrome[k].upperBound <= start { k += 1 }
            if k < chrome.count, chrome[k].contains(start) { start = chrome[k].upperBound; continue }
            let end = out[start...].firstIndex(of: "\n") ?? out.count
            if end > start { firstLines.append(String(scalars: out[start..<end])) }
            start = end + 1
        }
        if titleText.isEmpty || hasHeading || firstLines.contains(where: { $0.unicodeScalars.count >= 4 && titleText.hasPrefix($0) }) {
            return []
        }
        for separator in siteSeparators {
            if let r = titleText.range(of: separator), r.lowerBound > titleText.startIndex {
                titleText = String(titleText[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
        }
        return Array(titleText.unicodeScalars) + ["\n"]
    }

    private struct Tag {
        let name: String
        let closing: Bool
        let selfClosing: Bool
        let classAndID: String
        let end: Int
        var rowspan = 1
        var colspan = 1
    }

    /// Reads a tag at `i` ("<p class=x>", "</td>"); nil if `<` does not open a tag.
    private static func parseTag(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < s.count, s[i] == "/" { closing = true; i += 1 }
        var name = ""
        while i < s.count, s[i].properties.isAlphabetic || (name.count > 0 && ("0"..."9").contains(s[i])) {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        // Attributes up to '>', respecting quotes; keep class and id values.
        var classAndID = ""
        var quote: Unicode.Scalar? = nil
        var attributeStart = i
        var selfClosing = false
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                break
            }
            i += 1
        }
        let attributes = String(scalars: s[attributeStart..<min(i, s.count)])
        attributeStart = 0
        if attributes.hasSuffix("/") { selfClosing = true }
        for key in ["class", "id"] {
            if let r = attributes.range(of: key + "=") { classAndID += " " + attributes[r.upperBound...].prefix(80) }
        }
        var tag = Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, classAndID: classAndID,
                      end: min(i + 1, s.count))
        if tag.name == "td" || tag.name == "th" {
            tag.rowspan = span(attributes, "rowspan")
            tag.colspan = span(attributes, "colspan")
        }
        return tag
    }

    /// A rowspan or colspan attribute's value (rowspan="2", colspan=3), 1 when absent or unreadable.
    private static func span(_ attributes: String, _ key: String) -> Int {
        guard let r = attributes.lowercased().range(of: key) else { return 1 }
        let digits = attributes[r.upperBound...].drop { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return min(max(Int(digits) ?? 1, 1), HTMLTable.maximumSpan)
    }

    /// Decodes an entity at `i` (&nbsp; &#20013; &#x4E2D;).
    private static func entity(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 1
        var body = ""
        while j < s.count, j - i <= 10, s[j] != ";" {
            guard s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" else { return nil }
            body.unicodeScalars.append(s[j])
            j += 1
        }
        guard j < s.count, s[j] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return ([scalar], j + 1)
        }
        guard let text = entities[body.lowercased()] else { return nil }
        return (Array(text.unicodeScalars), j + 1)
    }

    private static func matches(_ s: [Unicode.Scalar], _ i: Int, _ literal: String) -> Bool {
        var k = i
        for c in literal.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    /// Where `literal` next occurs from `from` on; with `caseInsensitive`, ASCII letters match either case.
    private static func find(_ s: [Unicode.Scalar], from: Int, _ literal: String, caseInsensitive: Bool = false) -> Int? {
        func folded(_ c: Unicode.Scalar) -> UInt32 { caseInsensitive && c.isASCIILetter ? c.value | 0x20 : c.value }
        let needle = literal.unicodeScalars.map(folded)
        guard !needle.isEmpty else { return nil }
        var i = from
        while i + needle.count <= s.count {
            if needle.indices.allSatisfy({ folded(s[i + $0]) == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }
}
