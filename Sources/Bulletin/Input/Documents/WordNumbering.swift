import Foundation

/// The numbers Word shows before numbered paragraphs: the lists of `word/numbering.xml` (each
/// level's start, number format and text such as "%1、" or "（%2）"), the numbering a paragraph style
/// gives (`word/styles.xml`, through `w:basedOn`), and the running count of each list.
struct WordNumbering {
    private struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    private var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var styles: [String: (numID: String?, level: Int?, basedOn: String?)] = [:]
    private var counters: [String: [Int: Int]] = [:]
    /// The largest number a list counts to (and starts at).
    static let maximumCount = 100_000

    init(_ zip: ZipArchive) throws(DocumentError) {
        if let xml = try zip.part("word/numbering.xml") { try readNumbering(XMLReader(xml, part: "word/numbering.xml")) }
        if let xml = try zip.part("word/styles.xml") { try readStyles(XMLReader(xml, part: "word/styles.xml")) }
    }

    /// The label of the next paragraph of list `numID` (or of its style's list) at `level`, and
    /// the count moved on; nil for a paragraph without a number (or with a bullet).
    mutating func label(numID: String?, level: Int?, style: String?) -> String? {
        var numID = numID, level = level
        var seen = Set<String>()
        var s = style
        while numID == nil || level == nil, let id = s, seen.insert(id).inserted, let entry = styles[id] {
            numID = numID ?? entry.numID
            level = level ?? entry.level
            s = entry.basedOn
        }
        guard let numID, numID != "0", let list = lists[numID], let levels = abstractLevels[list.abstract] else { return nil }
        let k = min(max(level ?? 0, 0), 8)
        guard let this = levels[k], this.format != "bullet", this.format != "none" || !this.text.contains("%") else { return nil }
        var count = counters[numID, default: [:]]
        count[k] = min(count[k].map { $0 + 1 } ?? (list.starts[k] ?? this.start), Self.maximumCount)
        for deeper in (k + 1)...9 { count[deeper] = nil }
        counters[numID] = count
        var label = this.text
        for j in (0...k).reversed() {
            let value = count[j] ?? (list.starts[j] ?? levels[j]?.start ?? 1)
            label = label.replacingOccurrences(of: "%\(j + 1)", with: Self.format(value, levels[j]?.format ?? "decimal"))
        }
        return label
    }

    // MARK: Parts

    private mutating func readNumbering(_ xml: XMLReader) throws(DocumentError) {
        var xml = xml
        var abstract: String? = nil, level: Int? = nil, num: String? = nil, overrideLevel: Int? = nil
        while let event = try xml.next() {
            guard case .start(let name, let a, _) = event else {
                if case .end(let name) = event {
                    if name == "abstractNum" { abstract = nil } else if name == "num" { num = nil } else if name == "lvl" { level = nil }
                }
                continue
            }
            let value = a["val"]
            switch name {
            case "abstractNum": abstract = a["abstractNumId"]
            case "lvl": level = a["ilvl"].flatMap { Int($0) }
                if let abstract, let level { abstractLevels[abstract, default: [:]][level] = Level() }
            case "start", "numFmt", "lvlText":
                guard let abstract, let level, let value else { break }
                if name == "start" { abstractLevels[abstract]?[level]?.start = min(max(Int(value) ?? 1, 0), Self.maximumCount) }
                if name == "numFmt" { abstractLevels[abstract]?[level]?.format = value }
                if name == "lvlText" { abstractLevels[abstract]?[level]?.text = value }
            case "num": num = a["numId"]
            case "abstractNumId": if let num, let value { lists[num] = (value, [:]) }
            case "lvlOverride": overrideLevel = a["ilvl"].flatMap { Int($0) }
            case "startOverride": if let num, let overrideLevel, let v = value.flatMap({ Int($0) }) { lists[num]?.starts[overrideLevel] = min(max(v, 0), Self.maximumCount) }
            default: break
            }
        }
    }

    private mutating func readStyles(_ xml: XMLReader) throws(DocumentError) {
        var xml = xml
        var style: String? = nil
        while let event = try xml.next() {
            if case .end("style") = event { style = nil }
            guard case .start(let name, let a, _) = event else { continue }
            switch name {
            case "style": style = a["styleId"]; if let style { styles[style] = (nil, nil, nil) }
            case "basedOn": if let style { styles[style]?.basedOn = a["val"] }
            case "numId": if let style { styles[style]?.numID = a["val"] }
            case "ilvl": if let style { styles[style]?.level = a["val"].flatMap { Int($0) } }
            default: break
            }
        }
    }

    // MARK: Number formats

    /// `n` as Word's number format `format` writes it.
    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "ideographDigital":
            return chinese(n, digits: Array("〇一二三四五六七八九"), ten: "十", hundred: "百")
        case "chineseLegalSimplified": return chinese(n, digits: Array("零壹贰叁肆伍陆柒捌玖"), ten: "拾", hundred: "佰")
        case "ideographTraditional": return (1...10).contains(n) ? String(Array("甲乙丙丁戊己庚辛壬癸")[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": return enclosed(n, base: 0x2460)
        case "decimalEnclosedParen": return enclosed(n, base: 0x2474)
        case "decimalEnclosedFullstop": return enclosed(n, base: 0x2488)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2": return String(scalars: String(n).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! })
        case "lowerLetter", "upperLetter":
            let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((max(n, 1) - 1) % 26)))
            let text = String(repeating: letter, count: (max(n, 1) - 1) / 26 + 1)
            return format == "upperLetter" ? text.uppercased() : text
        case "lowerRoman", "upperRoman":
            let text = roman(n)
            return format == "lowerRoman" ? text.lowercased() : text
        default: return String(n)
        }
    }

    private static func enclosed(_ n: Int, base: UInt32) -> String {
        (1...20).contains(n) ? String(Unicode.Scalar(base + UInt32(n - 1))!) : String(n)
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (below 1000; larger as digits).
    private static func chinese(_ n: Int, digits: [Character], ten: Character, hundred: Character) -> String {
        guard (0..<1000).contains(n) else { return String(n) }
        if n < 10 { return String(digits[n]) }
        var out = ""
        let h = n / 100, t = n / 10 % 10, u = n % 10
        if h > 0 { out += "\(digits[h])\(hundred)" }
        if t > 0 { out += (h == 0 && t == 1 ? "" : String(digits[t])) + String(ten) } else if h > 0, u > 0 { out.append(digits[0] == "〇" ? "零" : digits[0]) }
        if u > 0 { out.append(digits[u]) }
        return out
    }

    private static func roman(_ n: Int) -> String {
        guard (1..<4000).contains(n) else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                                      (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, letters) in table { while n >= value { out += letters; n -= value } }
        return out
    }
}
