import Foundation

/// Time spent in each stage of the pipeline, for the benchmark (`bulletin-bench`): pass one to
/// `SourceText(bytes:path:grammar:clock:)` and `Extractor.extract(_:clock:)` and it adds up the
/// seconds of every stage they run. Without one, nothing is timed.
public final class StageClock: @unchecked Sendable {
    /// The stages in pipeline order, as `seconds` names them.
    public static let stages = ["decode", "normalise", "layout", "tokenize", "quantities", "structure", "claims", "checks"]
    /// Seconds by stage, summed over every run that used this clock.
    public private(set) var seconds: [String: Double] = [:]
    /// The process's peak resident memory (MB) when each stage last ended.
    public private(set) var peakMegabytes: [String: Double] = [:]

    public init() {}

    /// Adds `seconds` to `stage`.
    public func add(_ stage: String, _ seconds: Double) {
        self.seconds[stage, default: 0] += seconds
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        peakMegabytes[stage] = Double(usage.ru_maxrss) / 1024
    }

    /// A monotonic time in nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body`, adding its time to `stage`.
    public func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = Self.now()
        defer { add(stage, Double(Self.now() - start) / 1e9) }
        return try body()
    }
}

extension Optional where Wrapped == StageClock {
    /// Runs `body`, timing it as `stage` when there is a clock.
    @inline(__always)
    func measure<T>(_ stage: String, _ body: () -> T) -> T {
        guard let clock = self else { return body() }
        return clock.measure(stage, body)
    }
}
