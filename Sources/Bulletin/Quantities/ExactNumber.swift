/// A decimal number held exactly as `significand × 10^exponent`, so 3.35万 is 33500 and not
/// 33500.000000000004. Arithmetic reports overflow instead of wrapping.
struct ExactNumber: Hashable, Sendable {
    var significand: Int64
    var exponent: Int

    static let one = ExactNumber(significand: 1, exponent: 0)

    /// The nearest Double to the exact value. When the significand and the power of ten are
    /// both exact doubles (|significand| ≤ 2^53, |exponent| ≤ 22), one multiplication or division
    /// rounds correctly, as a correctly rounding parser does on its fast path; otherwise the
    /// decimal text is parsed.
    var double: Double {
        if significand.magnitude <= 1 << 53, (-22...22).contains(exponent) {
            let x = Double(significand)
            return exponent >= 0 ? x * Self.powersOfTen[exponent] : x / Self.powersOfTen[-exponent]
        }
        return Double("\(significand)e\(exponent)") ?? .nan
    }

    /// 10^0 … 10^22, each exact in a Double.
    private static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                                1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    var isInteger: Bool { exponent >= 0 || (-exponent <= 18 && significand % Self.pow10(-exponent) == 0) }

    func multiplied(by factor: Int64) -> ExactNumber? {
        var sig = significand, exp = exponent, f = factor
        // Move factors of ten into the exponent first, to keep the significand small.
        while f % 10 == 0 && f != 0 { f /= 10; exp += 1 }
        let (product, overflow) = sig.multipliedReportingOverflow(by: f)
        guard !overflow else { return nil }
        sig = product
        return ExactNumber(significand: sig, exponent: exp).reduced()
    }

    /// Strips trailing zeros of the significand into the exponent where the exponent is negative.
    func reduced() -> ExactNumber {
        var sig = significand, exp = exponent
        while exp < 0 && sig % 10 == 0 && sig != 0 { sig /= 10; exp += 1 }
        return ExactNumber(significand: sig, exponent: exp)
    }

    /// 10^n for n in 0...18; larger n wrap, so callers check the range.
    static func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<max(n, 0) { r = r &* 10 }
        return r
    }

    /// Parses plain decimal digits with an optional fraction ("29245", "3.35"); nil when the
    /// digits do not fit: more than 18 significant digits, or more than 18 after the point (a
    /// Double would round 0.000…1 with 400 digits to 0).
    init?(integerDigits: String, fractionDigits: String) {
        var reader = DigitReader()
        for c in integerDigits.unicodeScalars { guard reader.add(c) else { return nil } }
        for c in fractionDigits.unicodeScalars { guard reader.add(c) else { return nil }; reader.fractionDigits += 1 }
        guard let value = reader.value else { return nil }
        self = value
    }

    /// Reads a decimal number digit by digit: the digits after the leading zeros make the
    /// significand, and the value is nil when more than 18 of them (or more than 18 after the
    /// point) are read.
    struct DigitReader {
        private var significand: Int64 = 0
        private var significant = 0
        /// Digits read after the decimal point; the caller counts them.
        var fractionDigits = 0

        /// Adds an ASCII digit; false for any other character.
        mutating func add(_ c: Unicode.Scalar) -> Bool {
            guard c.isASCIIDigit else { return false }
            let digit = Int64(c.value - 0x30)
            guard significant > 0 || digit != 0 else { return true }
            significant += 1
            if significant <= 18 { significand = significand * 10 + digit }
            return true
        }

        var value: ExactNumber? {
            significant <= 18 && fractionDigits <= 18 ? ExactNumber(significand: significand, exponent: -fractionDigits) : nil
        }
    }

    init(significand: Int64, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }
}
