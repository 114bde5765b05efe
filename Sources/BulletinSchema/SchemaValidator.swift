import Foundation

/// A small JSON Schema (draft 2020-12) validator for the subset `Schema/bulletin.schema.json` uses:
/// `type` (a name or a list; "integer" is a number with no fractional part), `properties`,
/// `required`, `additionalProperties` (false or a schema), `items`, `prefixItems`, `minItems`,
/// `maxItems`, `enum`, `const`, `pattern`, `anyOf`, `oneOf` and local `$ref` ("#/$defs/Name").
/// Instances are what `JSONSerialization` produces. A keyword outside the subset is reported as an
/// error rather than ignored, so the schema cannot outgrow the validator unnoticed.
///
/// Used by the tests and by the fuzz target (`Sources/BulletinFuzz`) to check `bulletin extract`'s
/// output against `Schema/bulletin.schema.json`.
public struct SchemaValidator: @unchecked Sendable {  // `root` is a parsed JSON tree, never mutated
    let root: Any
    /// The schemas under `$defs`, by name, for `$ref`s of the form "#/$defs/Name".
    private let definitions: [String: Any]
    /// Keywords of the schema outside the supported subset, found once (`#/$defs/Span: unsupported …`).
    private let unsupported: [String]

    /// Keywords that carry no constraint.
    private static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"]
    private static let supported: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "prefixItems", "minItems", "maxItems",
        "enum", "const", "pattern", "anyOf", "oneOf", "$ref",
    ]

    /// A validator for a schema already parsed by `JSONSerialization`.
    public init(schema: Any) {
        root = schema
        definitions = (schema as? [String: Any])?["$defs"] as? [String: Any] ?? [:]
        var unsupported: [String] = []
        func visit(_ node: Any, _ path: String) {
            if let list = node as? [Any] {
                for (index, element) in list.enumerated() { visit(element, "\(path)[\(index)]") }
            } else if let object = node as? [String: Any] {
                for key in object.keys.sorted() where !Self.supported.contains(key) && !Self.annotations.contains(key) {
                    unsupported.append("\(path): unsupported schema keyword \(key)")
                }
                for (key, member) in object.sorted(by: { $0.key < $1.key }) where key != "enum" && key != "const" {
                    // Under `properties` and `$defs` the keys are names, not keywords.
                    if key == "properties" || key == "$defs", let named = member as? [String: Any] {
                        for (name, sub) in named.sorted(by: { $0.key < $1.key }) { visit(sub, "\(path)/\(key)/\(name)") }
                    } else {
                        visit(member, "\(path)/\(key)")
                    }
                }
            }
        }
        visit(schema, "#")
        self.unsupported = unsupported
    }

    /// A validator for a schema given as JSON text.
    public init(schemaData: Data) throws {
        self.init(schema: try JSONSerialization.jsonObject(with: schemaData))
    }

    /// Validates `instance` and returns one message per violation, each prefixed by its JSON path
    /// (`$.claims[3].status: …`); empty when the instance conforms.
    public func validate(_ instance: Any) -> [String] {
        var errors = unsupported
        check(instance, against: root, at: "$", into: &errors)
        return errors
    }

    /// Appends the violations of `value` to `errors`. Without `describe`, only whether there are
    /// any counts: messages are left short (the alternatives of `anyOf` are tried that way first).
    private func check(_ value: Any, against schema: Any, at path: String, into errors: inout [String], describe: Bool = true) {
        if let allowed = schema as? Bool {  // `true` accepts anything, `false` nothing
            if !allowed { errors.append("\(path): no value is allowed here") }
            return
        }
        guard let schema = schema as? [String: Any] else { errors.append("\(path): schema is not an object"); return }
        if let ref = schema["$ref"] as? String {
            if let target = resolve(ref) { check(value, against: target, at: path, into: &errors, describe: describe) }
            else { errors.append("\(path): cannot resolve $ref \(ref)") }
        }
        if let type = schema["type"] {
            let names = (type as? [String]) ?? [(type as? String) ?? "?"]
            let actual = Self.kind(of: value)
            if !names.contains(where: { $0 == actual || ($0 == "number" && actual == "integer") }) {
                errors.append(describe ? "\(path): expected \(names.joined(separator: " or ")), found \(actual) \(Self.render(value))" : path)
                return  // the other keywords would only repeat the mismatch
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append(describe ? "\(path): \(Self.render(value)) is not one of \(Self.render(options))" : path)
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            errors.append(describe ? "\(path): \(Self.render(value)) is not \(Self.render(constant))" : path)
        }
        if let pattern = schema["pattern"] as? String, let string = value as? String {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                let range = NSRange(string.startIndex..., in: string)
                if regex.firstMatch(in: string, range: range) == nil {
                    errors.append(describe ? "\(path): \(Self.render(string)) does not match \(pattern)" : path)
                }
            } else {
                errors.append("\(path): invalid pattern \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil {
                errors.append("\(path): missing required key \(name)")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let sub = properties[key] {
                    check(member, against: sub, at: describe ? "\(path).\(key)" : path, into: &errors, describe: describe)
                } else if let extra = schema["additionalProperties"] {
                    if extra as? Bool == false {
                        errors.append("\(path): unexpected key \(key)")
                    } else {
                        check(member, against: extra, at: describe ? "\(path).\(key)" : path, into: &errors, describe: describe)
                    }
                }
            }
        }
        if let array = value as? [Any] {
            let prefix = schema["prefixItems"] as? [Any] ?? []
            if let min = schema["minItems"] as? Int, array.count < min {
                errors.append("\(path): \(array.count) items, fewer than \(min)")
            }
            if let max = schema["maxItems"] as? Int, array.count > max {
                errors.append("\(path): \(array.count) items, more than \(max)")
            }
            for (index, element) in array.enumerated() {
                if index < prefix.count {
                    check(element, against: prefix[index], at: describe ? "\(path)[\(index)]" : path, into: &errors, describe: describe)
                } else if let items = schema["items"] {
                    check(element, against: items, at: describe ? "\(path)[\(index)]" : path, into: &errors, describe: describe)
                }
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard let alternatives = schema[keyword] as? [Any] else { continue }
            func failures(describe: Bool) -> [[String]] {
                alternatives.map { alternative -> [String] in
                    var sub: [String] = []
                    check(value, against: alternative, at: path, into: &sub, describe: describe)
                    return sub
                }
            }
            // Which alternatives match is decided without messages; they are made only to report.
            let matches = failures(describe: false).filter(\.isEmpty).count
            if matches == 0 {
                guard describe else { errors.append(path); continue }
                let reasons = failures(describe: true).enumerated().map { "(\($0.offset + 1)) \($0.element.joined(separator: "; "))" }
                errors.append("\(path): matches no alternative of \(keyword): \(reasons.joined(separator: " "))")
            } else if keyword == "oneOf" && matches > 1 {
                errors.append("\(path): matches \(matches) alternatives of oneOf")
            }
        }
    }

    /// Follows a local reference such as "#/$defs/Span" (a JSON pointer into the root schema).
    private func resolve(_ reference: String) -> Any? {
        if reference.hasPrefix("#/$defs/"), let definition = definitions[String(reference.dropFirst("#/$defs/".count))] {
            return definition
        }
        guard reference.hasPrefix("#") else { return nil }
        var node: Any = root
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = (node as? [String: Any])?[key] else { return nil }
            node = next
        }
        return node
    }

    /// On Linux and Darwin alike, JSON booleans come back as this NSNumber subclass.
    private static let boolType: NSNumber.Type = type(of: NSNumber(value: true))

    /// The JSON Schema type name of a parsed value.
    static func kind(of value: Any) -> String {
        // Swift collections first: casting one to a class such as NSNull would bridge it.
        switch value {
        case is [String: Any]: return "object"
        case is [Any]: return "array"
        case is String: return "string"
        case is NSNull: return "null"
        case let number as NSNumber:
            if type(of: number) == boolType { return "boolean" }
            let double = number.doubleValue
            return double.isFinite && double == double.rounded() ? "integer" : "number"
        default: return "unknown"
        }
    }

    /// Equality of parsed JSON values, for `enum` and `const` (1 and 1.0 are equal; true and 1 are not).
    static func equal(_ a: Any, _ b: Any) -> Bool {
        let (ka, kb) = (kind(of: a), kind(of: b))
        let numeric: Set<String> = ["integer", "number"]
        guard ka == kb || (numeric.contains(ka) && numeric.contains(kb)) else { return false }
        switch (a, b) {
        case is (NSNull, NSNull): return true
        case let (x as String, y as String): return x == y
        case let (x as NSNumber, y as NSNumber): return ka == "boolean" ? x.boolValue == y.boolValue : x.doubleValue == y.doubleValue
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        default: return false
        }
    }

    /// A short JSON rendering of a value for messages.
    static func render(_ value: Any) -> String {
        if value is NSNull { return "null" }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) else {
            return "\(value)"
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}
