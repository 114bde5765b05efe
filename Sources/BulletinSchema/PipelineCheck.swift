import Bulletin
import Foundation

/// Runs the whole pipeline on raw bytes as `bulletin extract` does (decode → extract → JSON) and
/// lists every way the result breaks bulletin's contract: JSON that cannot be encoded or parsed
/// back, output that fails the JSON Schema, or a span outside the decoded text. (Decoding throws
/// only `InputError`, which the compiler checks.) The fuzz target and the robustness tests share it.
public enum PipelineCheck {
    /// What the pipeline made of the bytes.
    public enum Outcome {
        /// Decoding refused the bytes with this error (the CLI's exit status 2).
        case rejected(InputError)
        /// The bytes were extracted; `json` is the pretty-printed output.
        case extracted(Extraction, json: String)
        /// Something went wrong that is a bug; the problems say what.
        case broken
    }

    /// The schema of the output, `Schema/bulletin.schema.json`, read from the source tree.
    public static func bulletinSchema() throws -> SchemaValidator {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try SchemaValidator(schemaData: Data(contentsOf: root.appendingPathComponent("Schema/bulletin.schema.json")))
    }

    /// Runs the pipeline on `bytes`; `problems` is empty when the contract holds.
    public static func run(_ bytes: [UInt8], path: String = "input", extractor: Extractor = Extractor(),
                           validator: SchemaValidator) -> (outcome: Outcome, problems: [String]) {
        let source: SourceText
        do {
            source = try SourceText(bytes: bytes, path: path)
        } catch {
            return (.rejected(error), [])
        }
        let extraction = extractor.extract(source)
        let json = extraction.json()
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        } catch {
            return (.broken, ["the output is not valid JSON: \(error)"])
        }
        var problems = validator.validate(parsed)
        problems += spanProblems(parsed, length: source.original.count, at: "$")
        return (problems.isEmpty ? .extracted(extraction, json: json) : .broken, problems)
    }

    /// Spans (`span`, `phraseSpan`) that are not `[start, end)` with 0 ≤ start ≤ end ≤ `length`.
    static func spanProblems(_ value: Any, length: Int, at path: String) -> [String] {
        var problems: [String] = []
        if let object = value as? [String: Any] {
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if key == "span" || key == "phraseSpan", let pair = member as? [Any], pair.count == 2,
                   let start = (pair[0] as? NSNumber)?.intValue, let end = (pair[1] as? NSNumber)?.intValue,
                   !(0 <= start && start <= end && end <= length) {
                    problems.append("\(path).\(key): [\(start), \(end)) is outside the text of \(length) code points")
                }
                problems += spanProblems(member, length: length, at: "\(path).\(key)")
            }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                problems += spanProblems(element, length: length, at: "\(path)[\(index)]")
            }
        }
        return problems
    }
}
