/// Finds every amount in the token stream: Arabic and Chinese numerals with their multipliers,
/// approximation markers and units, while leaving out years, dates, ordinals, list markers,
/// document numbers and names with digits. One pass over the tokens; each lookup at a position
/// is bounded by the longest grammar phrase.
struct QuantityScanner {
    struct Result {
        var quantities: [Quantity] = []
        var dates: [DateMention] = []
        var diagnostics: [Diagnostic] = []
    }

    let source: SourceText
    let grammar: Grammar
    private var chars: [Unicode.Scalar] { source.chars }

    /// A number as written, before units: its value, granularity and extent.
    private struct Numeral {
        var value: ExactNumber
        var step: ExactNumber
        var start: Int
        var end: Int
        var chinese: Bool
        var digits: Int  // integer digits written (Arabic), for year detection
    }

    func scan(_ tokens: [Token]) -> Result {
        var result = Result()
        var consumed = 0
        for token in tokens {
            let s = token.range.lowerBound
            guard s >= consumed, token.kind == .number || token.kind == .ideographic || token.kind == .letter else { continue }
            guard let first = numeral(at: s, result: &result) else { continue }
            if let end = classify(first, into: &result) { consumed = end }
        }
        return result
    }

    // MARK: Numbers

    private func numeral(at s: Int, result: inout Result) -> Numeral? {
        guard s < chars.count else { return nil }
        if isDigit(chars[s]) {
            guard s == 0 || !isDigit(chars[s - 1]) && chars[s - 1] != "." else { return nil }
            var i = s
            var integer = "", fraction = ""
            while i < chars.count {
                let c = chars[i]
                if isDigit(c) { integer.unicodeScalars.append(c); i += 1; continue }
                // A thousands separator: ',' followed by exactly three digits.
                if c == ",", i + 3 < chars.count + 0, (1...3).allSatisfy({ i + $0 < chars.count && isDigit(chars[i + $0]) }),
                   i + 4 >= chars.count || !isDigit(chars[i + 4]) {
                    i += 1; continue
                }
                break
            }
            if i + 1 < chars.count, chars[i] == ".", isDigit(chars[i + 1]) {
                i += 1
                while i < chars.count, isDigit(chars[i]) { fraction.unicodeScalars.append(chars[i]); i += 1 }
            }
            guard let value = ExactNumber(integerDigits: integer, fractionDigits: fraction) else {
                result.diagnostics.append(Diagnostic(
                    severity: .warning,
                    message: "number \(source.originalText(s..<i).prefix(40))… has too many digits to represent; left out of quantities",
                    span: source.span(s..<i)))
                return nil
            }
            return Numeral(value: value, step: ExactNumber(significand: 1, exponent: -fraction.count),
                           start: s, end: i, chinese: false, digits: integer.count)
        }
        if let parsed = ChineseNumeral.parse(chars, at: s, numerals: grammar.numerals) {
            return Numeral(value: parsed.value, step: parsed.step, start: s, end: parsed.end, chinese: true, digits: 0)
        }
        return nil
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    private func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    private func atLineStart(_ s: Int) -> Bool {
        var i = s - 1
        while i >= 0, chars[i] != "\n" {
            if !chars[i].properties.isWhitespace { return false }
            i -= 1
        }
        return true
    }

    // MARK: Classification

    /// Decides what the number at `n` is and records it; returns where scanning resumes.
    private func classify(_ n: Numeral, into result: inout Result) -> Int? {
        let s = n.start
        var e = n.end

        // List markers: "1." "1、" "一、" at the start of a line, "(1)" "(一)".
        if atLineStart(s), n.value.exponent >= 0 {
            if grammar.itemMarkers.match(in: chars, at: e) != nil || grammar.sectionMarkers.match(in: chars, at: e) != nil,
               e + 1 >= chars.count || !isDigit(chars[e + 1]) {
                return e + 1
            }
        }
        if s > 0, chars[s - 1] == "(", e < chars.count, chars[e] == ")", n.value.exponent >= 0, atLineStart(s - 1) {
            return e + 1
        }
        // Ordinals (第十一届) and document codes (〔2006〕275号).
        if grammar.ordinalPrefixes.matchEnding(in: chars, at: s) != nil { return e }
        if grammar.openBrackets.matchEnding(in: chars, at: s) != nil { return e }
        if s > 0, "〕]】".unicodeScalars.contains(chars[s - 1]), grammar.docNumberEnds.match(in: chars, at: e) != nil { return e + 1 }
        // Times of day (09:44).
        if !n.chinese, e + 1 < chars.count, chars[e] == ":", isDigit(chars[e + 1]) {
            var j = e + 1
            while j < chars.count, isDigit(chars[j]) || chars[j] == ":" { j += 1 }
            return j
        }
        // ISO-like dates (2019-12-12, 2019.12.12, 2019/12/12).
        if !n.chinese, n.digits == 4, let end = isoDateEnd(from: e) {
            result.dates.append(date(s..<end))
            return end
        }
        // Ranges of dates (1-10月) and amounts (2—3个).
        var upper: Numeral? = nil
        if let connector = grammar.rangeConnectors.match(in: chars, at: e), let second = numeral(at: e + connector.length, result: &result),
           second.chinese == n.chinese {
            if isDateAfter(second) {
                let end = second.end + (grammar.dateUnits.match(in: chars, at: second.end)?.length ?? 0)
                result.dates.append(date(s..<end))
                return end
            }
            if second.value.double > n.value.double {
                upper = second
                e = second.end
            }
        }
        if upper == nil, isDateAfter(n) {
            let unitLength = grammar.dateUnits.match(in: chars, at: e)?.length ?? grammar.yearWords.match(in: chars, at: e)?.length ?? 0
            result.dates.append(date(s..<e + unitLength))
            return e + unitLength
        }

        // Multiplier (Arabic only: 3.35万), after-marker (8000余), unit (辆, 套(户)).
        var value = n.value, step = n.step
        var upperValue = upper?.value
        var i = e
        var approx: Approximation = upper == nil ? .exact : .range
        // 余/多 before a multiplier: 4800余万平方米.
        if !n.chinese, upper == nil, let after = grammar.approxAfter.match(in: chars, at: i),
           grammar.multipliers.match(in: chars, at: i + after.length) != nil {
            approx = after.value
            i += after.length
        }
        let direct = grammar.units.match(in: chars, at: i)
        if !n.chinese, let mult = grammar.multipliers.match(in: chars, at: i) {
            let afterMult = grammar.units.match(in: chars, at: i + mult.length)
            let multWins = (mult.length + (afterMult?.length ?? 0)) > (direct?.length ?? 0)
                || grammar.approxAfter.match(in: chars, at: i + mult.length) != nil
            if multWins {
                guard let v = value.multiplied(by: mult.value), let st = step.multiplied(by: mult.value) else {
                    result.diagnostics.append(Diagnostic(severity: .warning,
                        message: "amount \(source.originalText(s..<i + mult.length)) is too large to represent; left out of quantities",
                        span: source.span(s..<i + mult.length)))
                    return i + mult.length
                }
                value = v
                step = st
                upperValue = upperValue.flatMap { $0.multiplied(by: mult.value) }
                i += mult.length
            }
        }
        if let after = grammar.approxAfter.match(in: chars, at: i), upper == nil, approx == .exact {
            // 余/多 only count when a unit or the end of the amount follows (8000余辆, 20多个).
            if grammar.units.match(in: chars, at: i + after.length) != nil {
                approx = after.value
                i += after.length
            }
        }
        var unit = ""
        var kind = ""
        var family = ""
        if let u = grammar.units.match(in: chars, at: i) {
            unit = u.value.canonical
            kind = u.value.kind
            family = u.value.family
            i += u.length
            // Compound units: 元/人/年.
            while i + 1 < chars.count, chars[i] == "/", let next = grammar.units.match(in: chars, at: i + 1) {
                unit += "/" + next.value.canonical
                family += "/" + next.value.family
                kind = "rate"
                i += 1 + next.length
            }
        }
        // A Chinese numeral is an amount only with a unit or multiplier-bearing form (两件, 九十万人);
        // otherwise it is a word (一方面, 统一).
        if n.chinese && unit.isEmpty { return nil }
        // Names with digits (G20, 5G, 9F, 58中, 500强) and bare four-digit years (2021国际). A number
        // without a unit counts only where it stands alone, as in a table cell (2 5 1 2 10).
        if unit.isEmpty {
            if s > 0 && isLatinLetter(chars[s - 1]) || i < chars.count && isLatinLetter(chars[i]) { return i }
            if n.digits == 4, value == n.value, (1900...2100).contains(n.value.significand), n.value.exponent == 0 {
                result.dates.append(date(s..<i))
                return i
            }
            if i < chars.count, (0x3400...0x9FFF).contains(chars[i].value), approx == .exact, upper == nil, value == n.value {
                return i
            }
        }
        if let trailing = grammar.approxTrailing.match(in: chars, at: i), approx == .exact {
            approx = trailing.value
            i += trailing.length
        }
        var start = s
        if approx == .exact || approx == .over, let before = grammar.approxBefore.matchEnding(in: chars, at: s) {
            approx = before.value
            start = s - before.length
        }
        let quantity = Quantity(
            text: source.originalText(start..<i), span: source.span(start..<i),
            value: value.double, unit: unit, kind: kind, approx: approx, step: step.double,
            upper: upperValue?.double, range: start..<i, family: family, numberStart: s)
        result.quantities.append(quantity)
        return i
    }

    private func date(_ range: Range<Int>) -> DateMention {
        DateMention(text: source.originalText(range), span: source.span(range), range: range)
    }

    /// Whether a unit of time-of-calendar follows: 12月, 20日, 2019年 (four digits only).
    private func isDateAfter(_ n: Numeral) -> Bool {
        if grammar.dateUnits.match(in: chars, at: n.end) != nil {
            // "3个月" is a duration, matched as a unit; "3月" is a month.
            return true
        }
        if grammar.yearWords.match(in: chars, at: n.end) != nil {
            if n.chinese { return n.step.significand == 1 && n.value.significand >= 1900 && n.value.significand <= 2100 }
            return n.digits == 4 && n.value.exponent >= 0
        }
        return false
    }

    private func isoDateEnd(from e: Int) -> Int? {
        guard e < chars.count, "-/.".unicodeScalars.contains(chars[e]) else { return nil }
        let separator = chars[e]
        var i = e + 1
        var parts = 0
        while parts < 2 {
            let start = i
            while i < chars.count, isDigit(chars[i]), i - start < 2 { i += 1 }
            guard i > start else { return nil }
            parts += 1
            if parts < 2 {
                guard i < chars.count, chars[i] == separator else { return nil }
                i += 1
            }
        }
        return i
    }
}
