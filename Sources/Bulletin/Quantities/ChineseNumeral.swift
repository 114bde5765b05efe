/// Reads Chinese numerals (二十七, 一百零五, 两万三千, 一万二, 三点五, 二〇一九, 廿三) with the
/// characters and roles of `numerals.tsv`.
struct ChineseNumeral {
    let value: ExactNumber
    /// The place value of the last digit written: 两万三千 → 1000, 二十七 → 1.
    let step: ExactNumber
    let end: Int
    /// With an unknown digit (十几 = 11–19, 几十 = 20–90): the largest value; `value` is the least.
    var upper: ExactNumber? = nil

    /// What `read` finds at a position: a numeral, or one too long to represent (more than 18
    /// significant digits, or past 64 bits), which callers report instead of reading a wrong value.
    enum Reading {
        case numeral(ChineseNumeral)
        case tooLong(end: Int)
    }

    /// Parses the longest numeral starting at `start`, or nil if none starts there or it overflows.
    static func parse(_ chars: [Unicode.Scalar], at start: Int, numerals: [UInt32: Grammar.NumeralEntry],
                      some: ScalarSet = []) -> ChineseNumeral? {
        if case .numeral(let n)? = read(chars, at: start, numerals: numerals, some: some) { return n }
        return nil
    }

    /// Reads the longest numeral starting at `start`, or nil if none starts there.
    /// Characters in `some` (几) stand for an unknown digit: 1–9 after a power, 2–9 before one.
    static func read(_ chars: [Unicode.Scalar], at start: Int, numerals: [UInt32: Grammar.NumeralEntry],
                     some: ScalarSet = []) -> Reading? {
        // Most characters start no numeral: say so before looking further.
        guard start < chars.count, numerals[chars[start].value] != nil || some.contains(chars[start].value) else { return nil }
        guard !some.isEmpty, chars[start...].prefix(12).contains(where: { some.contains($0.value) }) else {
            return read(chars, at: start, numerals: numerals)
        }
        func with(_ digit: Int64) -> [UInt32: Grammar.NumeralEntry] {
            var table = numerals
            for s in some { table[s.value] = Grammar.NumeralEntry(value: digit, role: .digit) }
            return table
        }
        let leading = some.contains(chars[start].value)
        guard case .numeral(let low)? = read(chars, at: start, numerals: with(leading ? 2 : 1)),
              case .numeral(let high)? = read(chars, at: start, numerals: with(9)), low.end == high.end else {
            return read(chars, at: start, numerals: numerals)
        }
        // Only a numeral that used the unknown digit is a range; 几 alone (几个) is no number.
        guard chars[start..<low.end].contains(where: { some.contains($0.value) }) else { return .numeral(low) }
        if leading && low.end == start + 1 { return nil }
        return .numeral(ChineseNumeral(value: low.value, step: low.step, end: low.end, upper: high.value))
    }

