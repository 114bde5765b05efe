/// A pull reader for the XML of Office Open XML parts (`word/document.xml`, `xl/worksheets/…`):
/// start tags with their attributes, end tags and text, in document order.
///
/// Written for untrusted files and kept small: UTF-8 only (what Office writes), element and
/// attribute names reduced to their local part (`w:p` → `p`), the five predefined entities and
/// character references only. A document type declaration is refused outright, so no entity is
/// ever declared, expanded or fetched (billion laughs, external entities); nesting deeper than
/// `maximumDepth` and unbalanced or unterminated tags are errors. Linear in the input.
struct XMLReader {
    enum Event: Equatable {
        /// A start tag; `empty` for `<x/>`, which has no end event.
        case start(name: String, attributes: [String: String], empty: Bool)
        case end(name: String)
        /// Character data (entities resolved), never empty.
        case text(String)
    }

    /// The deepest nesting accepted; Word and Excel stay far below it.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private let part: String
    private var i = 0
    private var open: [String] = []

    /// A reader of `bytes`; `part` names the part in errors (word/document.xml).
    init(_ bytes: [UInt8], part: String) {
        self.bytes = bytes
        self.part = part
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(DocumentError) -> Event? {
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") { return try text() }
            if starts("<!--") { try skip(past: "-->"); continue }
            if starts("<?") { try skip(past: "?>"); continue }
            if starts("<![CDATA[") { return try cdata() }
            if starts("<!") { throw error("has a document type declaration (<!DOCTYPE …>), which Office files never have; refused") }
            if starts("</") { return try endTag() }
            return try startTag()
        }
        guard open.isEmpty else { throw error("ends inside <\(open.last!)>: the file is truncated or damaged") }
        return nil
    }

    /// Skips to the end of the element just started (after a non-empty `.start`), returning its text.
    mutating func text(ofElementAt depth: Int) throws(DocumentError) -> String {
        var result = ""
        while open.count >= depth, let event = try next() {
            if case .text(let t) = event { result += t }
        }
        return result
    }

    /// How many elements are open.
    var depth: Int { open.count }

    // MARK: Tokens

    private func error(_ reason: String) -> DocumentError {
        DocumentError("its part \(part) \(reason)")
    }

    private func starts(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        return literal.withUTF8Buffer { lit in (0..<n).allSatisfy { bytes[i + $0] == lit[$0] } }
    }

    /// The index of `literal` at or after `from`.
    private func find(_ literal: StaticString, from: Int) -> Int? {
        literal.withUTF8Buffer { lit -> Int? in
            var j = from
            while j + lit.count <= bytes.count {
                if bytes[j] == lit[0], (1..<lit.count).allSatisfy({ bytes[j + $0] == lit[$0] }) { return j }
                j += 1
            }
            return nil
        }
    }

    private mutating func skip(past literal: StaticString) throws(DocumentError) {
        guard let end = find(literal, from: i + 2) else { throw error("ends inside a comment or declaration: the file is truncated") }
        i = end + literal.utf8CodeUnitCount
    }

    private mutating func cdata() throws(DocumentError) -> Event? {
        let start = i + 9
        guard let end = find("]]>", from: start) else { throw error("ends inside a CDATA section: the file is truncated") }
        i = end + 3
        return end > start ? .text(String(decoding: bytes[start..<end], as: UTF8.self)) : try next()
    }

    private mutating func text() throws(DocumentError) -> Event? {
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        let raw = bytes[start..<i]
        guard !open.isEmpty else {
            guard raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { throw error("has text outside its root element") }
            return try next()
        }
        return .text(try unescape(raw))
    }

    private mutating func endTag() throws(DocumentError) -> Event {
        i += 2
        let name = readName()
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("has a malformed end tag </\(name)") }
        i += 1
        guard open.last == name else { throw error("has </\(name)> where \(open.last.map { "</\($0)>" } ?? "no end tag") was due") }
        open.removeLast()
        return .end(name: local(name))
    }

    private mutating func startTag() throws(DocumentError) -> Event {
        i += 1
        let name = readName()
        guard !name.isEmpty else { throw error("has a malformed tag") }
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("ends inside the tag <\(name): the file is truncated") }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            if bytes[i] == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") {
                i += 2
                return .start(name: local(name), attributes: attributes, empty: true)
            }
            let (key, value) = try attribute(in: name)
            attributes[local(key)] = value
        }
        guard open.count < Self.maximumDepth else { throw error("nests elements deeper than \(Self.maximumDepth) levels") }
        open.append(name)
        return .start(name: local(name), attributes: attributes, empty: false)
    }

    private mutating func attribute(in tag: String) throws(DocumentError) -> (String, String) {
        let key = readName()
        skipSpace()
        guard !key.isEmpty, i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw error("has a malformed attribute in <\(tag)>") }
        i += 1
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
            throw error("has an unquoted attribute in <\(tag)>")
        }
        let quote = bytes[i]
        let start = i + 1
        guard let end = bytes[start...].firstIndex(of: quote) else { throw error("ends inside an attribute of <\(tag)>: the file is truncated") }
        i = end + 1
        return (key, try unescape(bytes[start..<end]))
    }

    private mutating func readName() -> String {
        let start = i
        while i < bytes.count, !Self.endsName(bytes[i]) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private static func endsName(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "=") || b == UInt8(ascii: "<")
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Character data with the predefined entities and character references resolved.
    private func unescape(_ raw: ArraySlice<UInt8>) throws(DocumentError) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var j = raw.startIndex
        while j < raw.endIndex {
            guard raw[j] == UInt8(ascii: "&") else { out.append(raw[j]); j += 1; continue }
            guard let semi = raw[j...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw error("has a bare & in its text") }
            let name = String(decoding: raw[(j + 1)..<semi], as: UTF8.self)
            guard let scalar = Self.entity(name) else { throw error("uses the undeclared entity &\(name);") }
            out.append(contentsOf: Array(String(scalar).utf8))
            j = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}

/// Why a .docx, .xlsx or .pdf cannot be read, in words (`InputError.document`).
struct DocumentError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
