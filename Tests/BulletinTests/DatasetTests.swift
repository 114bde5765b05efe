import CSV
import Foundation
import Synchronization
import Testing
@testable import Bulletin
@testable import BulletinDataset

/// `bulletin dataset` and the dataset stage: outputs that load elsewhere, re-runs, bad files,
/// series and targets across documents.
@Suite(.serialized) struct DatasetTests {
    let november = "Corpus/qingdao-2019-11-shishi.txt"
    let departments = "Corpus/qingdao-2019-h1-departments.txt"
    let seriesFolder = packageRoot.appendingPathComponent("Tests/Fixtures/series").path

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-dataset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func build(_ files: [String], into folder: URL, jobs: Int = 2) throws -> DatasetSummary {
        var builder = DatasetBuilder()
        builder.jobs = jobs
        builder.showProgress = false
        return try builder.build(files, into: folder.path)
    }

    func query(_ folder: URL, _ sql: String, _ values: [CellValue] = []) throws -> [[CellValue]] {
        let database = try SQLiteDatabase(path: folder.appendingPathComponent(DatasetBuilder.database).path)
        return try database.prepare(sql).rows(values)
    }

    /// The rows of a CSV file read back with a CSV parser, header first.
    func csvRows(_ folder: URL, _ table: String) throws -> [[String]] {
        let stream = try #require(InputStream(url: folder.appendingPathComponent("\(table).csv")))
        let reader = try CSVReader(stream: stream)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    func seedClaim(_ folder: URL, _ path: String, _ percent: String) throws -> (status: String, reason: String, target: CellValue) {
        let rows = try query(folder, """
            SELECT c.status, c.reason, t.path FROM claims c JOIN documents d ON d.id = c.document_id
            LEFT JOIN documents t ON t.id = c.target_document_id WHERE d.path = ?1 AND c.reported_text = ?2
            """, [.text(path), .text(percent)])
        let row = try #require(rows.count == 1 ? rows[0] : nil, "\(percent) in \(path): \(rows)")
        guard case .text(let status) = row[0], case .text(let reason) = row[1] else { throw SQLiteError(message: "\(row)") }
        return (status, reason, row[2])
    }

    @Test func seedBulletinsLendEachOtherTargets() throws {
        let folder = try temporaryDirectory()
        let files = [november, departments].map { packageRoot.appendingPathComponent($0).path }
        _ = try build(files, into: folder)
        for (percent, target) in [("66.8%", "2.8万套(户)"), ("76.4%", "6000套(户)")] {
            let claim = try seedClaim(folder, files[1], percent)
            #expect(claim.status == "consistent", "\(claim.reason)")
            #expect(claim.target == .text(files[0]))
            #expect(claim.reason.contains("target \(target) from \(files[0])"), "\(claim.reason)")
        }
        // Two documents state different amounts for 就业: the link is uncertain, no verdict, the candidate named.
        let uncertain = try seedClaim(folder, files[1], "52.3%")
        #expect(uncertain.status == "unverifiable")
        #expect(uncertain.reason.contains("the link is uncertain") && uncertain.reason.contains(files[0]), "\(uncertain.reason)")
    }

    @Test func aWrongFigureIsInconsistentAgainstTheOtherDocumentsTarget() throws {
        let folder = try temporaryDirectory()
        let text = String(decoding: try packageFile(departments), as: UTF8.self)
        #expect(text.contains("4581"))
        let altered = folder.appendingPathComponent("altered.txt")
        try Data(text.replacingOccurrences(of: "4581", with: "3581").utf8).write(to: altered)
        let out = folder.appendingPathComponent("out")
        let shishi = packageRoot.appendingPathComponent(november).path
        _ = try build([shishi, altered.path], into: out)
        let claim = try seedClaim(out, altered.path, "76.4%")
        #expect(claim.status == "inconsistent")
        #expect(claim.reason.contains("from \(shishi)") && claim.reason.contains("3581 / 6000"), "\(claim.reason)")
    }

    @Test func aFallingRunningTotalIsFlagged() throws {
        let folder = try temporaryDirectory()
        let summary = try build(try BulletinFiles.list(seriesFolder), into: folder)
        #expect(summary.documents == 3 && summary.series == 3)
        let flagged = try query(folder, """
            SELECT s.subject, s.flags, d.title, s.flag_reason FROM series s JOIN documents d ON d.id = s.document_id
            WHERE s.flags IS NOT NULL
            """)
        #expect(flagged.count == 1, "\(flagged)")
        #expect(flagged.first?[1] == .text("cumulativeFalls"))
        #expect(flagged.first?[2] == .text("柳汀市2024年民生实事10月份进展情况"))
        #expect(flagged.first.map { "\($0[3])".contains("2140套 is below 2240套") } == true)
        // Every series has its three months, in date order.
        let points = try query(folder, "SELECT series, date FROM series ORDER BY series, date")
        #expect(points.count == 9)
    }

    @Test func seriesFlagsAChangedTargetAndAFallingPercentage() throws {
        let folder = try temporaryDirectory()
        let september = try String(contentsOfFile: seriesFolder + "/liuting-2024-09-shishi.txt", encoding: .utf8)
        let october = try String(contentsOfFile: seriesFolder + "/liuting-2024-10-shishi.txt", encoding: .utf8)
            .replacingOccurrences(of: "开工改造老旧小区120个", with: "开工改造老旧小区150个")
            .replacingOccurrences(of: "已开工改造老旧小区101个,占年计划的84.2%", with: "已开工改造老旧小区101个,占年计划的67.3%")
        try Data(september.utf8).write(to: folder.appendingPathComponent("09.txt"))
        try Data(october.utf8).write(to: folder.appendingPathComponent("10.txt"))
        let out = folder.appendingPathComponent("out")
        _ = try build(try BulletinFiles.list(folder.path), into: out)
        let flags = try query(out, "SELECT flags FROM series WHERE subject LIKE '%老旧小区%' AND flags IS NOT NULL")
        #expect(flags == [[.text("targetChanged percentFallsWhileActualRises")]], "\(flags)")
    }

    @Test func datasetOfTheCorpusLoadsAndReRunsToTheSameCounts() throws {
        let folder = try temporaryDirectory()
        let corpus = packageRoot.appendingPathComponent("Corpus").path
        let run = { try runBulletin(["dataset", corpus, self.seriesFolder, "--out", folder.path]) }
        let (status, out, err) = try run()
        #expect(status == 0, "\(err)")
        #expect(out.isEmpty)
        let lines = try String(contentsOf: folder.appendingPathComponent("extractions.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == corpusTexts().count + 3)
        func total(_ key: String) -> Int { lines.reduce(0) { $0 + (($1[key] as? [Any])?.count ?? 0) } }
        func counts() throws -> [Int] {
            try ["documents", "claims", "quantities", "checks", "sections", "series"].map { table in
                guard case .integer(let n) = try query(folder, "SELECT count(*) FROM \(table)")[0][0] else { return -1 }
                return n
            }
        }
        #expect(try csvRows(folder, "documents").count - 1 == lines.count)
        #expect(try csvRows(folder, "claims").count - 1 == total("claims"))
        #expect(try csvRows(folder, "quantities").count - 1 == total("quantities"))
        #expect(try csvRows(folder, "checks").count - 1 == total("checks"))
        let header = try csvRows(folder, "claims")[0]
        #expect(header == DatasetTables.claims.columnNames)
        let joined = try query(folder, "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id")
        #expect(joined == [[.integer(total("claims"))]])
        let before = try counts()
        #expect(before[0] == lines.count && before[1] == total("claims") && before[2] == total("quantities"))
        #expect(before[5] > 0)
        let (again, _, _) = try run()
        #expect(again == 0)
        #expect(try counts() == before)
        #expect(try query(folder, "PRAGMA foreign_key_check").isEmpty)
        // No staging folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func aChangedFileReplacesItsRows() throws {
        let folder = try temporaryDirectory()
        let file = folder.appendingPathComponent("a.txt")
        let out = folder.appendingPathComponent("out")
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent(november).path, toPath: file.path)
        _ = try build([file.path], into: out)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "29245", with: "24245").utf8).write(to: file)
        _ = try build([file.path], into: out)
        #expect(try query(out, "SELECT count(*) FROM documents") == [[.integer(1)]])
        let inconsistent = try query(out, "SELECT count(*) FROM claims WHERE status = 'inconsistent'")
        #expect(inconsistent == [[.integer(1)]])
    }

