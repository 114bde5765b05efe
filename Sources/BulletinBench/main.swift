import Bulletin
import CICU
import Foundation

/// bulletin-bench: the pipeline, stage by stage and end to end, against ICU's word segmentation
/// alone over the same bytes (the practical floor: the tokenizer runs it and more).
///
///     swift run -c release bulletin-bench [--corpus DIR]… [--size MB] [--files N] [--workers N]
///                                         [--shapes dense,files,line,growth] [--inputs DIR]
///
/// Inputs are built from the articles of `Corpus/` and `../shared/corpus/dev/` (their content
/// lines, boilerplate left out) in a temporary folder: one article-dense file of `--size` MB, the
/// same as one single line, `--files` normal-size files (the articles in turn), and dense files of
/// 1, 10 and `--size` MB for growth (each the median of runs for about five seconds). Each
/// measurement runs in a child process of its own, so that its peak resident memory is its own.
/// Figures only: nothing here asserts anything.

// MARK: Measurements (run in a child process, printed as one JSON object)

/// Peak resident memory of this process, in MB.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// ICU alone: UTF-8 to UTF-16, then the word break iterator (locale zh) to the end.
func icuSegmentation(_ bytes: [UInt8]) -> Int {
    let utf16 = Array(String(decoding: bytes, as: UTF8.self).utf16)
    var boundaries = 0
    utf16.withUnsafeBufferPointer { buffer in
        var error: Int32 = 0
        guard let breaker = bicu_word_breaker_open("zh", buffer.baseAddress, Int32(buffer.count), &error) else { return }
        defer { bicu_word_breaker_close(breaker) }
        while bicu_word_breaker_next(breaker) >= 0 { boundaries += 1 }
    }
    return boundaries
}

/// The whole pipeline on one document, JSON included (written nowhere).
func pipeline(_ bytes: consuming [UInt8], path: String, clock: StageClock?) throws -> Int {
    let extraction = try Extractor().extract(bytes: consume bytes, path: path, clock: clock)
    let start = DispatchTime.now().uptimeNanoseconds
    var count = 0
    extraction.writeJSON { count += $0.count }
    clock?.add("json", seconds(since: start))
    return count
}

func files(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
}

func runChild(_ arguments: [String]) throws {
    let kind = arguments[0], path = arguments[1]
    var result: [String: Any] = [:]
    switch kind {
    case "icu":
        let bytes = try InputFile.read(path)
        let start = DispatchTime.now().uptimeNanoseconds
        result["boundaries"] = icuSegmentation(bytes)
        result["seconds"] = seconds(since: start)
        result["bytes"] = bytes.count
    case "pipeline":
        // (The pipeline owns the bytes, as the command line's does, and lets them go once decoded.)
        let bytes = try InputFile.read(path)
        result["bytes"] = bytes.count
        let clock = StageClock()
        let start = DispatchTime.now().uptimeNanoseconds
        result["jsonBytes"] = try pipeline(consume bytes, path: path, clock: clock)
        result["seconds"] = seconds(since: start)
        result["stages"] = clock.seconds
        result["stagePeaks"] = clock.peakMegabytes
    case "batch-icu":
        var total = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for file in try files(in: path) {
            let bytes = try InputFile.read(file)
            total += bytes.count
            _ = icuSegmentation(bytes)
        }
        result["seconds"] = seconds(since: start)
        result["bytes"] = total
    case "batch":
        let workers = Int(arguments[2]) ?? 2
        let list = try files(in: path)
        let lock = NSLock()
        nonisolated(unsafe) var next = 0, total = 0, failures = 0
        let start = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                lock.lock()
                let k = next
                next += 1
                lock.unlock()
                guard k < list.count else { return }
                do {
                    let bytes = try InputFile.read(list[k])
                    _ = try pipeline(bytes, path: list[k], clock: nil)
                    lock.lock(); total += bytes.count; lock.unlock()
                } catch {
                    lock.lock(); failures += 1; lock.unlock()
                }
            }
        }
        result["seconds"] = seconds(since: start)
        result["bytes"] = total
        result["documents"] = list.count
        result["failures"] = failures
    default:
        throw BenchError("unknown measurement \(kind)")
    }
    result["peakMB"] = peakMegabytes()
    let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: Inputs

