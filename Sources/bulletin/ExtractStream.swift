import Bulletin
import Foundation

/// `bulletin extract --jsonl`: a worker for distributed runs. Reads documents from standard input,
/// one JSON object per line ({"id", "text"} or {"id", "path"}), and writes one JSON line per
/// document, in input order, flushed at once: {"id", "extraction"} or {"id", "error"}.
struct ExtractStream {
    let extractor: Extractor

    /// One input line.
    struct Request: Decodable {
        let id: String?
        let text: String?
        let path: String?
    }

    /// Processes standard input to its end; false when any line could not be used.
    func run() -> Bool {
        var allUsed = true
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let (output, used) = respond(to: line, number: number)
            allUsed = allUsed && used
            FileHandle.standardOutput.write(Data((output + "\n").utf8))
        }
        return allUsed
    }

    /// The output line for an input line, and whether the document was extracted.
    func respond(to line: String, number: Int) -> (String, Bool) {
        guard let request = try? JSONDecoder().decode(Request.self, from: Data(line.utf8)) else {
            return (errorLine(id: nil, "<stdin>:\(number): not a JSON object with id and text or path"), false)
        }
        let id = request.id ?? String(number)
        let source: SourceText
        do {
            if let text = request.text {
                source = try SourceText(bytes: Array(text.utf8), path: id, grammar: extractor.grammar)
            } else if let path = request.path {
                source = try SourceText(bytes: try InputFile.read(path), path: path, grammar: extractor.grammar)
            } else {
                return (errorLine(id: id, "<stdin>:\(number): neither text nor path given"), false)
            }
        } catch {
            let file = request.path ?? id
            if case .unreadable(_, let reason) = error { return (errorLine(id: id, "\(file): \(reason)"), false) }
            return (errorLine(id: id, "\(file)\(error.line.map { ":\($0)" } ?? ""): \(error.reason)"), false)
        }
        let json = extractor.extract(source).json(pretty: false)
        return ("{\"extraction\":\(json),\"id\":\(quoted(id))}", true)
    }

    private func errorLine(id: String?, _ reason: String) -> String {
        "{\"error\":\(quoted(reason)),\"id\":\(id.map(quoted) ?? "null")}"
    }

    private func quoted(_ string: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [string], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