    /// A claim's place in a PDF (its page) is in the claims table, in CSV and SQLite, as the JSON
    /// gives it; a text's claims have none.
    @Test func claimsOfAPDFHaveTheirPlace() throws {
        let folder = try temporaryDirectory()
        let pdf = packageRoot.appendingPathComponent("Corpus/heping-2024-h1-minsheng-table-printed.pdf").path
        _ = try build([pdf, packageRoot.appendingPathComponent(november).path], into: folder)
        let extraction = try Extractor().extract(bytes: packageFile("Corpus/heping-2024-h1-minsheng-table-printed.pdf"), path: pdf)
        let expected = extraction.claims.map { $0.place?.description }
        #expect(!expected.isEmpty && expected.allSatisfy { $0?.hasPrefix("page ") == true })
        let rows = try query(folder, "SELECT c.place FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.path = ?1 ORDER BY c.id", [.text(pdf)])
        #expect(rows.map { row -> String? in if case .text(let place) = row[0] { place } else { nil } } == expected)
        let csv = try csvRows(folder, "claims")
        let column = try #require(csv.first?.firstIndex(of: "place"))
        #expect(csv.dropFirst().filter { !$0[column].isEmpty }.map { $0[column] } == expected.compactMap { $0 })
        #expect(try query(folder, "SELECT count(*) FROM claims WHERE place IS NULL AND document_id IN (SELECT id FROM documents WHERE path LIKE '%.txt')")
                != [[.integer(0)]])
    }

    /// A dataset made before a column was added gets the column on the next run, its rows kept.
    @Test func anOlderDatasetGetsTheNewColumns() throws {
        let folder = try temporaryDirectory()
        let files = [november, departments].map { packageRoot.appendingPathComponent($0).path }
        _ = try build([files[0]], into: folder)
        let database = try SQLiteDatabase(path: folder.appendingPathComponent(DatasetBuilder.database).path)
        try database.execute("ALTER TABLE claims DROP COLUMN place")
        #expect(try database.prepare("SELECT count(*) FROM pragma_table_info('claims') WHERE name = 'place'").rows() == [[.integer(0)]])
        _ = try build([files[1]], into: folder)
        #expect(try query(folder, "SELECT count(*) FROM pragma_table_info('claims') WHERE name = 'place'") == [[.integer(1)]])
        #expect(try query(folder, "SELECT count(*) FROM documents") == [[.integer(2)]])
    }

    @Test func aCorruptFileInTheMiddleSpoilsNothingElse() throws {
        let folder = try temporaryDirectory()
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent(november).path, toPath: input.appendingPathComponent("a.txt").path)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 0xFF, 0xFE, 0]).write(to: input.appendingPathComponent("b.txt"))
        try Data().write(to: input.appendingPathComponent("c.txt"))
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent(departments).path, toPath: input.appendingPathComponent("d.txt").path)
        let out = folder.appendingPathComponent("out")
        let (status, _, err) = try runBulletin(["dataset", input.path, "--out", out.path])
        #expect(status == 2)
        #expect(err.contains("b.txt"), "\(err)")
        #expect(err.contains("c.txt: empty file"), "\(err)")
        let documents = try csvRows(out, "documents").dropFirst().map { $0[1] }
        #expect(documents.map { ($0 as NSString).lastPathComponent } == ["a.txt", "d.txt"])
        let errors = try csvRows(out, "errors").dropFirst()
        #expect(errors.map { ($0[0] as NSString).lastPathComponent } == ["b.txt", "c.txt"])
        #expect(try query(out, "SELECT count(*) FROM errors") == [[.integer(2)]])
    }

    @Test func excelCSVStartsWithAByteOrderMark() throws {
        let folder = try temporaryDirectory()
        let (status, _, _) = try runBulletin(["dataset", packageRoot.appendingPathComponent(november).path, "--out", folder.path, "--excel"])
        #expect(status == 0)
        let bytes = try Data(contentsOf: folder.appendingPathComponent("claims.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func aStoppedRunWritesNothing() throws {
        let folder = try temporaryDirectory()
        let stop = StopFlag()
        stop.set()
        var builder = DatasetBuilder()
        builder.showProgress = false
        let summary = try builder.build([packageRoot.appendingPathComponent(november).path], into: folder.path, stop: stop)
        #expect(summary.stopped)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Results arrive in input order whatever order the threads finish in.
    @Test func parallelRunKeepsTheOrder() throws {
        var seen: [Int] = []
        try ParallelRun.run(count: 200, jobs: 4, stop: StopFlag(), work: { index in
            if index % 7 == 0 { usleep(200) }
            return index * 2
        }, consume: { index, value in
            #expect(value == index * 2)
            seen.append(index)
        })
        #expect(seen == Array(0..<200))
    }

    /// The engine is shared by the worker threads: extracting the corpus on several threads at once
    /// gives the same JSON as one after another.
    @Test func concurrentExtractionMatchesSequential() throws {
        let files = corpusTexts()
        let extractor = Extractor()
        let sequential = try files.map { try extractor.extract(bytes: packageFile($0), path: $0).json(pretty: false) }
        let results = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: files.count * 2) { i in
            let index = i % files.count
            let json = (try? extractor.extract(bytes: packageFile(files[index]), path: files[index]).json(pretty: false)) ?? ""
            results.withLock { $0[i] = json }
        }
        let concurrent = results.withLock { $0 }
        for i in 0..<(files.count * 2) {
            #expect(concurrent[i] == sequential[i % files.count], "\(files[i % files.count])")
        }
    }

    @Test(arguments: [
        ("青岛市政府办公厅人事处", "青岛市"),
        ("2019年市办实事11月份进展情况", nil),
        ("2021年东川市民生实事进展", "东川市"),
        ("市政府督查室", nil),
    ] as [(String, String?)])
    func placeNames(_ text: String, _ place: String?) {
        #expect(DocumentFacts.place(in: [text], rules: .builtIn) == place)
    }

    /// The clause around an amount ends at the dataset rules' punctuation, fullwidth or not, and at
    /// a line break; a comma between digits is part of the number.
    @Test func theClauseAroundAnAmountEndsAtTheRulesPunctuation() {
        let text = Array("一、就业\n城镇新增就业3.2万人，完成年计划的106%;投入资金12,345万元、同比增长5%。".unicodeScalars)
        func clause(_ written: String) -> String {
            let start = Array(text.indices).first { text[$0...].starts(with: written.unicodeScalars) }!
            return String(String.UnicodeScalarView(Clause.around(Span(start, start + written.unicodeScalars.count), in: text,
                                                                 ends: DatasetRules.builtIn.clauseEnds)))
        }
        #expect(clause("3.2万人") == "城镇新增就业3.2万人")
        #expect(clause("106%") == "完成年计划的106%")
        #expect(clause("12,345万元") == "投入资金12,345万元")
        #expect(clause("5%") == "同比增长5%")
        #expect(clause("就业") == "就业")
    }

    @Test func issuersAreComparedInSimplifiedCharacters() {
        #expect(DocumentFacts.simplified("北嶺市") == "北岭市")
    }

    @Test func anAbbreviationLinksTwoClauses() {
        let common = DatasetRules.builtIn.common
        let claim = Array("启动1.9万套棚改任务".unicodeScalars)
        #expect(CrossTargets.evidence(claim, Array("启动棚户区改造2.8万套(户)".unicodeScalars), common: common) >= CrossTargets.firmEvidence)
        #expect(CrossTargets.evidence(claim, Array("完成住房保障6000套(户)".unicodeScalars), common: common) == 0)
    }

    @Test func impliedTargetsAreWrittenInTheDocumentsUnit() {
        let claims = extract("上半年启动1.9万套棚改任务,占年计划66.8%。").claims
        let claim = claims.first { $0.reported.text == "66.8%" }
        #expect(claim?.reason.contains("about 28443套") == true, "\(claims.map(\.reason))")
        #expect(claim?.reasonInDocumentUnits(grammar: .builtIn).contains("about 2.8万套 (2.8万套–2.9万套)") == true,
                "\(claim?.reasonInDocumentUnits(grammar: .builtIn) ?? "")")
    }
}
