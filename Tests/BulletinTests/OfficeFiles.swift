import Foundation
import ZIPFoundation

/// Writes small .docx and .xlsx files for the tests with ZIPFoundation: the XML parts a bulletin
/// needs (a body of paragraphs and tables; a workbook of sheets of typed cells), zipped in memory.
enum OfficeFiles {
    /// A block of a Word body: a paragraph (numbered through numbering.xml at `level` when given), or a table.
    enum Block {
        case paragraph(String, level: Int? = nil)
        /// Rows of cells; a cell "^" continues the cell above (vertical merge), "<" the cell to its left (gridSpan).
        case table([[String]])
    }

    /// A ZIP archive of `parts` (path, content), deflated.
    static func zip(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static let rels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="TARGET"/></Relationships>"#

    // MARK: Word

    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// Level 0 numbers 一、二、…, level 1 (一)(二)…, as Word's Chinese outline lists do.
    static let numbering = """
        <?xml version="1.0" encoding="UTF-8"?><w:numbering \(w)><w:abstractNum w:abstractNumId="0">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/></w:lvl>\
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    static func paragraph(_ text: String, level: Int? = nil) -> String {
        let numbered = level.map { #"<w:pPr><w:numPr><w:ilvl w:val="\#($0)"/><w:numId w:val="1"/></w:numPr></w:pPr>"# } ?? ""
        return #"<w:p>\#(numbered)<w:r><w:t xml:space="preserve">\#(escaped(text))</w:t></w:r></w:p>"#
    }

    static func table(_ rows: [[String]]) -> String {
        var xml = "<w:tbl><w:tblPr/>"
        for (r, row) in rows.enumerated() {
            xml += "<w:tr>"
            var c = 0
            while c < row.count {
                var span = 1
                while c + span < row.count, row[c + span] == "<" { span += 1 }
                var properties = span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : ""
                let continues = row[c] == "^"
                if continues { properties += "<w:vMerge/>" }
                else if r + 1 < rows.count, rows[r + 1].count > c, rows[r + 1][c] == "^" {
                    properties += #"<w:vMerge w:val="restart"/>"#
                }
                xml += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph(continues ? "" : row[c]))</w:tc>"
                c += span
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func docx(_ blocks: [Block]) throws -> [UInt8] {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, let level): body += paragraph(text, level: level)
            case .table(let rows): body += table(rows)
            }
        }
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<w:document \(w)><w:body>\(body)<w:sectPr/></w:body></w:document>"
        return try zip([
            ("_rels/.rels", Array(rels.replacingOccurrences(of: "TARGET", with: "word/document.xml").utf8)),
            ("word/document.xml", Array(document.utf8)),
            ("word/numbering.xml", Array(numbering.utf8)),
        ])
    }

    /// The same blocks as plain text: numbered paragraphs with their number written out, a table
    /// one cell per line (as a table copied out of Word reads).
    static func text(_ blocks: [Block]) -> String {
        var counters = [0, 0]
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text, let level):
                guard let level else { lines.append(text); continue }
                counters[level] += 1
                if level == 0 { counters[1] = 0 }
                let number = ["一", "二", "三", "四", "五"][counters[level] - 1]
                lines.append(level == 0 ? "\(number)、\(text)" : "(\(number))\(text)")
            case .table(let rows):
                lines += rows.flatMap { $0.filter { $0 != "^" && $0 != "<" } }
            }
        }
        return lines.joined(separator: "\n\n") + "\n"
    }

    // MARK: Excel

    /// A cell: text, or a number shown under a format code.
    enum Cell {
        case text(String)
        case number(Double, format: String = "General")
    }

    static let s = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A workbook of `sheets` (name, rows from A1, merged ranges such as "A1:E1").
    static func xlsx(_ sheets: [(name: String, rows: [[Cell]], merges: [String])]) throws -> [UInt8] {
        var strings: [String] = [], formats: [String] = ["General"]
        var parts: [(String, [UInt8])] = []
        var workbook = "", workbookRels = ""
        for (k, sheet) in sheets.enumerated() {
            var data = ""
            for (r, row) in sheet.rows.enumerated() {
                data += #"<row r="\#(r + 1)">"#
                for (c, cell) in row.enumerated() {
                    let ref = String(UnicodeScalar(UInt8(65 + c))) + String(r + 1)
                    switch cell {
                    case .text(let t) where t.isEmpty: continue
                    case .text(let t):
                        strings.append(t)
                        data += #"<c r="\#(ref)" t="s"><v>\#(strings.count - 1)</v></c>"#
                    case .number(let v, let format):
                        if !formats.contains(format) { formats.append(format) }
                        data += #"<c r="\#(ref)" s="\#(formats.firstIndex(of: format)!)"><v>\#(v)</v></c>"#
                    }
                }
                data += "</row>"
            }
            let merges = sheet.merges.isEmpty ? "" : "<mergeCells>" + sheet.merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
            parts.append(("xl/worksheets/sheet\(k + 1).xml", Array(#"<?xml version="1.0"?><worksheet \#(s)><sheetData>\#(data)</sheetData>\#(merges)</worksheet>"#.utf8)))
            workbook += #"<sheet name="\#(escaped(sheet.name))" sheetId="\#(k + 1)" r:id="rId\#(k + 1)"/>"#
            workbookRels += #"<Relationship Id="rId\#(k + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(k + 1).xml"/>"#
        }
        let numFmts = formats.enumerated().dropFirst().map { #"<numFmt numFmtId="\#(163 + $0.offset)" formatCode="\#(escaped($0.element).replacingOccurrences(of: "\"", with: "&quot;"))"/>"# }.joined()
        let xfs = ([#"<xf numFmtId="0"/>"#] + formats.indices.dropFirst().map { #"<xf numFmtId="\#(163 + $0)" applyNumberFormat="1"/>"# }).joined()
        parts += [
            ("_rels/.rels", Array(rels.replacingOccurrences(of: "TARGET", with: "xl/workbook.xml").utf8)),
            ("xl/workbook.xml", Array(#"<?xml version="1.0"?><workbook \#(s)><sheets>\#(workbook)</sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(workbookRels)</Relationships>"#.utf8)),
            ("xl/sharedStrings.xml", Array((#"<?xml version="1.0"?><sst \#(s)>"# + strings.map { "<si><t>\(escaped($0))</t></si>" }.joined() + "</sst>").utf8)),
            ("xl/styles.xml", Array(#"<?xml version="1.0"?><styleSheet \#(s)><numFmts>\#(numFmts)</numFmts><cellXfs>\#(xfs)</cellXfs></styleSheet>"#.utf8)),
        ]
        return try zip(parts)
    }
}
