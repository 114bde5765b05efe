import Foundation
import Testing
@testable import Bulletin
import BulletinSchema

/// Input that is not the bulletin bulletin expects (issue 5), one test per kind, each asserting the
/// exact behaviour: what the library throws or reports, the CLI's exit status and its one line per
/// problem on stderr, and that stdout is complete schema-valid JSON or nothing. `PipelineCheck`,
/// which the fuzz target runs too, takes the bytes through decode → extract → JSON → schema.
@Suite(.serialized) struct RobustnessTests {
    let validator: SchemaValidator
    let directory: URL

    init() throws {
        validator = try PipelineCheck.bulletinSchema()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    // MARK: Helpers

    /// The pipeline's result for `bytes`, recording an issue for every broken contract.
    func run(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> PipelineCheck.Outcome {
        let (outcome, problems) = PipelineCheck.run(bytes, path: "input.txt", validator: validator)
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return outcome
    }

    /// The extraction of `bytes`, which must be accepted.
    func extraction(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> Extraction {
        guard case .extracted(let extraction, _) = run(bytes, sourceLocation: sourceLocation) else {
            throw Failure("the input was not extracted")
        }
        return extraction
    }

    /// The error `bytes` are refused with, or nil if they are accepted.
    func refusal(_ bytes: [UInt8]) -> InputError? {
        if case .rejected(let error) = run(bytes) { return error }
        return nil
    }

    /// Writes `bytes` to `name` in the test's directory and runs `bulletin ARGUMENTS… FILE`:
    /// (status, stdout, stderr, the file's path).
    func cli(_ bytes: [UInt8], name: String = "input.txt", _ arguments: [String] = ["extract"]) throws
        -> (status: Int32, out: String, err: String, path: String) {
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let (status, out, err) = try runBulletin(arguments + [file.path])
        return (status, out, err, file.path)
    }

    /// stdout of a successful `extract`: one complete JSON document that conforms to the schema.
    func expectValidJSON(_ out: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(out.utf8)) else {
            Issue.record("stdout is not JSON: \(out.prefix(200))", sourceLocation: sourceLocation)
            return
        }
        let errors = validator.validate(json)
        #expect(errors.isEmpty, "\(errors.prefix(10))", sourceLocation: sourceLocation)
    }

    /// The original text a span quotes.
    func quoted(_ span: Span?, in extraction: Extraction, _ bytes: [UInt8]) throws -> String {
        let source = try SourceText(bytes: bytes, path: "input.txt")
        guard let span else { return "" }
        return String(String.UnicodeScalarView(source.original[span.start..<span.end]))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A line with an amount and its percentage of plan, for the inputs built around it.
    static let claimSentence = "新增城镇就业3.35万人，完成年计划的112.6%。"

    // MARK: Empty and blank

    /// A fuzz finding: a basis read across a colon (完成情况:的51%) starts before the percentage's
    /// clause; the 按X计 look-up must not build a reversed range.
    @Test func basisPhraseAcrossAColon() throws {
        let e = try extraction(Array("第二血、国网南平县供电公司 实际完成情况:的51%。\n".utf8))
        #expect(e.claims.count == 1)
    }

    @Test func emptyFile() throws {
        #expect(refusal([]) == .empty)
        let run = try cli([], name: "empty.txt")
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err == "bulletin: \(run.path): empty file\n")
    }

    @Test func onlyWhitespace() throws {
        let bytes = Array(" \n\t\r\n\u{3000}\u{00A0}\n".utf8)
        #expect(refusal(bytes) == .blank)
        #expect(refusal([0xEF, 0xBB, 0xBF]) == .blank)  // a byte order mark and nothing else
        let run = try cli(bytes, name: "blank.txt")
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err == "bulletin: \(run.path): no text, only whitespace\n")
    }

    // MARK: Damaged UTF-8

    @Test func invalidUTF8InTheMiddleOfValidText() throws {
        let bytes = Array("一、就业方面\n新增城镇就业3.35万人，".utf8) + [0xFF] + Array("完成年计划的112.6%。\n".utf8)
        let e = try extraction(bytes)
        #expect(e.source.encoding == "UTF-8")
        #expect(e.diagnostics.map(\.message) == ["line 2: invalid UTF-8 (bytes FF) replaced with U+FFFD"])
        #expect(try quoted(e.diagnostics.first?.span, in: e, bytes) == "\u{FFFD}")
        // The text around the bad byte is read as usual.
        #expect(e.quantities.map(\.text) == ["3.35万人", "112.6%"])
        #expect(e.claims.count == 1)

        let run = try cli(bytes)
        #expect(run.status == 0)
        expectValidJSON(run.out)
        #expect(run.err == "bulletin: \(run.path):2: warning: invalid UTF-8 (bytes FF) replaced with U+FFFD\n")
    }

    @Test func severalInvalidSequencesOnALine() throws {
        // C4 E3 is 你 in GBK: two sequences that are not UTF-8, in a line that mostly is.
        let bytes = Array("完成投资1.2亿元".utf8) + [0xC4, 0xE3] + Array("，占年计划的50%。\n".utf8)
        let e = try extraction(bytes)
        #expect(e.diagnostics.map(\.message) == ["line 1: 2 invalid UTF-8 sequences replaced with U+FFFD, the first C4"])
    }

    @Test func truncatedMultibyteSequenceAtTheEnd() throws {
        // A download cut off inside 中 (E4 B8 AD).
        let utf8 = Array("\(Self.claimSentence)\n结尾".utf8) + [0xE4, 0xB8]
        let e = try extraction(utf8)
        #expect(e.source.encoding == "UTF-8")
        #expect(e.diagnostics.map(\.message) == [
            "line 2: the text ends inside a UTF-8 character (bytes E4 B8), replaced with U+FFFD; the file may be truncated",
        ])
        #expect(e.claims.count == 1)
        let run = try cli(utf8)
        #expect(run.status == 0)
        expectValidJSON(run.out)
        #expect(run.err == "bulletin: \(run.path):2: warning: the text ends inside a UTF-8 character (bytes E4 B8), replaced with U+FFFD; the file may be truncated\n")

