import Foundation
import Testing
@testable import Bulletin

/// The same bulletin in every supported encoding gives the same quantities and claims. The
/// encoded copies are made here from a UTF-8 fixture.
struct EncodingTests {
    static let fixture = "Corpus/xiling-2022-1-9-key-projects.txt"

    /// What must not change with the encoding: quantities and claims as text and values.
    func essence(_ e: Extraction) -> [String] {
        e.quantities.map { "\($0.text)=\($0.value)\($0.unit)" }
            + e.claims.map { "\($0.reported.text) \($0.reported.basis) \($0.actual?.value ?? -1)/\($0.target?.value ?? -1) \($0.status)" }
    }

    func utf8Text() throws -> String { String(decoding: try packageFile(Self.fixture), as: UTF8.self) }

    @Test(arguments: [
        ("GB18030", "GB18030"), ("UTF-16LE", "UTF-16LE"), ("UTF-16BE", "UTF-16BE"),
    ])
    func encodedCopyGivesTheSameResult(_ charset: String, _ expected: String) throws {
        let text = try utf8Text()
        let reference = try Extractor().extract(bytes: Array(text.utf8), path: "x")
        var bytes = try ICU.encode(text, as: charset)
        if charset == "UTF-16LE" { bytes = [0xFF, 0xFE] + bytes }
        if charset == "UTF-16BE" { bytes = [0xFE, 0xFF] + bytes }
        let copy = try Extractor().extract(bytes: bytes, path: "x")
        #expect(copy.source.encoding == expected)
        #expect(essence(copy) == essence(reference))
        #expect(!copy.claims.isEmpty)
    }

    @Test func utf8WithByteOrderMark() throws {
        let text = try utf8Text()
        let copy = try Extractor().extract(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "x")
        #expect(copy.source.encoding == "UTF-8-BOM")
        #expect(essence(copy) == essence(try Extractor().extract(bytes: Array(text.utf8), path: "x")))
    }

    @Test func windowsLineEnds() throws {
        let text = try utf8Text()
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let source = try SourceText(bytes: Array(crlf.utf8), path: "x")
        let copy = Extractor().extract(source)
        #expect(essence(copy) == essence(try Extractor().extract(bytes: Array(text.utf8), path: "x")))
        // Spans still quote the decoded text, carriage returns included.
        for q in copy.quantities {
            #expect(String(String.UnicodeScalarView(source.original[q.span.start..<q.span.end])) == q.text)
        }
    }

    @Test func big5TraditionalText() throws {
        let text = "2016年1-10月,市重點項目完成投資328.4億元,完成年度計劃的85.1%。全市63個新開工重點項目共有47個項目實現開工,開工率達74.6%;10個計劃投產項目實現投產7個,投產率達70%。\n"
        let bytes = try ICU.encode(text, as: "Big5")
        let copy = try Extractor().extract(bytes: bytes, path: "x")
        #expect(copy.source.encoding == "Big5")
        #expect(essence(copy) == essence(extract(text)))
        #expect(copy.claims.map(\.status) == [.unverifiable, .consistent, .consistent])
    }

    /// A traditional-character copy of the November sample reads the same values as the original.
    @Test func traditionalCopyOfTheNovemberSample() throws {
        let text = String(decoding: try packageFile("Corpus/qingdao-2019-11-shishi.txt"), as: UTF8.self)
        let toTraditional = try Transliterator(id: "Hans-Hant")
        let traditional = String(decoding: toTraditional.transliterate(Array(text.utf16)), as: UTF16.self)
        #expect(traditional != text)
        #expect(traditional.contains("萬"))
        let simplified = extract(text), copy = extract(traditional)
        #expect(copy.quantities.map(\.value) == simplified.quantities.map(\.value))
        #expect(copy.quantities.map(\.unit) == simplified.quantities.map(\.unit))
        #expect(copy.claims.map(\.status) == simplified.claims.map(\.status))
        #expect(copy.claims.map(\.reported.basis) == simplified.claims.map(\.reported.basis))
        #expect(copy.claims.map { $0.target?.value } == simplified.claims.map { $0.target?.value })
        #expect(copy.sections.count == 10)
    }
}

/// The one-pass UTF-8 decoder accepts exactly what the standard library's validation accepts and
/// gives the same scalars: on short random sequences of the bytes where UTF-8 has its edges
/// (overlong leads C0/C1, E0 and F0 with low continuations, surrogates after ED, F4 past U+10FFFF,
/// F5 and up, stray and missing continuations) and on every corpus text.
struct StrictUTF8Tests {
    static func standard(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }.map { Array($0.unicodeScalars) }
    }

    @Test func acceptsWhatTheStandardLibraryAccepts() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4,
                              0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var rng: UInt64 = 7
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        var accepted = 0
        for _ in 0..<200_000 {
            let bytes = (0..<(1 + next() % 6)).map { _ in edges[next() % edges.count] }
            let expected = Self.standard(bytes)
            #expect(Decoder.strictUTF8(bytes[...]) == expected, "\(bytes.map { String($0, radix: 16) })")
            if expected != nil { accepted += 1 }
        }
        #expect(accepted > 1000)
        for path in corpusTexts().filter({ $0.hasSuffix(".txt") }) {
            let bytes = try! packageFile(path)
            #expect(Decoder.strictUTF8(bytes[...]) == Self.standard(bytes), "\(path)")
        }
    }
}
