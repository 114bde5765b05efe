import Foundation

/// A progress line on standard error while a batch runs: files done / total, a bar, the rate and
/// the time left. Shown only when standard error is a terminal, at most ten times a second.
public final class ProgressBar {
    let total: Int
    let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast

    public init(total: Int, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.total = total
        self.enabled = enabled && total > 1
    }

    /// Redraws the line for `done` files finished.
    public func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(done: done, total: total, elapsed: now.timeIntervalSince(started))).utf8))
    }

    /// Clears the line, before a message or at the end.
    public func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `[#########.........] 120/2000 files  35.2/s  ETA 0:53`.
    static func line(done: Int, total: Int, elapsed: TimeInterval) -> String {
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Int((Double(total - done) / rate).rounded()) : nil
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "[\(bar)] \(done)/\(total) files  \(String(format: "%.1f", rate))/s  ETA "
            + (eta.map { String(format: "%d:%02d", $0 / 60, $0 % 60) } ?? "–")
    }
}
