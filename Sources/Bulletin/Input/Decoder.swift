import Glibc

/// Turns raw bytes into Unicode text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// otherwise whatever ICU's charset detection finds among the Chinese encodings (GB18030, which
/// covers GBK and GB2312, and Big5).
///
/// Damaged text is decoded rather than refused, and each repair is reported as a diagnostic:
/// - A file that is mostly UTF-8 stays UTF-8. Each invalid byte sequence becomes U+FFFD (one per
///   maximal invalid subpart, as Unicode §3.9 recommends), except on a line that is mostly not
///   UTF-8 and is valid GB18030 as a whole (a GBK paragraph pasted into UTF-8 text): that line is
///   decoded as GB18030.
/// - A file that is mostly not UTF-8 is decoded as the first of ICU's guess, GB18030 and Big5 that
///   fits every byte; when none does (a truncated GBK file), as the one needing the fewest
///   replacements.
/// - NUL bytes in text are kept as U+0000.
///
/// Refused (`InputError`): no bytes; known binary formats (PDF, images, archives); content with
/// many NUL bytes; bytes that no encoding reads with fewer than one replacement or control
/// character in fifty characters; more than `maximumBytes`; and text that is only whitespace.
enum Decoder {
    struct Decoded {
        var scalars: [Unicode.Scalar]
        var encoding: String
        /// Repairs made while decoding, with spans into `scalars` (their lines are added by the
        /// extractor).
        var diagnostics: [Diagnostic] = []
    }

    /// The largest input read: 512 MiB. ICU takes 32-bit lengths, and the pipeline holds a few
    /// dozen bytes per input character.
    static let maximumBytes = 512 << 20

    /// Encodings accepted from ICU's detector; anything else is tried as GB18030.
    static let detectable: Set<String> = ["GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8"]

    /// ICU's confidence (0–100) needed to read bytes without a BOM as UTF-16: real text scores 60
    /// and more, random bytes 10 to 40.
    static let minimumUTF16Confidence = 50

    /// Lines reported one by one before the rest are summed up in one diagnostic.
    static let reportedLines = 20

    static func decode(_ bytes: [UInt8]) throws(InputError) -> Decoded {
        guard !bytes.isEmpty else { throw .empty }
        if let format = binaryFormat(bytes) { throw .notText(reason: "not a text file: \(format)", line: nil) }
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }

        var decoded: Decoded
        if bytes.starts(with: [0xFF, 0xFE]) {
            decoded = utf16(bytes.dropFirst(2), bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            decoded = utf16(bytes.dropFirst(2), bigEndian: true)
        } else {
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let body = bom ? bytes.dropFirst(3) : bytes[...]
            let nuls = count(of: 0, in: body)
            if nuls > 0, nuls * 8 > body.count {
                // Many NUL bytes: UTF-16 without a BOM, or binary content.
                guard let guess = ICU.detectCharset(Array(body)), guess.name.hasPrefix("UTF-16"),
                      guess.confidence >= minimumUTF16Confidence else {
                    let first = body.firstIndex(of: 0) ?? body.startIndex
                    throw .notText(reason: "not a text file: binary content (\(nuls) NUL bytes)", line: line(of: first, in: body))
                }
                decoded = utf16(body, bigEndian: guess.name == "UTF-16BE")
            } else {
                decoded = try text(body, label: bom ? "UTF-8-BOM" : "UTF-8")
            }
            if nuls > 0, !decoded.encoding.hasPrefix("UTF-16"), let first = decoded.scalars.firstIndex(of: "\0") {
                decoded.diagnostics.append(Diagnostic(
                    severity: .warning,
                    message: "\(nuls) NUL \(nuls == 1 ? "byte" : "bytes") (U+0000) in the text, kept as they are; the file may be damaged",
                    span: Span(first, first + 1)))
            }
        }
        guard decoded.scalars.contains(where: { !$0.isSpace }) else { throw .blank }
        return decoded
    }

    // MARK: UTF-8 and the Chinese encodings

