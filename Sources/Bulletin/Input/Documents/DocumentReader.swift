/// Recognises Word, Excel and PDF files by their content (not their name) and reads them as text:
/// a ZIP archive whose main part is `word/document.xml` (`DocxReader`) or `xl/workbook.xml`
/// (`XlsxReader`), a file starting `%PDF` (`PDFReader`). Old binary Office files (OLE2: .doc,
/// .xls, .wps) and password-protected Office files, which are OLE2 too, are refused with a line
/// saying what to do.
enum DocumentReader {
    /// The document in `bytes`, or nil when they are not one of these formats (text or HTML).
    static func read(_ bytes: [UInt8]) throws(InputError) -> ReadDocument? {
        do throws(DocumentError) {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                return try office(ZipArchive(bytes))
            }
            if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw DocumentError(oldOffice(bytes)) }
            if isPDF(bytes) { return try PDFReader.read(bytes) }
            return nil
        } catch {
            throw .document(reason: error.reason)
        }
    }

    /// Whether `%PDF-` starts within the first 1024 bytes, as readers allow.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        let head = bytes.prefix(1024)
        return head.indices.contains { head[$0...].starts(with: marker) }
    }

    private static func office(_ zip: ZipArchive) throws(DocumentError) -> ReadDocument {
        let main = try mainPart(zip)
        do throws(DocumentError) {
            if let main, main.hasPrefix("word/") || (main.hasSuffix("document.xml") && !main.hasPrefix("xl/")) { return try DocxReader.read(zip, main: main) }
            if let main, main.hasPrefix("xl/") || main.hasSuffix("workbook.xml") { return try XlsxReader.read(zip, main: main) }
            if zip.entries["word/document.xml"] != nil { return try DocxReader.read(zip, main: "word/document.xml") }
            if zip.entries["xl/workbook.xml"] != nil { return try XlsxReader.read(zip, main: "xl/workbook.xml") }
        } catch {
            throw DocumentError("a damaged \(kind(main)) file: \(error.reason)")
        }
        throw DocumentError("a ZIP archive that is neither a Word (.docx) nor an Excel (.xlsx) file; bulletin reads .docx, .xlsx, PDF, HTML and text")
    }

    private static func kind(_ main: String?) -> String {
        main?.hasPrefix("xl/") == true ? "Excel (.xlsx)" : "Word (.docx)"
    }

    /// The main part `_rels/.rels` names (its officeDocument relationship), if any.
    private static func mainPart(_ zip: ZipArchive) throws(DocumentError) -> String? {
        let bytes: [UInt8]?
        do throws(DocumentError) { bytes = try zip.part("_rels/.rels") } catch { throw DocumentError("a damaged Office file: \(error.reason)") }
        guard let bytes else { return nil }
        var xml = XMLReader(bytes, part: "_rels/.rels")
        while let event = try xml.next() {
            if case .start("Relationship", let a, _) = event, a["Type"]?.hasSuffix("/officeDocument") == true, let target = a["Target"] {
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
                if zip.entries[path] != nil { return path }
            }
        }
        return nil
    }

    /// What to say about an OLE2 compound file, from the names of its streams (UTF-16LE in its
    /// directory): encrypted OOXML, a Word 97–2003 document, an Excel 97–2003 workbook.
    static func oldOffice(_ bytes: [UInt8]) -> String {
        func has(_ name: String) -> Bool {
            let needle: [UInt8] = name.utf8.flatMap { [$0, UInt8(0)] }
            return bytes.indices.contains { bytes[$0] == needle[0] && bytes[$0...].starts(with: needle) }
        }
        if has("EncryptionInfo") || has("EncryptedPackage") {
            return "a password-protected (encrypted) Office file: bulletin cannot read it; open it, remove the password and save it again"
        }
        if has("Workbook") || has("Book") {
            return "an old Excel 97-2003 file (.xls/.et), which bulletin does not read: convert it first with `soffice --headless --convert-to xlsx FILE`"
        }
        if has("WordDocument") {
            return "an old Word 97-2003 file (.doc/.wps), which bulletin does not read: convert it first with `soffice --headless --convert-to docx FILE`"
        }
        return "an old binary Office file (.doc, .xls, .wps), which bulletin does not read: convert it first with `soffice --headless --convert-to docx FILE` (xlsx for a spreadsheet)"
    }
}
