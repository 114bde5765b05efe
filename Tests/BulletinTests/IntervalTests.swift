import Foundation
import Testing
@testable import Bulletin

@Test func exactFiguresSpanHalfTheirStep() {
    #expect(Interval.of(value: 28000, step: 1000, approx: .exact, upper: nil) == Interval(27500, 28500))
    #expect(abs(Interval.of(value: 104.4, step: 0.1, approx: .exact, upper: nil).low - 104.35) < 1e-9)
}

@Test func overReachesTheNextUnitOfTheLastDigit() {
    #expect(Interval.of(value: 8000, step: 1, approx: .over, upper: nil) == Interval(8000, 9000))
    #expect(Interval.of(value: 3700, step: 1, approx: .over, upper: nil) == Interval(3700, 3800))
    #expect(Interval.of(value: 740, step: 1, approx: .over, upper: nil) == Interval(740, 750))
}

@Test func openBounds() {
    #expect(Interval.of(value: 4000, step: 1, approx: .atLeast, upper: nil).high == .infinity)
    #expect(Interval.of(value: 4, step: 0.1, approx: .atMost, upper: nil) == Interval(0, 4))
}

@Test func ratioOfRoundedFigures() throws {
    // 1.9万 / 2.8万 reported as 66.8%: 1.85万…1.95万 over 2.75万…2.85万 allows it.
    let actual = Interval.of(value: 19000, step: 1000, approx: .exact, upper: nil)
    let target = Interval.of(value: 28000, step: 1000, approx: .exact, upper: nil)
    let ratio = try #require(Interval.ratio(actual, target, scale: 100))
    #expect(ratio.overlaps(Interval.of(value: 66.8, step: 0.1, approx: .exact, upper: nil)))
    // 29245 / 28000 is 104.4%, not 114.4%.
    let exact = try #require(Interval.ratio(Interval(29244.5, 29245.5), Interval(27999.5, 28000.5), scale: 100))
    #expect(exact.overlaps(Interval(104.35, 104.45)))
    #expect(!exact.overlaps(Interval(114.35, 114.45)))
    #expect(Interval.ratio(Interval(1, 2), Interval(0, 1)) == nil)
}

/// A narrow interval is printed with as many decimals as tell its bounds apart (up to four).
@Test func narrowIntervalsShowTheirBoundsApart() {
    #expect(Interval(102.614, 106.352).description == "102.61–106.35")
    #expect(Interval(57.9981, 58.0021).description == "57.998–58.002")
    #expect(Interval(58, 58).description == "58–58")
}

/// A subject read across a soft wrap is one line; Latin words keep a space between them.
@Test func subjectsAcrossAWrap() {
    #expect(TargetResolver.unwrapped("1—\n6月完成投资") == "1—6月完成投资")
    #expect(TargetResolver.unwrapped("新建 \n  5G基站") == "新建5G基站")
    #expect(TargetResolver.unwrapped("PM2.5\nAQI") == "PM2.5 AQI")
    #expect(TargetResolver.unwrapped("城镇新增就业") == "城镇新增就业")
}

/// `Interval.format` writes small numbers from their digits instead of through `String(Double)`;
/// the text is what rounding and `String(Double)` with trailing zeros dropped give.
@Test func formatWritesTheShortestDecimal() {
    func reference(_ x: Double, digits: Int) -> String {
        let scale = [1.0, 10, 100, 1000, 10000][min(max(digits, 0), 4)]
        let rounded = (x * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var s = String(rounded)
        if s.utf8.contains(UInt8(ascii: "e")) { return s }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = [0.0001, -0.0001, 0.00005, 104.4, 99.995, 0.1 + 0.2, -2.5, 1e11 - 0.01, 99999999999.99, 123456.7891]
    for _ in 0..<20000 {
        let magnitude = Double.random(in: -5...12, using: &generator)
        values.append((Bool.random(using: &generator) ? 1 : -1) * pow(10, magnitude))
        values.append(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 1000)
    }
    for x in values {
        for digits in 0...4 {
            #expect(Interval.format(x, digits: digits) == reference(x, digits: digits), "\(x) to \(digits) digits")
        }
    }
}
