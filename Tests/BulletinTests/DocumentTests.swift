import Foundation
import Testing
@testable import Bulletin

/// Word, Excel and PDF files read directly: the same bulletin as a .docx, an .xlsx or a PDF gives
/// the claims and verdicts its text gives; damaged, encrypted, old-format and hostile files end in
/// one clear error.
struct DocumentTests {
    /// What must not change between a bulletin's text and its Word, Excel or PDF file (a subject
    /// read across a PDF's soft wrap included).
    func essence(_ e: Extraction) -> [String] {
        e.claims.map {
            "\($0.section ?? 0).\($0.item ?? 0) \($0.subject ?? "-") \($0.reported.value) \($0.reported.basis) "
                + "\($0.actual?.value ?? -1)/\($0.target?.value ?? -1) \($0.status)"
        } + e.checks.map { "\($0.rule) \($0.status)" }
    }

    func extraction(_ bytes: [UInt8]) throws -> Extraction {
        try Extractor().extract(bytes: bytes, path: "input")
    }

    func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try SourceText(bytes: bytes, path: "input")
            return nil
        } catch {
            guard case .document(let reason) = error else { return "not a document error: \(error)" }
            return reason
        }
    }

    // MARK: The same bulletin

    /// A table of targets, progress and percentages with one planted error (30160 / 52000 is 58%, not 62%).
    static let table: [[String]] = [
        ["序号", "项目名称", "年度目标", "1—6月完成", "完成比例(%)"],
        ["1", "新建改建农村公路(公里)", "120", "78", "65.0"],
        ["2", "城镇老旧小区改造(个)", "24", "15", "62.5"],
        ["3", "新增普惠性幼儿园学位(个)", "1800", "1260", "70.0"],
        ["4", "农村饮水安全巩固提升(处)", "45", "36", "80.0"],
        ["5", "城乡居民免费健康体检(人)", "52000", "30160", "62.0"],
        ["6", "新建公共充电桩(个)", "300", "210", "70.0"],
    ]

    static let bulletin: [OfficeFiles.Block] = [
        .paragraph("和平县2024年1—6月民生实事项目推进情况"),
        .paragraph("发布日期:2024-07-12 来源:和平县发展和改革局"),
        .paragraph("今年以来,县委、县政府确定的十项民生实事项目稳步推进。全年计划投资8.6亿元,1—6月完成投资5.2亿元,占年度计划的60.5%。现将有关情况通报如下:"),
        .paragraph("总体进展", level: 0),
        .paragraph("截至6月底,十项民生实事中已完工2项,其余8项均已开工。城镇新增就业3120人,完成年度目标4000人的78%。"),
        .paragraph("项目完成情况", level: 0),
        .table(table),
        .paragraph("下一步工作", level: 0),
        .paragraph("各牵头单位要对照年度目标倒排工期,确保11月底前全面完成十项民生实事。"),
    ]

    @Test func docxExtractsLikeItsText() throws {
        let text = extract(OfficeFiles.text(Self.bulletin))
        let docx = try extraction(OfficeFiles.docx(Self.bulletin))
        #expect(text.claims.count == 8)
        #expect(essence(docx) == essence(text))
        #expect(docx.sections.map(\.title) == text.sections.map(\.title))
        #expect(docx.summary.claims.inconsistent == 1)
        #expect(docx.source.encoding == "docx (Office Open XML)")
        // Word's own numbering (一、 from numbering.xml) makes the sections.
        #expect(docx.sections.count == 3)
        let planted = try #require(docx.claims.first { $0.status == .inconsistent })
        #expect(planted.place == Place(paragraph: 36, table: 1, row: 6, column: 5))
        #expect(docx.claims.first?.place == Place(paragraph: 3))
        #expect(text.claims.allSatisfy { $0.place == nil })
    }

    /// The table reaches Layout as a table from its cells, not as flattened text.
    @Test func docxTableIsAMarkupTable() throws {
        let source = try SourceText(bytes: OfficeFiles.docx(Self.bulletin), path: "input")
        #expect(source.htmlTables.count == 1)
        #expect(source.htmlTables.first?.rows.count == 7)
        let layout = LayoutReader(source: source, grammar: .builtIn).read()
        #expect(layout.tables.map(\.shape) == [.html])
    }

    @Test func docxMergedCellsAreSpans() throws {
        let rows = [["项目", "<", "目标"], ["公路", "新建", "120"], ["^", "改建", "80"]]
        let source = try SourceText(bytes: OfficeFiles.docx([.table(rows)]), path: "input")
        let cells = try #require(source.htmlTables.first).rows
        #expect(cells.map(\.count) == [2, 3, 2])
        #expect(cells[0][0].colspan == 2)
        #expect(cells[1][0].rowspan == 2)
        func text(_ cell: HTMLTable.Cell) -> String { String(String.UnicodeScalarView(source.original[cell.range])) }
        #expect(text(cells[1][0]) == "公路")
        #expect(text(cells[2][0]) == "改建")
    }

    static func percent(_ v: Double) -> OfficeFiles.Cell { .number(v, format: "0.0%") }

    /// The table as a workbook: a title row merged across, typed numbers, percentages typed as
    /// fractions and shown as 65.0%.
    static let sheet: [[OfficeFiles.Cell]] = [
        [.text("和平县2024年1—6月民生实事项目完成情况表")],
        ["序号", "项目名称", "年度目标", "1—6月完成", "完成比例"].map { .text($0) },
    ] + table.dropFirst().map { row in
        [.number(Double(row[0])!), .text(row[1]), .number(Double(row[2])!), .number(Double(row[3])!), percent(Double(row[4])! / 100)]
    }

    @Test func xlsxExtractsLikeItsText() throws {
        let lines = ["完成情况", "和平县2024年1—6月民生实事项目完成情况表", "序号", "项目名称", "年度目标", "1—6月完成", "完成比例"]
            + Self.table.dropFirst().flatMap { $0.dropLast() + [$0.last! + "%"] }
        let text = extract(lines.joined(separator: "\n\n") + "\n")
        let xlsx = try extraction(OfficeFiles.xlsx([("完成情况", Self.sheet, ["A1:E1"])]))
        #expect(text.claims.count == 6)
        #expect(essence(xlsx) == essence(text))
        #expect(xlsx.summary.claims.inconsistent == 1)
        let planted = try #require(xlsx.claims.first { $0.status == .inconsistent })
        #expect(planted.place == Place(sheet: "完成情况", cell: "E7"))
        #expect(planted.reported.text == "62.0%")
        #expect(planted.reported.step == 0.1)
    }

    /// Every sheet is read, its name on a line before it; a typed 1.879 shown as 0.0% is 187.9%.
    @Test func xlsxSheetsAndDisplayedValues() throws {
        let first: [[OfficeFiles.Cell]] = [[.text("指标"), .text("目标"), .text("完成"), .text("完成比例")],
                                           [.text("城镇新增就业(人)"), .number(27800), .number(52242), .number(1.879, format: "0.0%")]]
        let second: [[OfficeFiles.Cell]] = [[.text("说明:数据截至6月底。")]]
        let bytes = try OfficeFiles.xlsx([("就业", first, []), ("说明", second, [])])
        let source = try SourceText(bytes: bytes, path: "input")
        let text = String(String.UnicodeScalarView(source.original))
        #expect(text == "就业\n指标\n目标\n完成\n完成比例\n城镇新增就业(人)\n27800\n52242\n187.9%\n说明\n说明:数据截至6月底。\n")
        let claim = try #require(Extractor().extract(source).claims.first)
        #expect(claim.reported.value == 187.9)
        #expect(claim.status == .consistent)
        #expect(claim.place == Place(sheet: "就业", cell: "D2"))
    }

    /// A merge over a million rows joins no table and costs no million empty rows.
    @Test func xlsxHugeMergeStaysSmall() throws {
        let rows: [[OfficeFiles.Cell]] = [[.text("项目"), .text("目标")], [.text("公路"), .number(120)]]
        let source = try SourceText(bytes: OfficeFiles.xlsx([("表", rows, ["A2:B1048576", "A1:XFD1"])]), path: "input")
        #expect(source.original.count < 100)
        #expect(source.htmlTables.allSatisfy { $0.rows.count <= 2 })
    }

    @Test(arguments: [
        (1.879, "0.0%", "187.9%"), (0.5, "0%", "50%"), (1234.5, "#,##0.00\"万元\"", "1,234.50万元"),
        (93.60000000000001, "General", "93.6"), (12, "General", "12"), (-3.25, "0.0;(0.0)", "(3.3)"),
        (45458, "yyyy\"年\"m\"月\"d\"日\"", "2024-06-15"), (0.0456, "0.00%", "4.56%"), (7, "00", "07"),
    ] as [(Double, String, String)])
    func cellFormats(_ value: Double, _ code: String, _ shown: String) {
        #expect(CellFormat.display(value, code: code) == shown)
    }

    @Test func wordNumberFormats() {
        #expect(["chineseCounting", "decimalEnclosedCircle", "upperRoman", "lowerLetter"].map { WordNumbering.format(12, $0) } == ["十二", "⑫", "XII", "l"])
        #expect(WordNumbering.format(20, "chineseCounting") == "二十")
        #expect(WordNumbering.format(105, "chineseCounting") == "一百零五")
    }

    // MARK: PDF

    /// Corpus/heping-2024-h1-minsheng-table-printed.pdf is the text beside it printed to PDF
    /// (Scripts/text-to-pdf.c): three pages with wrapped paragraphs and page numbers.
    @Test func pdfExtractsLikeItsText() throws {
        let text = try extraction(packageFile("Corpus/heping-2024-h1-minsheng-table.txt"))
        let pdf = try extraction(packageFile("Corpus/heping-2024-h1-minsheng-table-printed.pdf"))
        #expect(text.claims.count == 8)
        #expect(essence(pdf) == essence(text))
        #expect(pdf.sections.map(\.title) == text.sections.map(\.title))
        #expect(pdf.source.encoding == "PDF (text layer)")
        #expect(pdf.claims.compactMap(\.place?.page) == [1, 1, 1, 2, 2, 2, 3, 3])
    }

    /// A page with no text on it, as a scan is.
    static let scan = """
        %PDF-1.4
        1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
        2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
        3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
        trailer <</Root 1 0 R>>
        %%EOF

        """

    @Test func pdfWithoutTextIsAScan() {
        #expect(refusal(Array(Self.scan.utf8))?.hasPrefix("a PDF with no text layer (a scanned image of 1 page)") == true)
        #expect(refusal(Array("%PDF-1.4\n".utf8)) == "a damaged PDF that cannot be opened (PDF document is damaged)")
    }

    // MARK: Refused files

    /// An OLE2 compound file whose directory names `stream` (UTF-16LE), as .doc, .xls and encrypted OOXML are.
    static func ole2(_ stream: String) -> [UInt8] {
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504) + stream.utf8.flatMap { [$0, 0] } + [UInt8](repeating: 0, count: 64)
    }

    @Test func oldAndEncryptedOfficeFilesSayWhatToDo() {
        #expect(refusal(Self.ole2("WordDocument"))?.contains("soffice --headless --convert-to docx") == true)
        #expect(refusal(Self.ole2("Workbook"))?.contains("soffice --headless --convert-to xlsx") == true)
        #expect(refusal(Self.ole2("EncryptionInfo"))?.contains("encrypted") == true)
        #expect(refusal(Self.ole2("Other"))?.contains("convert it first") == true)
    }

    @Test func truncatedAndDamagedFilesAreRefused() throws {
        let docx = try OfficeFiles.docx(Self.bulletin)
        for cut in [docx.count / 2, docx.count - 10, 30] {
            #expect(refusal(Array(docx.prefix(cut)))?.contains("truncated or damaged") == true, "cut at \(cut)")
        }
        // A flipped byte inside the deflated body fails the CRC or the inflation.
        var flipped = docx
        let body = try #require(Self.offset(of: "word/document.xml", in: docx))
        flipped[body + 60] ^= 0xFF
        let reason = try #require(refusal(flipped))
        #expect(reason.hasPrefix("a damaged Word (.docx) file: the part word/document.xml"), "\(reason)")
        #expect(refusal(try OfficeFiles.zip([("notes.txt", Array("hello".utf8))]))?.contains("neither a Word (.docx) nor an Excel (.xlsx)") == true)
        #expect(refusal(try OfficeFiles.docx([]))?.contains("with no text") == true)
    }

    /// The offset of the first local header naming `name`, past the header and the name.
    static func offset(of name: String, in zip: [UInt8]) -> Int? {
        let needle = Array(name.utf8)
        return zip.indices.first { zip[$0...].starts(with: [0x50, 0x4B, 0x03, 0x04]) && zip[($0 + 30)...].starts(with: needle) }
            .map { $0 + 30 + needle.count }
    }

    /// A zip bomb: 65 MiB of spaces in word/document.xml, deflated to about 65 KiB. Refused from
    /// its declared size, and when the header lies about the size, after inflating one byte past it.
    @Test func zipBombsAreRefused() throws {
        let bomb = try OfficeFiles.zip([
            ("_rels/.rels", Array(OfficeFiles.rels.replacingOccurrences(of: "TARGET", with: "word/document.xml").utf8)),
            ("word/document.xml", [UInt8](repeating: 0x20, count: 65 << 20)),
        ])
        #expect(bomb.count < 1 << 20)
        #expect(refusal(bomb)?.contains("more than the 64 MiB read (a zip bomb?)") == true)
        var lying = bomb
        let directory = try #require(lying.indices.last { lying[$0...].starts(with: [0x50, 0x4B, 0x01, 0x02]) })
        for k in 0..<4 { lying[directory + 24 + k] = [0x00, 0x04, 0, 0][k] }  // declares 1024 bytes
        #expect(refusal(lying)?.contains("inflates to more than its declared 1024 bytes") == true)
    }

    /// Billion laughs: a document type declaration with nested entities is refused before any is read.
    @Test func xmlEntityExpansionIsRefused() throws {
        let laughs = (1...9).map { #"<!ENTITY lol\#($0) "&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);">"# }
        let document = #"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">"# + laughs.joined() + #"]><w:document \#(OfficeFiles.w)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
        let bytes = try OfficeFiles.zip([
            ("_rels/.rels", Array(OfficeFiles.rels.replacingOccurrences(of: "TARGET", with: "word/document.xml").utf8)),
            ("word/document.xml", Array(document.utf8)),
        ])
        #expect(refusal(bytes)?.contains("document type declaration") == true)
        // Nesting without end is refused too, at a fixed depth.
        let deep = String(repeating: "<w:sdt>", count: 100_000)
        let nested = try OfficeFiles.zip([
            ("_rels/.rels", Array(OfficeFiles.rels.replacingOccurrences(of: "TARGET", with: "word/document.xml").utf8)),
            ("word/document.xml", Array("<w:document \(OfficeFiles.w)><w:body>\(deep)".utf8)),
        ])
        #expect(refusal(nested)?.contains("deeper than 256") == true)
    }

    @Test func cliPrintsOneLineAndNothingOnStdout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.doc")
        try Data(Self.ole2("WordDocument")).write(to: file)
        let (status, out, err) = try runBulletin(["extract", file.path])
        #expect(status == 2)
        #expect(out.isEmpty)
        #expect(err.hasPrefix("bulletin: \(file.path): an old Word 97-2003 file"))
        #expect(err.filter { $0 == "\n" }.count == 1)
    }
}