    /// Decodes bytes without a UTF-16 BOM (see the type's comment for the rules).
    private static func text(_ body: ArraySlice<UInt8>, label: String) throws(InputError) -> Decoded {
        if let scalars = strictUTF8(body) { return Decoded(scalars: scalars, encoding: label) }
        let lines = repairedUTF8Lines(body)
        if lines.validWide >= lines.invalidSequences {
            return Decoded(scalars: lines.scalars, encoding: label, diagnostics: lines.diagnostics)
        }
        // Mostly not UTF-8: a file in one of the Chinese encodings, if one fits every byte.
        let bytes = Array(body)
        var candidates: [String] = []
        if let guess = ICU.detectCharset(bytes), detectable.contains(guess.name), guess.name != "UTF-8",
           !guess.name.hasPrefix("UTF-16") || guess.confidence >= minimumUTF16Confidence {
            candidates.append(guess.name)
        }
        for name in ["GB18030", "Big5"] where !candidates.contains(name) { candidates.append(name) }
        for name in candidates {
            if let units = try? ICU.convertToUTF16(bytes, from: name, strict: true) {
                return Decoded(scalars: scalars(fromUTF16: units), encoding: name)
            }
        }
        // A file cut off inside its last character (a truncated download).
        for name in candidates where name == "GB18030" || name == "Big5" {
            for cut in 1...3 where cut < bytes.count {
                guard let units = try? ICU.convertToUTF16(Array(bytes.dropLast(cut)), from: name, strict: true) else { continue }
                let scalars = scalars(fromUTF16: units) + ["\u{FFFD}"]
                let end = Diagnostic(
                    severity: .warning,
                    message: "the text ends inside a \(name) character, replaced with U+FFFD; the file may be truncated",
                    span: Span(scalars.count - 1, scalars.count))
                return Decoded(scalars: scalars, encoding: name, diagnostics: [end])
            }
        }
        // None fits every byte (a damaged file): the reading with the fewest
        // replacements and control characters, if they are rare; random bytes have many.
        var best = (decoded: Decoded(scalars: lines.scalars, encoding: label, diagnostics: lines.diagnostics),
                    noise: noise(lines.scalars))
        for name in candidates where name == "GB18030" || name == "Big5" {
            guard let units = try? ICU.convertToUTF16(bytes, from: name, strict: false) else { continue }
            let scalars = scalars(fromUTF16: units)
            let noise = noise(scalars)
            if noise < best.noise {
                best = (Decoded(scalars: scalars, encoding: name, diagnostics: replacementDiagnostics(scalars, encoding: name)), noise)
            }
        }
        guard best.noise * 50 <= best.decoded.scalars.count else {
            throw .notText(reason: "not valid UTF-8, GB18030 or Big5 text", line: lines.firstInvalidLine)
        }
        return best.decoded
    }

