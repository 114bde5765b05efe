import Foundation

/// A spreadsheet number as Excel displays it under a number format code: a cell typed 1.879 with
/// the format `0.0%` reads 187.9%, `#,##0.00"万元"` reads 1,234.50万元, General shows up to ten
/// significant digits. The displayed digits are what bulletin reads, so they set the rounding
/// step as printed text does. Dates are written as YYYY-MM-DD.
enum CellFormat {
    /// Excel's built-in formats by id (the ones a progress table uses; dates are listed apart).
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
        48: "##0.0E+0", 49: "@",
    ]
    /// Built-in ids that are dates or times (including the Chinese locale's 年月日 formats).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// `value` displayed under `code`.
    static func display(_ value: Double, code: String) -> String {
        guard value.isFinite else { return String(value) }
        let sections = split(code)
        var section = sections.first ?? "General"
        var v = value
        if value < 0, sections.count >= 2 { section = sections[1]; v = -value }
        else if value == 0, sections.count >= 3 { section = sections[2] }
        let (literal, isDate) = strip(section)
        if isDate { return date(value) }
        if literal.trimmingCharacters(in: .whitespaces).lowercased() == "general" || literal.isEmpty || literal == "@" { return general(v) }
        return number(v, pattern: literal)
    }

    /// A date serial (days since 1899-12-30, Excel's 1900 system) as YYYY-MM-DD.
    static func date(_ serial: Double) -> String {
        guard serial.isFinite, serial > -1e7, serial < 3e6 else { return general(serial) }
        let days = Int(serial.rounded(.down))
        let date = Date(timeIntervalSince1970: Double(days - 25569) * 86400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Excel's General format: integers in full below 1e11, otherwise ten significant digits.
    static func general(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        if v == v.rounded(), abs(v) < 1e11 { return String(format: "%.0f", v) }
        var text = String(format: "%.10g", v)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    // MARK: Format codes

    /// The sections of a code split at unquoted semicolons.
    private static func split(_ code: String) -> [String] {
        var sections: [String] = [], current = "", quoted = false, escaped = false
        for ch in code {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "\"" { quoted.toggle() }
            if ch == ";", !quoted { sections.append(current); current = ""; continue }
            current.append(ch)
        }
        sections.append(current)
        return sections
    }

    /// The section with brackets ([Red], [$-804]) and padding (`_)`, `*-`) removed and quoted or
    /// escaped text kept as literal text marked off by U+0001; and whether it formats a date.
    private static func strip(_ section: String) -> (String, Bool) {
        var out = "", quoted = false, isDate = false
        var chars = Array(section)[...]
        while let ch = chars.popFirst() {
            if quoted { if ch == "\"" { quoted = false } else { out.append("\u{1}"); out.append(ch) }; continue }
            switch ch {
            case "\"": quoted = true
            case "\\": if let next = chars.popFirst() { out.append("\u{1}"); out.append(next) }
            case "_", "*": _ = chars.popFirst()
            case "[":
                let inside = String(chars.prefix { $0 != "]" })
                chars = chars.dropFirst(inside.count + 1)
                if ["h", "m", "s"].contains(inside.lowercased().first.map(String.init) ?? "") { isDate = true }
            default:
                if "yYdDhHsS".contains(ch) || (ch == "m" || ch == "M") { isDate = true }
                out.append(ch)
            }
        }
        if out.lowercased().contains("general") || out.contains("E+") || out.contains("e+") { isDate = false }
        return (out, isDate)
    }

    /// A number under a numeric pattern: the placeholders (0 # ? . ,) between a literal prefix
    /// and suffix; each % in the pattern multiplies by 100.
    private static func number(_ value: Double, pattern: String) -> String {
        let chars = Array(pattern)
        func isPlaceholder(_ i: Int) -> Bool { "0#?.,".contains(chars[i]) && (i == 0 || chars[i - 1] != "\u{1}") }
        guard let first = chars.indices.first(where: isPlaceholder),
              let last = chars.indices.last(where: isPlaceholder) else { return literal(pattern) + general(value) }
        let body = String(chars[first...last]).replacingOccurrences(of: "\u{1}", with: "")
        let percents = chars.indices.count { chars[$0] == "%" && ($0 == 0 || chars[$0 - 1] != "\u{1}") }
        let scaled = value * pow(100, Double(percents))
        guard scaled.isFinite else { return general(value) }
        if pattern.contains("E+") || pattern.contains("e+") {
            let decimals = body.split(separator: ".").dropFirst().first.map { $0.count { "0#?".contains($0) } } ?? 0
            return String(format: "%.\(decimals)E", scaled)
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let decimals = parts.count > 1 ? parts[1].count { "0#?".contains($0) } : 0
        let optional = parts.count > 1 ? parts[1].reversed().prefix { $0 == "#" }.count : 0
        var digits = String(format: "%.\(decimals)f", (abs(scaled) * pow(10, Double(decimals))).rounded(.toNearestOrAwayFromZero) / pow(10, Double(decimals)))
        if optional > 0, digits.contains(".") {
            var drop = optional
            while drop > 0, digits.hasSuffix("0") { digits.removeLast(); drop -= 1 }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        digits = padded(digits, to: parts[0].count { $0 == "0" })
        if parts[0].contains(",") { digits = grouped(digits) }
        let sign = scaled < 0 && digits.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : ""
        return literal(String(chars[..<first])) + sign + digits + literal(String(chars[(last + 1)...]))
    }

    /// Digits with the whole part padded with zeros to `minimum` places (`00` shows 7 as 07); with
    /// no `0` before the point, a zero whole part is left out (`#.##` shows 0.5 as .5).
    private static func padded(_ digits: String, to minimum: Int) -> String {
        let whole = digits.prefix { $0 != "." }
        let rest = digits.dropFirst(whole.count)
        if minimum == 0, whole == "0", !rest.isEmpty { return String(rest) }
        return String(repeating: "0", count: max(0, minimum - whole.count)) + digits
    }

    private static func literal(_ s: String) -> String { s.replacingOccurrences(of: "\u{1}", with: "") }

    /// Digits with a comma every three places before the decimal point.
    private static func grouped(_ digits: String) -> String {
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = Array(parts[0]), out: [Character] = []
        while whole.count > 3 { out = [","] + whole.suffix(3) + out; whole.removeLast(3) }
        return String(whole + out) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
