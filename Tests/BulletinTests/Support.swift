import Foundation
@testable import Bulletin

/// The package's root directory, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Extracts from a UTF-8 string with the built-in grammar.
func extract(_ text: String, grammar: Grammar = .builtIn) -> Extraction {
    Extractor(grammar: grammar).extract(SourceText(text: text))
}

/// Reads a file of the package as bytes.
func packageFile(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: packageRoot.appendingPathComponent(path)))
}

/// The corpus samples (text files, saved HTML pages and PDFs), as paths relative to the package root.
func corpusTexts() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Corpus").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") || $0.hasSuffix(".pdf") }.sorted().map { "Corpus/\($0)" }
}

/// The golden file beside a corpus sample: Corpus/NAME.expected.json.
func goldenPath(of sample: String) -> String {
    String(sample[..<(sample.lastIndex(of: ".") ?? sample.endIndex)]) + ".expected.json"
}

/// The `bulletin` executable built beside the test bundle.
func bulletinExecutable() -> URL {
    packageRoot.appendingPathComponent(".build/debug/bulletin")
}

/// Runs the CLI with arguments; returns (status, stdout, stderr).
func runBulletin(_ arguments: [String], executable: URL = bulletinExecutable(), directory: URL? = nil) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
