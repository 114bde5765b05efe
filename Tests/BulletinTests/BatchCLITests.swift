import Foundation
import Testing
@testable import Bulletin

/// The command line as a batch tool: the worker mode for distributed runs, check on folders and in
/// other formats, the version and usage errors.
@Suite(.serialized) struct BatchCLITests {
    let november = packageRoot.appendingPathComponent("Corpus/qingdao-2019-11-shishi.txt").path
    let departments = packageRoot.appendingPathComponent("Corpus/qingdao-2019-h1-departments.txt").path

    /// Runs the CLI with `input` on standard input.
    func run(_ arguments: [String], input: String) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = bulletinExecutable()
        process.arguments = arguments
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func jsonlWorkerAnswersEachLineInOrder() throws {
        let text = "完成5项,占年计划的50%。计划10项"
        let input = [
            #"{"id":"nov","path":"\#(november)"}"#,
            #"{"id":"t","text":"\#(text)"}"#,
            "not json",
            #"{"id":"gone","path":"/nonexistent/x.txt"}"#,
            #"{"id":"dep","path":"\#(departments)"}"#,
        ].joined(separator: "\n") + "\n"
        let (status, out, _) = try run(["extract", "--jsonl"], input: input)
        #expect(status == 2)
        let lines = out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 5)
        #expect(lines.map { $0["id"] as? String } == ["nov", "t", nil, "gone", "dep"])
        #expect(lines[2]["error"] as? String == "<stdin>:3: not a JSON object with id and text or path")
        #expect((lines[3]["error"] as? String)?.contains("no such file") == true)
        // The extraction is byte for byte the JSON of extract --compact.
        let (_, single, _) = try runBulletin(["extract", "--compact", november])
        let first = String(out.split(separator: "\n")[0])
        #expect(first == "{\"extraction\":" + single.trimmingCharacters(in: .newlines) + ",\"id\":\"nov\"}")
        let fromText = try #require(lines[1]["extraction"] as? [String: Any])
        #expect((fromText["source"] as? [String: Any])?["path"] as? String == "t")
        #expect(extract(text).claims.count == (fromText["claims"] as? [Any])?.count)
    }

    @Test func checkTakesFoldersAndFormats() throws {
        let corpus = packageRoot.appendingPathComponent("Corpus").path
        let (status, csv, _) = try runBulletin(["check", "--format", "csv", corpus])
        #expect(status == 1)  // the corpus holds planted errors
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "path,line,column,status,rule,detail")
        #expect(rows.contains { $0.contains("dongchuan-2021-10-shishi-errors.txt,13,38,inconsistent,claim:plan,") })
        let (_, json, _) = try runBulletin(["check", "--format", "json", corpus])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((report["files"] as? [Any])?.count == corpusTexts().count)
    }

    /// `check` and `stats` extract on several threads and report in file order: the output is the
    /// same with one job as with four (an unreadable file among them included).
    @Test func batchesGiveTheSameOutputWithAnyNumberOfJobs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in corpusTexts().prefix(8) {
            try Data(try packageFile(path)).write(to: folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent))
        }
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56)).write(to: folder.appendingPathComponent("broken.txt"))  // an ELF header
        for command in [["check", "--format", "csv"], ["check"], ["stats", "--format", "csv"], ["stats"]] {
            let one = try runBulletin(command + ["--jobs", "1", folder.path])
            let four = try runBulletin(command + ["--jobs", "4", folder.path])
            #expect(one.0 == 2 && four.0 == 2, "\(command): a file cannot be read")
            #expect(one.1 == four.1, "\(command)")
            #expect(one.2 == four.2, "\(command)")
            #expect(one.1.split(separator: "\n").count > 8)
        }
    }

    @Test func verdictTablePlacesByLineAndColumnAndWritesImpliedTargetsInTheDocumentsUnit() throws {
        let (_, out, _) = try runBulletin(["check", departments])
        #expect(out.contains("line:col"))
        #expect(out.contains("unverifiable 19:74"), "\(out)")
        #expect(out.contains("implies about 181.1万户"))
        #expect(!out.contains("1810596户"))
    }

    @Test func versionAndUsageErrors() throws {
        let (status, out, _) = try runBulletin(["--version"])
        #expect(status == 0 && out.hasPrefix("bulletin "))
        for arguments in [["check"], ["extract", "--no-such-flag", november], ["dataset", november], ["frobnicate"]] {
            let (code, _, err) = try runBulletin(arguments)
            #expect(code == 2, "\(arguments): \(err)")
        }
    }

    @Test func statsKeepsWholePaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-a-rather-long-folder-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("qingdao-2019-11-shishi-with-a-long-name.txt")
        try FileManager.default.copyItem(atPath: november, toPath: file.path)
        let (_, out, _) = try runBulletin(["stats", folder.path])
        #expect(out.contains(file.path))
    }
}
