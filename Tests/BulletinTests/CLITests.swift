import Foundation
import Testing
@testable import Bulletin

/// The command-line tool, run as a user would. `swift test` builds the executable first.
@Suite(.serialized) struct CLITests {
    let november = packageRoot.appendingPathComponent("Corpus/qingdao-2019-11-shishi.txt")

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func extractPrintsJSON() throws {
        let (status, out, err) = try runBulletin(["extract", november.path])
        #expect(status == 0, "\(err)")
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "bulletin/1")
    }

    @Test func checkPassesOnTheSamples() throws {
        let samples = ["Corpus/qingdao-2019-11-shishi.txt", "Corpus/qingdao-2019-h1-departments.txt"]
        let (status, out, _) = try runBulletin(["check"] + samples.map { packageRoot.appendingPathComponent($0).path })
        #expect(status == 0)
        #expect(out.contains("=> OK"))
    }

    @Test func checkReportsTheDeliberateErrors() throws {
        // This corpus file carries two planted errors: 12600 of 1.2万 reported as 115%, and 其中
        // parts 4150 + 1070 that do not make the total 5320.
        let file = packageRoot.appendingPathComponent("Corpus/dongchuan-2021-10-shishi-errors.txt")
        let (status, out, _) = try runBulletin(["check", file.path])
        #expect(status == 1)
        let failures = out.split(separator: "\n").filter { $0.hasPrefix("  inconsistent") || $0.hasPrefix("  fail") }
        #expect(failures.count == 2, "\(failures)")
        #expect(out.contains("12600 / 12000 = 105%"))
        #expect(out.contains("4150户 + 1070套 = 5220, not the total 5320套(户)"))
    }

    @Test func checkFailsWhenACountIsWrong() throws {
        let directory = try temporaryDirectory()
        let text = String(decoding: try Data(contentsOf: november), as: UTF8.self)
        #expect(text.contains("29245"))
        let altered = directory.appendingPathComponent("altered.txt")
        try Data(text.replacingOccurrences(of: "29245", with: "24245").utf8).write(to: altered)
        let (status, out, _) = try runBulletin(["check", altered.path])
        #expect(status == 1)
        #expect(out.contains("inconsistent"))
        #expect(out.contains("24245 / 28000"))
    }

    @Test func unusableInputsExitWithStatusTwo() throws {
        let directory = try temporaryDirectory()
        let pdf = directory.appendingPathComponent("report.pdf")
        try Data("%PDF-1.4\n%\u{00E2}\u{00E3}\n1 0 obj\n".utf8 + [0, 0, 0xFF]).write(to: pdf)
        for (arguments, message) in [
            (["extract", directory.appendingPathComponent("missing.txt").path], "no such file"),
            (["extract", directory.path], "is a directory"),
            (["extract", pdf.path], "not a text file"),
        ] {
            let (status, out, err) = try runBulletin(arguments)
            #expect(status == 2)
            #expect(out.isEmpty)
            #expect(err.hasPrefix("bulletin: "))
            #expect(err.contains(message), "\(err)")
        }
    }

    @Test func grammarOverrideAddsAUnit() throws {
        let directory = try temporaryDirectory()
        let sample = directory.appendingPathComponent("ships.txt")
        try Data("新建渔船12艘。".utf8).write(to: sample)
        let (_, before, _) = try runBulletin(["extract", "--compact", sample.path])
        #expect(!before.contains("\"unit\":\"艘\""))
        let units = try String(contentsOf: packageRoot.appendingPathComponent("Grammar/units.tsv"), encoding: .utf8)
        try Data((units + "艘\t艘\tthing\tcount-艘\n").utf8).write(to: directory.appendingPathComponent("units.tsv"))
        let (status, after, err) = try runBulletin(["extract", "--compact", "--grammar", directory.path, sample.path])
        #expect(status == 0, "\(err)")
        #expect(after.contains("\"unit\":\"艘\""))
    }

    @Test func badGrammarNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        try Data("unit\tcanonical\tkind\tfamily\tscale\n艘\t艘\tthing\tcount\t\textra\n".utf8).write(to: directory.appendingPathComponent("units.tsv"))
        let (status, _, err) = try runBulletin(["extract", "--grammar", directory.path, november.path])
        #expect(status == 2)
        #expect(err.contains("units.tsv:2:"), "\(err)")
    }

    @Test func installedBinaryWorksFromAnyDirectory() throws {
        let directory = try temporaryDirectory()
        let copy = directory.appendingPathComponent("bulletin")
        try FileManager.default.copyItem(at: bulletinExecutable(), to: copy)
        let (status, out, err) = try runBulletin(["extract", november.path], executable: copy, directory: URL(fileURLWithPath: "/"))
        #expect(status == 0, "\(err)")
        #expect(out.contains("\"basis\" : \"plan\""))
    }
}