    private static func read(_ chars: [Unicode.Scalar], at start: Int, numerals: [UInt32: Grammar.NumeralEntry]) -> Reading? {
        func entry(_ i: Int) -> Grammar.NumeralEntry? { i < chars.count ? numerals[chars[i].value] : nil }
        guard let first = entry(start), first.role == .digit || first.role == .tens || (first.role == .power && first.value == 10) else {
            return nil
        }
        var total: Int64 = 0          // closed sections (…万, …亿)
        var section: Int64 = 0        // the open section below the last 万/亿
        var digit: Int64? = nil       // a digit not yet multiplied
        var lastPlace: Int64 = 1      // the place value of the last power or section read
        var afterZero = false         // a 零 stands between the last power and this digit
        var sequence: [Int64]? = nil  // digit-by-digit form (二〇一九)
        var largestSection: Int64 = 1
        var digitPlace: Int64 = 1     // the place value of the last digit written
        var i = start
        var overflow = false

        func mul(_ a: Int64, _ b: Int64) -> Int64 {
            let (r, o) = a.multipliedReportingOverflow(by: b); if o { overflow = true }; return r
        }
        func add(_ a: Int64, _ b: Int64) -> Int64 {
            let (r, o) = a.addingReportingOverflow(b); if o { overflow = true }; return r
        }

        loop: while let e = entry(i) {
            switch e.role {
            case .digit:
                if let d = digit, sequence != nil || (d != 0 && section == 0 && total == 0 && lastPlace == 1) {
                    if sequence == nil { sequence = [d] }
                    sequence?.append(e.value)
                    digit = e.value
                } else {
                    if digit == 0 { afterZero = true }
                    digit = e.value
                }
            case .tens:
                guard sequence == nil, digit == nil else { break loop }
                section = add(section, e.value)
                lastPlace = 10
                digitPlace = 10
                afterZero = false
            case .power:
                guard sequence == nil else { break loop }
                let d: Int64
                if let digit { d = digit } else if e.value == 10 { d = 1 } else { break loop }
                if digit == nil && e.value == 10 && (section != 0 || total != 0) && !afterZero { break loop }
                section = add(section, mul(d, e.value))
                digit = nil
                lastPlace = e.value
                digitPlace = e.value
                afterZero = false
            case .section:
                guard sequence == nil else { break loop }
                if digit == nil && section == 0 {
                    // 五万亿: a larger section word scales everything read so far.
                    guard total != 0, e.value > largestSection else { break loop }
                    total = mul(total, e.value)
                    largestSection = e.value
                    lastPlace = e.value
                    digitPlace = mul(digitPlace, e.value)
                    i += 1
                    continue loop
                }
                if digit != nil { digitPlace = 1 }
                digitPlace = mul(digitPlace, e.value)
                section = add(section, digit ?? 0)
                if e.value > largestSection {
                    total = mul(add(total, section), e.value)
                    largestSection = e.value
                } else {
                    total = add(total, mul(section, e.value))
                }
                section = 0
                digit = nil
                lastPlace = e.value
                afterZero = false
            case .point:
                // 三点五: a decimal point between digits.
                guard i > start, let next = entry(i + 1), next.role == .digit else { break loop }
                let integer = add(total, add(section, sequence.map { digitsValue($0, &overflow) } ?? digit ?? 0))
                var fraction: [Int64] = []
                var j = i + 1
                while let f = entry(j), f.role == .digit { fraction.append(f.value); j += 1 }
                var sig = integer
                for f in fraction { sig = add(mul(sig, 10), f) }
                // As for Arabic numbers: no more than 18 digits after the point.
                guard !overflow, fraction.count <= 18 else { return .tooLong(end: j) }
                return .numeral(ChineseNumeral(value: ExactNumber(significand: sig, exponent: -fraction.count),
                                               step: ExactNumber(significand: 1, exponent: -fraction.count), end: j))
            }
            i += 1
        }
        guard i > start else { return nil }
        guard !overflow else { return .tooLong(end: i) }
        if let sequence {
            let v = digitsValue(sequence, &overflow)
            guard !overflow else { return .tooLong(end: i) }
            return .numeral(ChineseNumeral(value: ExactNumber(significand: v, exponent: 0), step: .one, end: i))
        }
        var step = digitPlace
        if let d = digit {
            // 一万二 = 12000, 三百五 = 350, 十一 = 11, 一百零五 = 105.
            let place = (afterZero || lastPlace == 1) ? 1 : lastPlace / 10
            section = add(section, mul(d, place))
            step = place
        }
        let value = add(total, section)
        guard !overflow else { return .tooLong(end: i) }
        return .numeral(ChineseNumeral(value: ExactNumber(significand: value, exponent: 0),
                                       step: ExactNumber(significand: step, exponent: 0), end: i))
    }

    private static func digitsValue(_ digits: [Int64], _ overflow: inout Bool) -> Int64 {
        var v: Int64 = 0
        for d in digits {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true; return 0 }
            v = a
        }
        return v
    }
}