        // The same in GB18030, cut inside 中 (D6 D0).
        let gb = try ICU.encode("一、就业方面\n\(Self.claimSentence)\n结尾", as: "GB18030") + [0xD6]
        let g = try extraction(gb)
        #expect(g.source.encoding == "GB18030")
        #expect(g.diagnostics.map(\.message) == [
            "line 3: the text ends inside a GB18030 character, replaced with U+FFFD; the file may be truncated",
        ])
        #expect(g.claims.count == 1)

        // UTF-16 with an odd number of bytes.
        let utf16 = [0xFF, 0xFE] + (try ICU.encode(Self.claimSentence, as: "UTF-16LE")) + [0x2D]
        let u = try extraction(utf16)
        #expect(u.source.encoding == "UTF-16LE")
        #expect(u.diagnostics.map(\.message) == [
            "line 1: the text ends inside a UTF-16 code unit (an odd number of bytes), replaced with U+FFFD; the file may be truncated",
        ])
    }

    // MARK: NUL bytes and binary files

    @Test func nulBytesInText() throws {
        let bytes = Array("完成投资1.2亿元。\n".utf8) + [0, 0] + Array("\(Self.claimSentence)\n".utf8)
        let e = try extraction(bytes)
        #expect(e.diagnostics.map(\.message) == [
            "line 2: 2 NUL bytes (U+0000) in the text, kept as they are; the file may be damaged",
        ])
        #expect(try quoted(e.diagnostics.first?.span, in: e, bytes) == "\0")
        #expect(e.claims.count == 1)
        let run = try cli(bytes)
        #expect(run.status == 0)
        expectValidJSON(run.out)
        #expect(run.err == "bulletin: \(run.path):2: warning: 2 NUL bytes (U+0000) in the text, kept as they are; the file may be damaged\n")
    }

    @Test func mostlyNulBytesAreNotText() throws {
        let bytes = Array("标题\n".utf8) + [UInt8](repeating: 0, count: 300)
        #expect(refusal(bytes) == .notText(reason: "not a text file: binary content (300 NUL bytes)", line: 2))
        let run = try cli(bytes, name: "zeros.bin")
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err == "bulletin: \(run.path):2: not a text file: binary content (300 NUL bytes)\n")
    }

    @Test(arguments: [
        ("chart.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "a PNG image"),
        ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46], "a JPEG image"),
    ] as [(String, [UInt8], String)])
    func binaryFileGivenByMistake(_ name: String, _ bytes: [UInt8], _ format: String) throws {
        #expect(refusal(bytes) == .notText(reason: "not a text file: \(format)", line: nil))
        let run = try cli(bytes, name: name)
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err == "bulletin: \(run.path): not a text file: \(format)\n")
    }

    /// A PDF or a ZIP archive that is only its first bytes: a damaged document, not text.
    @Test(arguments: [
        ("report.pdf", Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n".utf8), "a damaged PDF that cannot be opened (PDF document is damaged)"),
        ("report.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0], "the ZIP archive has no central directory: the file is truncated or damaged"),
    ] as [(String, [UInt8], String)])
    func documentCutShort(_ name: String, _ bytes: [UInt8], _ reason: String) throws {
        #expect(refusal(bytes) == .document(reason: reason))
        let run = try cli(bytes, name: name)
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err == "bulletin: \(run.path): \(reason)\n")
    }

    @Test func randomBytesAreNotText() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }
        guard case .notText(let reason, let line)? = refusal(bytes) else {
            Issue.record("random bytes were accepted as text")
            return
        }
        #expect(reason == "not valid UTF-8, GB18030 or Big5 text")
        #expect(line != nil)
    }

    // MARK: Size

    /// 8 MB on one line, from a repeated sentence with a claim at each end: no search window
    /// reaches across it (they stop at `contextReach`), so both claims are found and nothing in
    /// between is. The speed on long lines (50 MB on one line, against ICU alone) is measured by
    /// `bulletin-bench`, not here.
    @Test(.timeLimit(.minutes(3)))
    func eightMegabyteSingleLine() throws {
        let filler = Array("全市上下认真贯彻落实各项决策部署，统筹推进民生实事，切实提升群众的获得感和幸福感，".utf8)
        let claim = Array(Self.claimSentence.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 << 20)
        bytes += claim
        while bytes.count < (8 << 20) - claim.count - 1 { bytes += filler }
        bytes += claim
        bytes.append(0x0A)

        let e = try extraction(bytes)
        #expect(e.source.length > 2_500_000)
        #expect(e.diagnostics.isEmpty)
        #expect(e.quantities.map(\.text) == ["3.35万人", "112.6%", "3.35万人", "112.6%"])
        #expect(e.claims.count == 2)
        #expect(e.claims.last?.reported.span.end == e.source.length - 2)  // the last claim, before "。\n"
    }

    // MARK: Many of one thing

    @Test(.timeLimit(.minutes(2)))
    func tenThousandNestedBrackets() throws {
        for (open, close) in [("(", ")"), ("（", "）"), ("【", "】")] {
            let text = String(repeating: open, count: 10_000) + Self.claimSentence + String(repeating: close, count: 10_000) + "\n"
            let e = try extraction(Array(text.utf8))
            #expect(e.quantities.map(\.text) == ["3.35万人", "112.6%"], "\(open)")
            #expect(e.claims.count == 1)
            #expect(e.diagnostics.isEmpty)
        }
        // Brackets that never close, and closing ones that never opened.
        let unbalanced = String(repeating: "(", count: 10_000) + Self.claimSentence + "\n" + String(repeating: ")", count: 10_000) + "\n"
        #expect(try extraction(Array(unbalanced.utf8)).claims.count == 1)
    }

    @Test(.timeLimit(.minutes(3)))
    func tenThousandConsecutivePercentages() throws {
        // Written one after the other: each its own claim on the amount before them.
        let run = "新增城镇就业3.35万人，完成年计划的" + String(repeating: "112.6%", count: 10_000) + "。\n"
        let e = try extraction(Array(run.utf8))
        #expect(e.claims.count == 10_000)
        #expect(e.quantities.count == 10_001)

        // As one 分别 list against as many amounts.
        let list = "分别新增" + Array(repeating: "3.35万人", count: 10_000).joined(separator: "、") + "，分别完成年计划的"
            + Array(repeating: "112.6%", count: 10_000).joined(separator: "、") + "。\n"
        let l = try extraction(Array(list.utf8))
        #expect(l.claims.count == 10_000)
        #expect(l.quantities.count == 20_000)
    }

    // MARK: Numbers out of range

    @Test func fourHundredDigitNumbersAreDiagnosedNotWrapped() throws {
        let digits = String(repeating: "9", count: 400)
        let cases: [(String, String)] = [
            ("完成\(digits)人。", "line 1: number \(String(repeating: "9", count: 40))… has too many digits to represent; left out of quantities"),
            ("增长\(digits).5%。", "line 1: number \(String(repeating: "9", count: 40))… has too many digits to represent; left out of quantities"),
            ("投资\(digits)万亿元。", "line 1: number \(String(repeating: "9", count: 40))… has too many digits to represent; left out of quantities"),
            ("投资0.\(String(repeating: "0", count: 399))1亿元。", "line 1: number 0.\(String(repeating: "0", count: 38))… has too many digits to represent; left out of quantities"),
            ("完成1\(String(repeating: ",000", count: 133))人。", "line 1: number 1,000,000,000,000,000,000,000,000,000,00… has too many digits to represent; left out of quantities"),
        ]
        for (text, message) in cases {
            let e = try extraction(Array(text.utf8))
            #expect(e.quantities.isEmpty, "\(text.prefix(20)): \(e.quantities.map(\.text))")
            #expect(e.diagnostics.map(\.message) == [message], "\(text.prefix(20))")
        }
        let run = try cli(Array("完成\(digits)人。\n".utf8))
        #expect(run.status == 0)
        expectValidJSON(run.out)
        #expect(run.err == "bulletin: \(run.path):1: warning: number \(String(repeating: "9", count: 40))… has too many digits to represent; left out of quantities\n")
        // The largest amounts that fit keep their exact value.
        #expect(try extraction(Array("完成999999999999999999人。".utf8)).quantities.first?.value == Double(999_999_999_999_999_999 as Int))
    }

    /// Chinese numerals too long for 64 bits are reported, and no tail of them is read as a
    /// smaller number.
    @Test func fourHundredDigitChineseNumeralsAreDiagnosedNotWrapped() throws {
        let nines = String(repeating: "九", count: 400)
        let cases: [(String, String)] = [
            ("完成" + String(repeating: "一二三四五六七八九", count: 45) + "个。",
             String(repeating: "一二三四五六七八九", count: 4) + "一二三四"),
            ("完成" + nines + "万人。", String(repeating: "九", count: 40)),
            ("完成零点" + String(repeating: "零", count: 398) + "一万人。", "零点" + String(repeating: "零", count: 38)),
        ]
        for (text, prefix) in cases {
            let e = try extraction(Array(text.utf8))
            #expect(e.quantities.isEmpty, "\(text.prefix(12)): \(e.quantities.map { "\($0.text.prefix(20)) = \($0.value)" })")
            #expect(e.diagnostics.map(\.message) == ["line 1: number \(prefix)… has too many digits to represent; left out of quantities"])
        }
        // The longest that fit keep their value: eighteen digits written one by one, and 九千亿亿.
        let fits = try extraction(Array("完成\(String(repeating: "一二三四五六七八九", count: 2))个，九千亿亿元。".utf8))
        #expect(fits.quantities.map(\.value) == [Double(123_456_789_123_456_789 as Int), 9e19])
        #expect(fits.diagnostics.isEmpty)
    }

    // MARK: Mixed encodings

    @Test func gbkParagraphInUTF8Text() throws {
        let gbkLine = try ICU.encode("2.创业方面，扶持创业5632人，完成年计划的112.6%。\n", as: "GB18030")
        let bytes = Array("一、就业方面\n1.就业方面，\(Self.claimSentence)\n".utf8) + gbkLine + Array("二、住房方面\n".utf8)
        let e = try extraction(bytes)
        // The file is UTF-8; the line that is GBK is read as GBK, and said so.
        #expect(e.source.encoding == "UTF-8")
        #expect(e.diagnostics.map(\.message) == ["line 3: not UTF-8 but GB18030 (GBK); decoded as GB18030"])
        #expect(e.quantities.map(\.text) == ["3.35万人", "112.6%", "5632人", "112.6%"])
        #expect(e.sections.map(\.title) == ["就业方面", "住房方面"])
        let run = try cli(bytes)
        #expect(run.status == 0)
        expectValidJSON(run.out)
        #expect(run.err == "bulletin: \(run.path):3: warning: not UTF-8 but GB18030 (GBK); decoded as GB18030\n")
    }

    @Test func mostlyGBKWithAUTF8Line() throws {
        // A GBK file wins as a whole when most of it is GBK; a UTF-8 line in it that is also
        // valid GB18030 is read as GB18030 too (the majority encoding, no way to tell).
        let gbk = try ICU.encode("一、就业方面\n1.就业方面，\(Self.claimSentence)\n2.创业方面，扶持创业5632人，完成年计划的112.6%。\n", as: "GB18030")
        let e = try extraction(gbk + Array("结尾。\n".utf8))
        #expect(e.source.encoding == "GB18030")
        #expect(e.quantities.map(\.text) == ["3.35万人", "112.6%", "5632人", "112.6%"])
    }

    // MARK: Paths

    /// A file is read whole at every size around the read buffer's, and a file whose size the
    /// system does not know beforehand (a named pipe) is read to its end in chunks.
    @Test func filesAndPipesAreReadWhole() throws {
        for size in [0, 1, 4095, 65_536, 65_537, 200_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let file = directory.appendingPathComponent("bytes-\(size).bin")
            try Data(bytes).write(to: file)
            #expect(try InputFile.read(file.path) == bytes, "\(size) bytes")
        }
        let fifo = directory.appendingPathComponent("pipe-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let sent = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        // (A reader that stopped early must fail the test, not end the process with SIGPIPE.)
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            guard fd >= 0 else { return }
            var written = 0
            while written < sent.count {
                let n = sent[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                written += n
            }
            close(fd)
        }
        writer.start()
        #expect(try InputFile.read(fifo) == sent)
    }

    @Test func directoryOrUnreadablePathGivenAsAFile() throws {
        let file = directory.appendingPathComponent("plain.txt")
        try Data(Self.claimSentence.utf8).write(to: file)
        let cases: [(String, String)] = [
            (directory.path, "is a directory, not a file"),
            (directory.appendingPathComponent("missing.txt").path, "no such file"),
            (file.appendingPathComponent("inner.txt").path, "no such file (a part of the path is not a directory)"),
        ]
        for (path, reason) in cases {
            #expect(throws: InputError.unreadable(path: path, reason: reason)) { try InputFile.read(path) }
            let (status, out, err) = try runBulletin(["extract", path])
            #expect(status == 2)
            #expect(out.isEmpty)
            #expect(err == "bulletin: \(path): \(reason)\n")
        }
        // Permission is not enforced for root, which CI containers often are.
        let locked = directory.appendingPathComponent("locked.txt")
        try Data(Self.claimSentence.utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        if getuid() != 0 {
            #expect(throws: InputError.unreadable(path: locked.path, reason: "permission denied")) { try InputFile.read(locked.path) }
            let (status, out, err) = try runBulletin(["extract", locked.path])
            #expect(status == 2)
            #expect(out.isEmpty)
            #expect(err == "bulletin: \(locked.path): permission denied\n")
        }
    }

    @Test func checkReportsABadFileAndChecksTheOthers() throws {
        let good = directory.appendingPathComponent("good.txt")
        try Data("一、就业方面\n1.就业方面，\(Self.claimSentence)\n".utf8).write(to: good)
        let pdf = directory.appendingPathComponent("bad.pdf")
        try Data("%PDF-1.4\n".utf8).write(to: pdf)
        let missing = directory.appendingPathComponent("missing.txt")
        let (status, out, err) = try runBulletin(["check", good.path, pdf.path, missing.path, good.path])
        #expect(status == 2)
        #expect(err == "bulletin: \(pdf.path): a damaged PDF that cannot be opened (PDF document is damaged)\nbulletin: \(missing.path): no such file\n")
        // Both good files were checked.
        #expect(out.components(separatedBy: "\(good.path): ").count == 3)
        #expect(out.components(separatedBy: "=> OK").count == 3)
    }

    @Test func standardInputIsReportedAsStdin() throws {
        let process = Process()
        process.executableURL = bulletinExecutable()
        process.arguments = ["extract", "-"]
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data("%PDF-1.4\n".utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stdout.isEmpty)
        #expect(stderr == "bulletin: <stdin>: a damaged PDF that cannot be opened (PDF document is damaged)\n")
    }
}