    /// The scalars of valid UTF-8, or nil.
    static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
        bytes.withUnsafeBufferPointer { source -> [Unicode.Scalar]? in
            // Exactly as many as there are scalars (the bytes that are no continuation byte): the
            // array is the document's `original` for the whole run, and Chinese takes three bytes
            // a scalar.
            var count = 0
            for byte in source where byte & 0xC0 != 0x80 { count += 1 }
            var valid = true
            // Validated and decoded in one pass: no overlong form, surrogate or value past
            // U+10FFFF, no sequence cut short. (Each scalar written has its own lead byte, so a
            // malformed text never writes past `count`.)
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, written in
                var i = 0, n = 0
                let end = source.count
                decoding: while i < end {
                    let lead = source[i]
                    if lead < 0x80 {
                        out[n] = Unicode.Scalar(lead)
                        n += 1
                        i += 1
                        continue
                    }
                    var value: UInt32, length: Int, least: UInt32
                    switch lead {
                    case 0xC2...0xDF: (value, length, least) = (UInt32(lead & 0x1F), 2, 0x80)
                    case 0xE0...0xEF: (value, length, least) = (UInt32(lead & 0x0F), 3, 0x800)
                    case 0xF0...0xF4: (value, length, least) = (UInt32(lead & 0x07), 4, 0x10000)
                    default: valid = false; break decoding
                    }
                    guard i + length <= end else { valid = false; break decoding }
                    for k in 1..<length {
                        let next = source[i + k]
                        guard next & 0xC0 == 0x80 else { valid = false; break decoding }
                        value = value << 6 | UInt32(next & 0x3F)
                    }
                    guard value >= least, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { valid = false; break decoding }
                    out[n] = Unicode.Scalar(value).unsafelyUnwrapped
                    n += 1
                    i += length
                }
                written = n
            }
            return valid ? scalars : nil
        }
    }

    /// UTF-8 decoded line by line with repairs.
    private struct RepairedLines {
        var scalars: [Unicode.Scalar] = []
        var diagnostics: [Diagnostic] = []
        /// Over the whole input, before any line is read as GB18030: well-formed sequences of three
        /// and four bytes (Chinese in UTF-8; GBK misread as UTF-8 makes mostly two-byte ones), and
        /// invalid sequences.
        var validWide = 0
        var invalidSequences = 0
        var firstInvalidLine: Int? = nil
    }

    private static func repairedUTF8Lines(_ body: ArraySlice<UInt8>) -> RepairedLines {
        var result = RepairedLines()
        result.scalars.reserveCapacity(body.count)
        var reported = 0, unreported = 0
        var start = body.startIndex
        var lineNumber = 1
        while start < body.endIndex {
            let end = body[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? body.endIndex
            let line = repairingUTF8(body[start..<end])
            result.validWide += line.validWide
            result.invalidSequences += line.invalid.count
            let offset = result.scalars.count
            if let first = line.invalid.first {
                result.firstInvalidLine = result.firstInvalidLine ?? lineNumber
                var message: String
                var span = Span(offset + first.scalarIndex, offset + first.scalarIndex + 1)
                if line.invalid.count > line.validWide,
                   let units = try? ICU.convertToUTF16(Array(body[start..<end]), from: "GB18030", strict: true) {
                    let scalars = scalars(fromUTF16: units)
                    result.scalars += scalars
                    message = "not UTF-8 but GB18030 (GBK); decoded as GB18030"
                    span = Span(offset, offset + scalars.count)
                } else {
                    result.scalars += line.scalars
                    let bytes = hex(body[(start + first.offset)..<(start + first.offset + first.length)])
                    if first.truncated {
                        message = "the text ends inside a UTF-8 character (bytes \(bytes)), replaced with U+FFFD; the file may be truncated"
                    } else if line.invalid.count == 1 {
                        message = "invalid UTF-8 (bytes \(bytes)) replaced with U+FFFD"
                    } else {
                        message = "\(line.invalid.count) invalid UTF-8 sequences replaced with U+FFFD, the first \(bytes)"
                    }
                }
                if reported < reportedLines {
                    result.diagnostics.append(Diagnostic(severity: .warning, message: message, span: span))
                    reported += 1
                } else {
                    unreported += 1
                }
            } else {
                result.scalars += line.scalars
            }
            start = end
            lineNumber += 1
        }
        if unreported > 0 {
            result.diagnostics.append(Diagnostic(
                severity: .warning,
                message: "invalid UTF-8 on \(unreported) more lines, not listed one by one", span: nil))
        }
        return result
    }

    /// A UTF-8 decoding of `bytes` that replaces each maximal invalid subpart with U+FFFD.
    private struct RepairedUTF8 {
        struct Invalid {
            /// Offset into the bytes and length of the subpart.
            let offset: Int
            let length: Int
            /// Where its U+FFFD is among the scalars.
            let scalarIndex: Int
            /// The bytes end inside a well-formed sequence.
            let truncated: Bool
        }
        var scalars: [Unicode.Scalar] = []
        var invalid: [Invalid] = []
        /// Well-formed sequences of three and four bytes.
        var validWide = 0
    }

    private static func repairingUTF8(_ bytes: ArraySlice<UInt8>) -> RepairedUTF8 {
        var result = RepairedUTF8()
        result.scalars.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            if lead < 0x80 {
                result.scalars.append(Unicode.Scalar(lead))
                i += 1
                continue
            }
            // The length of the sequence a lead byte opens and the range of its second byte
            // (Unicode Table 3-7, well-formed UTF-8 byte sequences); 0 for bytes that never lead.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: length = 0
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var n = 1
            while n < length, i + n < bytes.endIndex {
                let byte = bytes[i + n]
                guard (n == 1 ? second : 0x80...0xBF).contains(byte) else { break }
                value = value << 6 | UInt32(byte & 0x3F)
                n += 1
            }
            if n == length, let scalar = Unicode.Scalar(value) {
                result.scalars.append(scalar)
                if length > 2 { result.validWide += 1 }
            } else {
                result.invalid.append(.init(offset: i - bytes.startIndex, length: n, scalarIndex: result.scalars.count,
                                            truncated: length > 0 && n < length && i + n == bytes.endIndex))
                result.scalars.append("\u{FFFD}")
            }
            i += n
        }
        return result
    }

    /// How many of `scalars` are U+FFFD or control characters other than tab, line breaks and form
    /// feed: signs that bytes were not text in the encoding they were read in.
    private static func noise(_ scalars: [Unicode.Scalar]) -> Int {
        scalars.reduce(0) { count, c in
            let v = c.value
            let control = v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C || v == 0x7F
            return count + (control || v == 0xFFFD ? 1 : 0)
        }
    }

    /// Diagnostics for the U+FFFD that a lenient ICU conversion put in `scalars`.
    private static func replacementDiagnostics(_ scalars: [Unicode.Scalar], encoding: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var lastLine = 0, line = 1, unreported = 0
        for (offset, scalar) in scalars.enumerated() {
            if scalar == "\n" { line += 1; continue }
            guard scalar == "\u{FFFD}", line != lastLine else { continue }
            lastLine = line
            guard diagnostics.count < reportedLines else { unreported += 1; continue }
            let message = offset == scalars.count - 1
                ? "the text ends inside a \(encoding) character, replaced with U+FFFD; the file may be truncated"
                : "bytes that are not \(encoding) replaced with U+FFFD"
            diagnostics.append(Diagnostic(severity: .warning, message: message, span: Span(offset, offset + 1)))
        }
        if unreported > 0 {
            diagnostics.append(Diagnostic(severity: .warning,
                message: "bytes that are not \(encoding) on \(unreported) more lines, not listed one by one", span: nil))
        }
        return diagnostics
    }

    // MARK: UTF-16

    /// UTF-16 after its BOM; unpaired surrogates and an odd last byte become U+FFFD.
    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var firstInvalid: Int? = nil
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error:
                firstInvalid = firstInvalid ?? scalars.count
                scalars.append("\u{FFFD}")
            }
        }
        let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
        var diagnostics: [Diagnostic] = []
        if i < bytes.endIndex {
            diagnostics.append(Diagnostic(severity: .warning,
                message: "the text ends inside a UTF-16 code unit (an odd number of bytes), replaced with U+FFFD; the file may be truncated",
                span: Span(scalars.count, scalars.count + 1)))
            scalars.append("\u{FFFD}")
        }
        if let firstInvalid {
            diagnostics.insert(Diagnostic(severity: .warning, message: "unpaired UTF-16 surrogates replaced with U+FFFD",
                                          span: Span(firstInvalid, firstInvalid + 1)), at: 0)
        }
        return Decoded(scalars: scalars, encoding: name, diagnostics: diagnostics)
    }

    static func scalars(fromUTF16 units: [UInt16]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): result.append(s)
            case .emptyInput: return result
            case .error: result.append("\u{FFFD}")
            }
        }
    }

    // MARK: Helpers

    /// The format of a file that starts with a known binary signature, in words.
    private static func binaryFormat(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            (Array("%PDF".utf8), "a PDF document"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (such as .docx or .xlsx)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an Office document (.doc, .xls)"),
            ([0x1F, 0x8B], "a gzip archive"),
            ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }

    /// How often `byte` occurs (memchr, which stays fast in debug builds on large inputs).
    private static func count(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard var p = UnsafeRawPointer(buffer.baseAddress) else { return 0 }
            let end = p + buffer.count
            var n = 0
            while p < end, let hit = memchr(p, Int32(byte), end - p) {
                n += 1
                p = UnsafeRawPointer(hit) + 1
            }
            return n
        }
    }

    /// The 1-based line of byte `index`.
    private static func line(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        count(of: 0x0A, in: bytes[..<index]) + 1
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
