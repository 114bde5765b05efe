import Foundation
import Testing
@testable import Bulletin

/// `JSONWriter` writes the bytes Foundation's `JSONEncoder` writes with sorted keys (pretty and
/// compact): on every corpus extraction, and on the values that are easy to get wrong.
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

    /// Keys out of declaration order, in code point order (Zeta before alpha, numberStart before
    /// numbers), empty containers, escapes, doubles of every form, nil, other integer types and
    /// hand-written nested containers.
    struct Awkward: Encodable {
        var zeta: [Int] = []
        var alpha: [String: Int] = [:]
        var Zeta = 1
        var numbers = 2
        var numberStart = 3
        var text = "a/\"\\\n\r\t\u{8}\u{C}\u{1}\u{1F}é中\u{7F}\u{2028}"
        var doubles: [Double] = [33500, 104.4, 1e16, 1.5e-7, 0.1 + 0.2, -0.0, .nan, .infinity, -.infinity, 123456789012345680000]
        var floats: [Float] = [1.5, 3, 0.1]
        var small: [Int8] = [-3, 7]
        var big: UInt64 = .max
        var missing: Int? = nil
        var nested = Nested()
        var objects: [[String: [Int]]] = [[:], ["b": [], "a": [1]]]

        enum CodingKeys: String, CodingKey {
            case zeta, alpha, Zeta, numbers, numberStart, text, doubles, floats, small, big, missing, nested, objects
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(zeta, forKey: .zeta)
            try c.encode(alpha, forKey: .alpha)
            try c.encode(Zeta, forKey: .Zeta)
            try c.encode(numbers, forKey: .numbers)
            try c.encode(numberStart, forKey: .numberStart)
            try c.encode(text, forKey: .text)
            try c.encode(doubles, forKey: .doubles)
            try c.encode(floats, forKey: .floats)
            try c.encode(small, forKey: .small)
            try c.encode(big, forKey: .big)
            try c.encodeNil(forKey: .missing)
            try c.encode(nested, forKey: .nested)
            try c.encode(objects, forKey: .objects)
        }
    }

    struct Nested: Encodable {
        enum Keys: String, CodingKey { case b, a, list }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            var inner = c.nestedContainer(keyedBy: Keys.self, forKey: .b)
            try inner.encode(2, forKey: .b)
            try inner.encode(1, forKey: .a)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(true)
            try list.encodeNil()
            try c.encode(0, forKey: .a)
        }
    }

    @Test func awkwardValues() throws {
        for pretty in [true, false] {
            let ours = try JSONWriter(pretty: pretty).bytes(Awkward())
            let theirs = try foundation(Awkward(), pretty: pretty)
            #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self))\n---\n\(String(decoding: theirs, as: UTF8.self))")
        }
    }
}
