/// A half-open range `[start, end)` of Unicode scalar offsets into the decoded original text.
/// Held as two 32-bit offsets (inputs are at most `Decoder.maximumBytes`, far below 2³¹ scalars):
/// every quantity and claim carries spans.
public struct Span: Codable, Hashable, Sendable {
    private let start32: Int32
    private let end32: Int32
    public var start: Int { Int(start32) }
    public var end: Int { Int(end32) }

    public init(_ start: Int, _ end: Int) {
        self.start32 = Int32(start)
        self.end32 = Int32(end)
    }

    public init(from decoder: any Swift.Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init(try container.decode(Int.self), try container.decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(start)
        try container.encode(end)
    }
}

/// The decoded input and the normalised form the extractor matches against.
///
/// `original` is the text as published. `chars` is the same text after NFKC (fullwidth digits,
/// ％, ideographic space) and traditional-to-simplified conversion, one output scalar run per input
/// scalar; `origin[i]` is the original offset that produced `chars[i]`, so any range of `chars`
/// maps back to a span of the original. The Layout stage reads PDF conversion out of `chars`
/// (page numbers, soft wraps, spaced numbers: `Reflow`) and hands the result on.
public struct SourceText: Sendable {
    public let path: String
    public let encoding: String
    public let sha256: String
    public let original: [Unicode.Scalar]
    /// Repairs made while decoding (bytes replaced with U+FFFD, a line read as GB18030, NUL
    /// bytes), with spans into `original`.
    public let diagnostics: [Diagnostic]
    /// The normalised text, as scalars.
    let chars: [Unicode.Scalar]
    /// For each normalised scalar, the offset of the original scalar it came from; one extra
    /// entry at the end holds `original.count`. Kept as runs (`OffsetMap`).
    let origin: OffsetMap
    /// The tables of an HTML page as its tags give them, with ranges into `original`.
    private(set) var htmlTables: [HTMLTable] = []
    /// For a .docx, .xlsx or .pdf: where each stretch of `original` is in the file, in text order.
    private(set) var places: [PlaceMark] = []
    /// The page chrome of an HTML page (navigation, header, footer), whole lines, with ranges into
    /// `original`, in order: the Layout stage takes it for boilerplate.
    private(set) var htmlChrome: [Range<Int>] = []

    /// The largest input accepted, in bytes.
    public static var maximumBytes: Int { Decoder.maximumBytes }

    /// Decodes `bytes` and normalises the result. Throws when the bytes hold no text: see
    /// `Decoder` for what is repaired and what is refused.
    ///
    /// An HTML page (a saved government web page) is reduced to its plain text first (`HTMLText`);
    /// `original` is then that plain text, `htmlTables` and `htmlChrome` say what the tags said
    /// about it, the encoding reads "UTF-8 (HTML)", and decoding diagnostics name the line of the
    /// page's file.
    ///
    /// A Word, Excel or PDF file (recognised by content) is read by `DocumentReader`: `original`
    /// is its text, its tables are kept as tables, and `places` say where each line is in the file.
    /// A `clock` is given the time of decoding (HTML included) and of normalising.
    public init(bytes: [UInt8], path: String, grammar: Grammar = .builtIn, clock: StageClock? = nil) throws(InputError) {
        var start = StageClock.now()
        func lap(_ stage: String) {
            let now = StageClock.now()
            clock?.add(stage, Double(now - start) / 1e9)
            start = now
        }
        if let document = try DocumentReader.read(bytes) {
            guard document.text.contains(where: { !$0.isSpace && $0 != "\u{0C}" }) else {
                throw .document(reason: "a \(document.format) file with no text")
            }
            lap("decode")
            self.init(scalars: document.text, path: path, encoding: document.format, sha256: SHA256.hex(bytes))
            (htmlTables, places) = (document.tables, document.places)
            lap("normalise")
            return
        }
        let decoded = try Decoder.decode(bytes)
        let sha256 = SHA256.hex(bytes)
        guard HTMLText.looksLikeHTML(decoded.scalars) else {
            lap("decode")
            self.init(scalars: decoded.scalars, path: path, encoding: decoded.encoding, sha256: sha256,
                      diagnostics: decoded.diagnostics)
            lap("normalise")
            return
        }
        defer { lap("normalise") }
        let lines = LineIndex(decoded.scalars)
        let located = decoded.diagnostics.map { d in
            d.span.map { Diagnostic(severity: d.severity, message: d.message, span: nil).located(onLine: lines.line(of: $0.start)) } ?? d
        }
        let page = HTMLText.read(decoded.scalars, words: HTMLText.Words(grammar))
        guard page.text.contains(where: { !$0.isSpace }) else { throw .notText(reason: "an HTML page with no text", line: nil) }
        lap("decode")
        self.init(scalars: page.text, path: path, encoding: decoded.encoding + " (HTML)", sha256: sha256,
                  diagnostics: located)
        htmlTables = page.tables
        htmlChrome = page.chrome
    }