/// The articles of every bulletin in `folders` (plain text or HTML), without boilerplate.
func articles(in folders: [String]) -> [String] {
    var found: [String] = []
    let extractor = Extractor()
    for folder in folders {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
        for name in names.sorted() where name.hasSuffix(".txt") || name.hasSuffix(".html") {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path),
                  let source = try? SourceText(bytes: [UInt8](data), path: path) else { continue }
            let article = extractor.articleText(source)
            if article.utf8.count > 200 { found.append(article) }
        }
    }
    return found
}

/// The articles in turn, separated by `separator`, until the text holds `bytes` bytes.
func repeated(_ articles: [String], separator: String, bytes: Int) -> Data {
    var out = Data()
    out.reserveCapacity(bytes + 1 << 16)
    var k = 0
    while out.count < bytes {
        out.append(contentsOf: Array(articles[k % articles.count].utf8))
        out.append(contentsOf: Array(separator.utf8))
        k += 1
    }
    return out
}

// MARK: The parent: build inputs, run each measurement in a child, print the figures

struct Options {
    var corpora: [String] = []
    var megabytes = 50
    var files = 5000
    var workers = 2
    var shapes: Set<String> = ["dense", "files", "line", "growth"]
    /// Where to write the inputs and keep them (for a profiler); a temporary folder otherwise.
    var inputs: String?

    init(_ arguments: [String]) throws {
        var k = 0
        func value() throws -> String {
            k += 1
            guard k < arguments.count else { throw BenchError("\(arguments[k - 1]) needs a value") }
            return arguments[k]
        }
        while k < arguments.count {
            switch arguments[k] {
            case "--corpus": corpora.append(try value())
            case "--size": megabytes = Int(try value()) ?? megabytes
            case "--files": files = Int(try value()) ?? files
            case "--workers": workers = Int(try value()) ?? workers
            case "--shapes": shapes = Set(try value().split(separator: ",").map(String.init))
            case "--inputs": inputs = try value()
            default: throw BenchError("unknown option \(arguments[k])")
            }
            k += 1
        }
        if corpora.isEmpty { corpora = ["Corpus", "../shared/corpus/dev"] }
    }
}

/// Runs this program as a child measuring `arguments`, and reads the JSON it prints.
func measure(_ arguments: [String]) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--child"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let result = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw BenchError("the measurement \(arguments.joined(separator: " ")) failed (status \(process.terminationStatus))")
    }
    return result
}

func number(_ result: [String: Any], _ key: String) -> Double {
    (result[key] as? NSNumber)?.doubleValue ?? 0
}

