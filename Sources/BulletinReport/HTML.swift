import Foundation

/// Escaping for everything a page inserts: the one way text gets into HTML.
enum HTML {
    /// `text` as element content or a quoted attribute value: `&`, `<`, `>`, `"` and `'` replaced.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text of scalars as element content.
    static func escape(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        escape(String(String.UnicodeScalarView(scalars)))
    }

    /// An element: `<name attr="value"…>content</name>`, attribute values escaped, content as given
    /// (already HTML). Attributes with a nil value are left out.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ content: String = "") -> String {
        "<\(name)\(attributeList(attributes))>\(content)</\(name)>"
    }

    /// An element without attributes holding `text`, escaped.
    static func text(_ name: String, _ text: String) -> String {
        element(name, [:], escape(text))
    }

    /// An element holding `text`, escaped.
    static func text(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ text: String) -> String {
        element(name, attributes, escape(text))
    }

    static func attributeList(_ attributes: KeyValuePairs<String, String?>) -> String {
        attributes.compactMap { key, value in value.map { " \(key)=\"\(escape($0))\"" } }.joined()
    }
}

/// Numbers as a page shows them: up to `places` decimals, no trailing zeros.
enum Figures {
    static func format(_ value: Double, places: Int = 2) -> String {
        guard value.isFinite else { return String(value) }
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
