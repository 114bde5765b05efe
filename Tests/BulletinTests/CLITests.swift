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
            (["extract", pdf.path], "a damaged PDF"),
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

    /// `bulletin text` prints the text that the spans of `bulletin extract` point into; for a saved
    /// page, its plain text.
    @Test func textPrintsWhatSpansPointInto() throws {
        let page = packageRoot.appendingPathComponent("Corpus/dongchuan-2021-h1-shishi-page.html")
        let (status, text, err) = try runBulletin(["text", page.path])
        #expect(status == 0, "\(err)")
        #expect(!text.contains("<"))
        // The footer is text too (the layout takes it for boilerplate), so spans after it still hold.
        #expect(text.contains("版权所有"))
        let (_, out, _) = try runBulletin(["extract", page.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let scalars = Array(text.unicodeScalars)
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.count == 14)
        for claim in claims {
            let reported = try #require(claim["reported"] as? [String: Any])
            let span = try #require(reported["span"] as? [Int])
            #expect(String(String.UnicodeScalarView(scalars[span[0]..<span[1]])) == reported["text"] as? String)
        }
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["length"] as? Int == scalars.count)
        #expect(source["encoding"] as? String == "GB18030 (HTML)")
    }

    @Test func textReportsRepairs() throws {
        let file = try temporaryDirectory().appendingPathComponent("bad.txt")
        try Data(Array("完成5项".utf8) + [0xFF] + Array("。\r\n".utf8)).write(to: file)
        let (status, out, err) = try runBulletin(["text", file.path])
        #expect(status == 0)
        #expect(out == "完成5项\u{FFFD}。\r\n")
        #expect(err == "bulletin: \(file.path):1: warning: invalid UTF-8 (bytes FF) replaced with U+FFFD\n")
    }

    @Test func statsReportsOnAFolder() throws {
        let corpus = packageRoot.appendingPathComponent("Corpus").path
        let documents = corpusTexts().count
        let (status, table, err) = try runBulletin(["stats", corpus])
        #expect(status == 0, "\(err)")
        #expect(table.hasPrefix("documents   \(documents)\n"))
        #expect(table.contains("no claims   none"))
        #expect(table.contains("by status consistent "))

        let (_, csv, _) = try runBulletin(["stats", "--format", "csv", corpus])
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "path,sections,items,quantities,percentages,claims,inconsistent,failed_checks")
        #expect(rows.count == documents + 1)
        #expect(rows.contains { $0.hasSuffix("qingdao-2019-11-shishi.txt,10,27,100,29,29,0,0") })

        let (_, json, _) = try runBulletin(["stats", "--format", "json", corpus])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((report["documents"] as? [Any])?.count == documents)
        let byBasis = try #require(report["claimsByBasis"] as? [String: Int])
        #expect(byBasis.values.reduce(0, +) == (report["documents"] as? [[String: Any]])?.reduce(0) { $0 + ($1["claims"] as? Int ?? 0) })
    }

    /// A file that cannot be read is reported on its own line, counted, and makes the exit status 2;
    /// the others are still reported on.
    @Test func statsCountsUnreadableFiles() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.copyItem(at: november, to: directory.appendingPathComponent("a.txt"))
        let bad = directory.appendingPathComponent("b.txt")
        try Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A]).write(to: bad)  // %PDF-1.4
        try Data("说明".utf8).write(to: directory.appendingPathComponent("notes.md"))    // not a bulletin's extension
        let (status, out, err) = try runBulletin(["stats", directory.path])
        #expect(status == 2)
        #expect(err == "bulletin: \(bad.path): a damaged PDF that cannot be opened (PDF document is damaged)\n")
        #expect(out.hasPrefix("documents   1 (1 unreadable)\n"))
        #expect(out.contains("\(bad.path): unreadable"))
    }
}