func format(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

/// One document: ICU alone, then the pipeline with each stage's share; returns the end-to-end MB/s.
@discardableResult
func single(_ title: String, _ file: String) throws -> Double {
    let icu = try measure(["icu", file])
    let run = try measure(["pipeline", file])
    let megabytes = number(run, "bytes") / 1e6
    let icuRate = megabytes / number(icu, "seconds")
    let rate = megabytes / number(run, "seconds")
    print("\(title): \(format(megabytes)) MB")
    print("  ICU word segmentation alone   \(format(icuRate)) MB/s")
    print("  bulletin end to end           \(format(rate)) MB/s = \(format(rate / icuRate, 2)) × ICU; peak \(format(number(run, "peakMB"), 0)) MB")
    let stages = run["stages"] as? [String: Any] ?? [:], peaks = run["stagePeaks"] as? [String: Any] ?? [:]
    for stage in StageClock.stages + ["json"] {
        let s = (stages[stage] as? NSNumber)?.doubleValue ?? 0
        let peak = (peaks[stage] as? NSNumber)?.doubleValue ?? 0
        print("    \(stage.padding(toLength: 11, withPad: " ", startingAt: 0)) \(format(s, 2).leftPadded(7)) s  \(format(megabytes / max(s, 1e-9)).leftPadded(8)) MB/s  \(format(s / number(run, "seconds") * 100, 0).leftPadded(3))%   peak so far \(format(peak, 0).leftPadded(5)) MB")
    }
    return rate
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

func main() throws {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "--child" {
        try runChild(Array(arguments.dropFirst()))
        return
    }
    let options = try Options(arguments)
    let texts = articles(in: options.corpora)
    guard !texts.isEmpty else { throw BenchError("no bulletins found in \(options.corpora.joined(separator: ", "))") }
    let folder = options.inputs.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if options.inputs == nil { try? FileManager.default.removeItem(at: folder) } }
    let size = options.megabytes * 1_000_000
    print("bulletin-bench: \(texts.count) articles from \(options.corpora.joined(separator: ", ")); \(ProcessInfo.processInfo.activeProcessorCount) cores")

    if options.shapes.contains("dense") {
        let file = folder.appendingPathComponent("dense.txt")
        try repeated(texts, separator: "\n\n", bytes: size).write(to: file)
        try single("article-dense file", file.path)
    }
    if options.shapes.contains("line") {
        let file = folder.appendingPathComponent("line.txt")
        let lines = texts.map { $0.replacingOccurrences(of: "\n", with: " ") }
        var data = repeated(lines, separator: " ", bytes: size)
        data.append(0x0A)
        try data.write(to: file)
        try single("one single line", file.path)
    }
    if options.shapes.contains("files") {
        let batch = folder.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        for k in 0..<options.files {
            try Data(texts[k % texts.count].utf8).write(to: batch.appendingPathComponent(String(format: "%05d.txt", k)))
        }
        let icu = try measure(["batch-icu", batch.path])
        let run = try measure(["batch", batch.path, String(options.workers)])
        let megabytes = number(run, "bytes") / 1e6
        let icuRate = megabytes / number(icu, "seconds")
        let rate = megabytes / number(run, "seconds")
        print("\(options.files) files, \(format(megabytes)) MB, \(options.workers) workers")
        print("  ICU alone, one core           \(format(icuRate)) MB/s")
        print("  bulletin, \(options.workers) workers            \(format(rate)) MB/s = \(format(rate / icuRate, 2)) × ICU on one core; \(format(Double(options.files) / number(run, "seconds"), 0)) documents/s; peak \(format(number(run, "peakMB"), 0)) MB; \(Int(number(run, "failures"))) failures")
    }
    if options.shapes.contains("growth") {
        var rates: [(Int, Double, Int)] = []
        for megabytes in Set([1, 10, options.megabytes]).sorted() {
            let file = folder.appendingPathComponent("growth-\(megabytes).txt")
            try repeated(texts, separator: "\n\n", bytes: megabytes * 1_000_000).write(to: file)
            // The median of runs for about five seconds (at most nine, at least one): a run of a
            // fifth of a second moves by a fifth with the machine's noise.
            var runs: [Double] = [], spent = 0.0
            repeat {
                let run = try measure(["pipeline", file.path])
                runs.append(number(run, "bytes") / 1e6 / number(run, "seconds"))
                spent += number(run, "seconds")
            } while spent < 5 && runs.count < 9
            rates.append((megabytes, runs.sorted()[runs.count / 2], runs.count))
        }
        let fastest = rates.map(\.1).max() ?? 1, slowest = rates.map(\.1).min() ?? 1
        print("growth (median of runs): " + rates.map { "\($0.0) MB \(format($0.1)) MB/s (\($0.2))" }.joined(separator: ", ")
            + "; slowest = \(format(slowest / fastest, 2)) × fastest")
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("bulletin-bench: \(error)\n".utf8))
    exit(2)
}
