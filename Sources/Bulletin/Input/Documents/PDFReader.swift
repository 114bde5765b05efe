import CPDF

/// Reads the text layer of a PDF through poppler (`CPDF`), page by page in reading order. The
/// pages are joined as pdftotext joins them (a form feed between pages), so the Layout stage's
/// `Reflow` drops page numbers and joins lines wrapped at the page's width, as it does for a
/// converted PDF. A PDF without text (a scan) or an encrypted one is refused.
enum PDFReader {
    /// The most pages read.
    static let maximumPages = 5000

    static func read(_ bytes: [UInt8]) throws(DocumentError) -> ReadDocument {
        var status: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let opened = bytes.withUnsafeBufferPointer { bpdf_open($0.baseAddress, $0.count, &status, &message, message.count) }
        guard let pdf = opened else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if status == Int32(BPDF_ENCRYPTED) { throw DocumentError("an encrypted (password-protected) PDF, which bulletin cannot read") }
            throw DocumentError("a damaged PDF that cannot be opened (\(reason))")
        }
        defer { bpdf_close(pdf) }
        let pages = Int(bpdf_page_count(pdf))
        guard pages <= maximumPages else { throw DocumentError("a PDF of \(pages) pages, more than the \(maximumPages) bulletin reads") }
        var document = ReadDocument(format: "PDF (text layer)")
        for index in 0..<pages {
            guard let raw = bpdf_page_text(pdf, Int32(index)) else { continue }
            var text = Array(String(cString: raw).unicodeScalars)
            bpdf_free(raw)
            text.removeAll { $0 == "\r" || $0 == "\u{0C}" }
            if index > 0 { document.text.append("\u{0C}") }
            let start = document.text.count
            document.text += text
            if document.text.last != "\n" { document.text.append("\n") }
            document.places.append(PlaceMark(range: start..<document.text.count, place: Place(page: index + 1)))
        }
        guard document.text.contains(where: { !$0.isSpace && $0 != "\u{0C}" }) else {
            throw DocumentError("a PDF with no text layer (a scanned image of \(pages) page\(pages == 1 ? "" : "s")): bulletin reads the text of a PDF, not its images; run OCR first")
        }
        return document
    }
}
