import Foundation

/// Headless Chromium (Debian's `chromium`, which `.ci/run` installs) driven from the command line:
/// the DOM after the page's scripts ran (`--dump-dom`), the console log (`--enable-logging=stderr`),
/// and screenshots. Each run gets a fresh profile folder.
struct Chromium {
    let executable: URL

    /// The browser on PATH (chromium, chromium-browser), or the one `BULLETIN_CHROMIUM` names.
    static func find() -> Chromium? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["BULLETIN_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) {
            return Chromium(executable: URL(fileURLWithPath: path))
        }
        let folders = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return Chromium(executable: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        return nil
    }

    static let missing = "chromium is not installed: `apt-get install chromium` (.ci/run installs it), or set BULLETIN_CHROMIUM"

    /// What a run left: the DOM (for --dump-dom) and the console messages the page logged.
    struct Run {
        let dom: String
        let console: [String]
    }

    /// Loads `url` and returns the DOM once the page's scripts ran (virtual time lets timers and
    /// frames finish without waiting in real time).
    func dumpDOM(_ url: URL, budget: Int = 10000) throws -> Run {
        try run(["--dump-dom", url.absoluteString], budget: budget)
    }

    /// Saves a screenshot of `url` at `width`×`height` to `file`.
    func screenshot(_ url: URL, to file: URL, width: Int = 1200, height: Int = 900) throws -> Run {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try run(["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(file.path)", url.absoluteString], budget: 3000)
    }

    private func run(_ arguments: [String], budget: Int) throws -> Run {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=\(budget)"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = ReadAll(err.fileHandleForReading)
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let log = String(decoding: errors.wait(), as: UTF8.self)
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Run(dom: String(decoding: dom, as: UTF8.self), console: console)
    }

    /// The JSON a page's self-test wrote into `<pre id="selftest-result">`.
    static func selftestResult(_ dom: String) -> [String: Any]? {
        guard let open = dom.range(of: "<pre id=\"selftest-result\" hidden=\"\">"),
              let close = dom.range(of: "</pre>", range: open.upperBound..<dom.endIndex) else { return nil }
        let text = String(dom[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&amp;", with: "&")
        return try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}

/// Reads a pipe to its end on another thread, so that neither of a process's pipes fills up.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
