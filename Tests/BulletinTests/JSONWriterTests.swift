import Foundation
import Testing
@testable import Bulletin

/// `JSONWriter` writes the bytes Foundation's `JSONEncoder` writes with sorted keys (pretty and
/// compact) from the output types' `Encodable` conformances: on every corpus extraction, and on
/// the values that are easy to get wrong. And the output is what it was before the speed work.
struct JSONWriterTests {
    func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return Array(try encoder.encode(value))
    }

    @Test(arguments: corpusTexts())
    func corpusExtractionsAsFoundationWritesThem(_ path: String) throws {
        let e = try Extractor().extract(bytes: packageFile(path), path: path)
        for pretty in [true, false] {
            #expect(try e.jsonBytes(pretty: pretty) == foundation(e, pretty: pretty), "\(path) pretty: \(pretty)")
        }
    }

    /// The dev bulletins (`../shared/corpus/dev`, beside the repository, when present) extract to
    /// the very bytes they did before the speed work: `Tests/Fixtures/dev-output.sha256.tsv` holds
    /// the SHA-256 of `bulletin extract FILE`'s output for each, taken at 8d13750. The dev texts
    /// are not in the repository; without them this test checks the corpus only (the goldens).
    @Test func devOutputsUnchanged() throws {
        let dev = packageRoot.appendingPathComponent("../shared/corpus/dev").standardized
        guard FileManager.default.fileExists(atPath: dev.path) else { return }
        let table = String(decoding: try packageFile("Tests/Fixtures/dev-output.sha256.tsv"), as: UTF8.self)
        var compared = 0
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let bytes = Array(try Data(contentsOf: dev.appendingPathComponent(fields[0])))
            let output = Extractor().extract(try SourceText(bytes: bytes, path: fields[0])).jsonBytes() + [0x0A]
            #expect(SHA256.hex(output) == fields[1], "\(fields[0]) extracts to other bytes than before")
            compared += 1
        }
        #expect(compared == 25)
    }

    /// Values that are easy to get wrong: escapes, doubles of every form, nil, empty containers,
    /// a place with some members only.
    @Test func awkwardValues() throws {
        let span = Span(3, 9)
        let quantities = [33500, 104.4, 1e16, 1.5e-7, 0.1 + 0.2, -0.0, 0, -5, 9_007_199_254_740_991, 9_007_199_254_740_992.0.nextUp,
                          1.2345678901234568e20, .nan, .infinity, -.infinity, .leastNonzeroMagnitude].map { value in
            Quantity(text: "a/\"\\\n\r\t\u{8}\u{C}\u{1}\u{1F}é中\u{7F}\u{2028}", span: span, value: value, unit: "", kind: "",
                     approx: .about, step: value, upper: value == 0 ? nil : -value, range: 0..<1, family: "", numberStart: 0)
        }
        for pretty in [true, false] {
            for q in quantities {
                #expect(JSONWriter.bytes(q, pretty: pretty) == (try foundation(q, pretty: pretty)), "\(q.value)")
            }
            let places = [Place(), Place(page: 2), Place(paragraph: 40, table: 1, row: 3, column: 4), Place(sheet: "完成情况", cell: "D5")]
            for place in places {
                #expect(JSONWriter.bytes(place, pretty: pretty) == (try foundation(place, pretty: pretty)), "\(place)")
            }
            let empty = Department(name: "", span: span, headline: nil, blocks: [], range: 0..<0)
            #expect(JSONWriter.bytes(empty, pretty: pretty) == (try foundation(empty, pretty: pretty)))
        }
    }

    /// Objects in arrays 80 levels deep: the writer keeps the first 64 levels' commas in a bit
    /// mask and the deeper ones in an array.
    @Test func deepNesting() throws {
        struct Nest: Encodable, JSONWritable {
            let inner: [Nest]
            let name: String
            func write(to json: inout JSONWriter) {
                json.object { json in
                    json.key("inner"); json.array(inner)
                    json.key("name"); json.string(name)
                }
            }
        }
        var nest = Nest(inner: [], name: "底")
        for k in 0..<40 { nest = Nest(inner: [nest, Nest(inner: [], name: "\(k)")], name: "层\(k)") }
        for pretty in [true, false] {
            #expect(JSONWriter.bytes(nest, pretty: pretty) == (try foundation(nest, pretty: pretty)))
        }
    }
}