    /// Wraps text that is already decoded.
    public init(text: String, path: String = "-") {
        let bytes = Array(text.utf8)
        self.init(scalars: Array(text.unicodeScalars), path: path, encoding: "UTF-8", sha256: SHA256.hex(bytes))
    }

    init(scalars: [Unicode.Scalar], path: String, encoding: String, sha256: String, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.encoding = encoding
        self.sha256 = sha256
        self.diagnostics = diagnostics
        self.original = scalars
        let normalizer = TextNormalizer.shared
        var chars: [Unicode.Scalar] = []
        var origin = OffsetMap()
        chars.reserveCapacity(scalars.count)
        let glosses = Self.pinyinGlosses(scalars)
        // Characters below U+10000 that map to one character, by code point ("\0": not seen yet),
        // so that a text asks the shared normalizer once per distinct character at most.
        let table = TextNormalizer.threadTable()
        table.mapped.withUnsafeMutableBufferPointer { single in
            for offset in scalars.indices {
                if glosses[offset] { continue }
                let scalar = scalars[offset]
                if scalar.value < 0x80 {
                    if scalar == "\r" { continue }  // CRLF → LF; a lone CR is dropped too
                    chars.append(scalar)
                    origin.append(offset)
                } else if scalar.value < 0x10000, single[Int(scalar.value)] != "\0" {
                    chars.append(single[Int(scalar.value)])
                    origin.append(offset)
                } else {
                    let mapped = normalizer.normalize(scalar)
                    if mapped.count == 1, scalar.value < 0x10000, mapped[0] != "\0" { single[Int(scalar.value)] = mapped[0] }
                    for m in mapped {
                        chars.append(m)
                        origin.append(offset)
                    }
                }
            }
        }
        origin.append(scalars.count)
        (self.chars, self.origin) = (chars, origin)
    }

    private init(_ source: SourceText, chars: [Unicode.Scalar], origin: OffsetMap) {
        (path, encoding, sha256, diagnostics, original) = (source.path, source.encoding, source.sha256, source.diagnostics, source.original)
        htmlTables = source.htmlTables
        htmlChrome = source.htmlChrome
        places = source.places
        (self.chars, self.origin) = (chars, origin)
    }

    /// The same text normalised further (the Layout stage's `Reflow`), `origin` mapping `chars` back.
    func withNormalised(_ chars: [Unicode.Scalar], origin: OffsetMap) -> SourceText {
        SourceText(self, chars: chars, origin: origin)
    }

    /// Marks pinyin glosses in brackets after a Han character, as scraped pages carry them
    /// (點(diǎn)): they are left out of the normalised text, so 重点项目 matches again.
    static func pinyinGlosses(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var marks = [Bool](repeating: false, count: scalars.count)
        func isPinyin(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || (0xE0...0xFC).contains(c.value) || (0x101...0x1DC).contains(c.value)
        }
        var i = 1
        while i < scalars.count {
            if scalars[i] == "(" || scalars[i] == "（", scalars[i - 1].isHan {
                var j = i + 1
                while j < scalars.count, j - i <= 7, isPinyin(scalars[j]) { j += 1 }
                if j > i + 1, j < scalars.count, scalars[j] == ")" || scalars[j] == "）",
                   scalars[(i + 1)..<j].contains(where: { $0.value > 0x7F }) {
                    for k in i...j { marks[k] = true }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return marks
    }

    /// The normalised range of the original range `range`: the characters that came from it.
    func normalisedRange(_ range: Range<Int>) -> Range<Int> {
        let a = origin.firstIndex(atLeast: range.lowerBound)
        return a..<max(a, origin.firstIndex(atLeast: range.upperBound))
    }

    /// The original span of the normalised range `range`.
    func span(_ range: Range<Int>) -> Span {
        guard !range.isEmpty else {
            let at = origin[min(range.lowerBound, origin.count - 1)]
            return Span(at, at)
        }
        return Span(origin[range.lowerBound], origin[range.upperBound - 1] + 1)
    }

    /// The original text of the normalised range `range`.
    func originalText(_ range: Range<Int>) -> String {
        let span = span(range)
        return String(scalars: original[span.start..<span.end])
    }

    /// The decoding diagnostics as an extraction lists them, each naming its line.
    public var listedDiagnostics: [Diagnostic] { Extractor.listed(diagnostics, in: self) }

    /// The normalised text of `range`.
    func text(_ range: Range<Int>) -> String {
        String(scalars: chars[range])
    }
}
