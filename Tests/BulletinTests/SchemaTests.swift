import Foundation
import Testing
@testable import Bulletin
import BulletinSchema

/// The output of `Extraction.json()` against the published schema, Schema/bulletin.schema.json.
@Suite struct SchemaTests {
    /// The package root: this file is Tests/BulletinTests/SchemaTests.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus samples, by file name.
    static var corpusFiles: [String] { corpusTexts().map { String($0.dropFirst("Corpus/".count)) } }

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("Schema/bulletin.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func extractionJSON(_ name: String) throws -> Any {
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("Corpus").appendingPathComponent(name)))
        let extraction = try Extractor().extract(bytes: bytes, path: "Corpus/\(name)")
        return try JSONSerialization.jsonObject(with: Data(extraction.json().utf8))
    }

    @Test func corpusIsPresent() {
        #expect(Self.corpusFiles.count >= 2, "expected the sample bulletins in Corpus/")
    }

    @Test(arguments: corpusFiles)
    func corpusOutputConformsToSchema(_ name: String) throws {
        let errors = SchemaValidator(schema: try Self.schema()).validate(try Self.extractionJSON(name))
        #expect(errors.isEmpty, "\(name): \(errors.count) schema violations:\n\(errors.prefix(30).joined(separator: "\n"))")
    }

    /// A hand-made document that conforms, to be broken one way at a time below.
    static let minimalDocument = #"""
    {
      "schema": "bulletin/1",
      "source": {"path": "x.txt", "sha256": "\#(String(repeating: "0", count: 64))", "encoding": "UTF-8", "length": 3},
      "title": null, "publisher": null, "published": "2019-12-12", "preamble": {"text": "abc", "span": [0, 3]},
      "sections": [], "items": [], "departments": [], "quantities": [], "dates": [], "claims": [], "checks": [],
      "diagnostics": [{"severity": "warning", "message": "m", "span": null}],
      "summary": {"sections": 0, "items": 0, "quantities": 0,
                  "claims": {"consistent": 0, "inconsistent": 0, "unverifiable": 0},
                  "checks": {"pass": 0, "fail": 0, "unverifiable": 0}}
    }
    """#

    static func document(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> [String: Any] {
        var document = try #require(try JSONSerialization.jsonObject(with: Data(minimalDocument.utf8)) as? [String: Any])
        edit(&document)
        return document
    }

    @Test func validatorAcceptsMinimalDocument() throws {
        let errors = SchemaValidator(schema: try Self.schema()).validate(try Self.document())
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func validatorRejectsBrokenDocuments() throws {
        let validator = SchemaValidator(schema: try Self.schema())
        let cases: [(String, (inout [String: Any]) -> Void, String)] = [
            ("missing schema", { $0["schema"] = nil }, "$: missing required key schema"),
            ("wrong schema version", { $0["schema"] = "bulletin/2" }, "$.schema"),
            ("wrong enum value", { $0["diagnostics"] = [["severity": "fatal", "message": "m", "span": NSNull()]] },
             "$.diagnostics[0].severity"),
            ("extra key", { $0["extra"] = 1 }, "$: unexpected key extra"),
            ("extra nested key", { $0["preamble"] = ["text": "abc", "span": [0, 3], "lang": "zh"] }, "$.preamble"),
            ("fractional span", { $0["preamble"] = ["text": "abc", "span": [0, 2.5]] }, "$.preamble"),
            ("short span", { $0["preamble"] = ["text": "abc", "span": [0]] }, "$.preamble"),
            ("bad date", { $0["published"] = "12/12/2019" }, "$.published"),
            ("null where required", { $0["sections"] = NSNull() }, "$.sections"),
        ]
        for (label, edit, expected) in cases {
            let errors = validator.validate(try Self.document(edit))
            #expect(!errors.isEmpty, "\(label): no error reported")
            #expect(errors.contains { $0.hasPrefix(expected) }, "\(label): expected an error at \(expected), got \(errors)")
        }
    }

    /// The corpus test sees every key the encoder writes: every object in the schema is closed
    /// (`additionalProperties: false`), so a key missing from the schema fails validation, and
    /// requires all its properties, so a key the encoder stops writing fails too. This checks
    /// that the schema keeps that shape. The one exception is a claim's `place`, written only for
    /// Word, Excel and PDF inputs so that the output for text and HTML stays as it was.
    @Test func everyObjectSchemaIsClosedAndComplete() throws {
        let optional: [String: Set<String>] = ["#/$defs/Claim": ["place"]]
        var problems: [String] = []
        func visit(_ node: Any, _ path: String) {
            if let list = node as? [Any] {
                for (index, element) in list.enumerated() { visit(element, "\(path)[\(index)]") }
                return
            }
            guard let schema = node as? [String: Any] else { return }
            if let properties = schema["properties"] as? [String: Any] {
                if schema["additionalProperties"] as? Bool != false { problems.append("\(path): not closed") }
                let required = Set(schema["required"] as? [String] ?? [])
                if required != Set(properties.keys).subtracting(optional[path] ?? []) {
                    problems.append("\(path): required \(required.sorted()) ≠ properties \(properties.keys.sorted())")
                }
            } else if schema["type"] as? String == "object" {
                problems.append("\(path): object without properties")
            }
            for (key, value) in schema where key != "enum" && key != "const" { visit(value, "\(path)/\(key)") }
        }
        visit(try Self.schema(), "#")
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Every key the encoder writes for the November sample is a property in the schema, found by
    /// walking the output beside the schema (redundant with the closed objects above, but it
    /// names the $def to edit when a field is added).
    @Test func schemaNamesEveryEncodedKey() throws {
        let schema = try Self.schema()
        let defs = schema["$defs"] as? [String: Any] ?? [:]
        var missing: Set<String> = []
        func objectSchemas(_ node: Any) -> [[String: Any]] {
            guard let node = node as? [String: Any] else { return [] }
            if let ref = node["$ref"] as? String { return objectSchemas(defs[String(ref.split(separator: "/").last ?? "")] as Any) }
            return (node["properties"] != nil ? [node] : []) + ((node["anyOf"] as? [Any]) ?? []).flatMap(objectSchemas)
        }
        func walk(_ value: Any, _ node: Any, _ path: String) {
            if let array = value as? [Any] {
                let items = (node as? [String: Any])?["items"] ?? NSNull()
                for element in array { walk(element, items, path + "[]") }
            } else if let object = value as? [String: Any] {
                let properties = objectSchemas(node).first?["properties"] as? [String: Any] ?? [:]
                for (key, member) in object {
                    guard let sub = properties[key] else { missing.insert("\(path).\(key)"); continue }
                    walk(member, sub, "\(path).\(key)")
                }
            }
        }
        walk(try Self.extractionJSON("qingdao-2019-11-shishi.txt"), schema, "$")
        #expect(missing.isEmpty, "keys the schema does not name: \(missing.sorted())")
    }
}
