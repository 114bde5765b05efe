/// Finds every amount in the token stream: Arabic and Chinese numerals with their multipliers,
/// approximation markers and units, while leaving out years, dates, ordinals, list markers,
/// document numbers and names with digits, and whatever the layout found to be an outline marker,
/// a table's row number or boilerplate. One pass over the tokens; each lookup at a position is
/// bounded by the longest grammar phrase.
struct QuantityScanner {
    struct Result {
        var quantities: [Quantity] = []
        var dates: [DateMention] = []
        var diagnostics: [Diagnostic] = []
        /// The end of the last number too long to represent: scanning resumes after it, so no
        /// part of it is read as a smaller number.
        var skipTo = 0
    }

    let source: SourceText
    let grammar: Grammar
    let layout: Layout
    private var chars: [Unicode.Scalar] { source.chars }

    /// A number as written, before units: its value, granularity and extent.
    private struct Numeral {
        var value: ExactNumber
        var step: ExactNumber
        /// The largest value when a digit is unknown (十几 → 19).
        var upper: ExactNumber? = nil
        var start: Int
        var end: Int
        var chinese: Bool
        /// Integer digits written (Arabic), for year detection.
        var digits: Int
        /// Written with a leading zero (0532): a code, never an amount.
        var leadingZero = false
    }

    /// Only tokens that start with one of `Grammar.amountStarts` can give an amount here, so the
    /// extractor tokenizes only those: a new way for an amount to start belongs in that set too
    /// (`TokenizerTests.scannerReadsOnlyTokensAtAmountStarts` fails otherwise).
    func scan(_ tokens: [Token]) -> Result {
        var result = Result()
        var consumed = 0
        for token in tokens {
            let s = token.range.lowerBound
            consumed = max(consumed, result.skipTo)
            guard s >= consumed, token.kind == .number || token.kind == .ideographic || token.kind == .letter else { continue }
            if token.kind == .ideographic, let end = form(at: s, into: &result) {
                consumed = end
                continue
            }
            guard let first = numeral(at: s, result: &result) else { continue }
            if let end = classify(first, into: &result) { consumed = end }
        }
        // Boilerplate and tables' row numbers, as the layout found them, hold no amounts or dates.
        result.quantities.removeAll { layout.isBoilerplate($0.range.lowerBound) || layout.isRowNumber($0.range) }
        result.dates.removeAll { layout.isBoilerplate($0.range.lowerBound) }
        return result
    }

    // MARK: Numbers

    private func numeral(at s: Int, result: inout Result) -> Numeral? {
        guard s < chars.count else { return nil }
        if chars[s].isASCIIDigit {
            guard s == 0 || !chars[s - 1].isASCIIDigit && chars[s - 1] != "." else { return nil }
            var i = s
            var digits = ExactNumber.DigitReader(), integerDigits = 0
            while i < chars.count {
                let c = chars[i]
                if digits.add(c) { integerDigits += 1; i += 1; continue }
                // A thousands separator: ',' followed by exactly three digits.
                if c == ",", (1...3).allSatisfy({ i + $0 < chars.count && chars[i + $0].isASCIIDigit }),
                   i + 4 >= chars.count || !chars[i + 4].isASCIIDigit {
                    i += 1; continue
                }
                break
            }
            if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCIIDigit {
                i += 1
                while i < chars.count, digits.add(chars[i]) { digits.fractionDigits += 1; i += 1 }
            }
            guard let value = digits.value else {
                tooLong(s..<i, into: &result)
                return nil
            }
            return Numeral(value: value, step: ExactNumber(significand: 1, exponent: -digits.fractionDigits),
                           start: s, end: i, chinese: false, digits: integerDigits,
                           leadingZero: integerDigits > 1 && chars[s] == "0" && digits.fractionDigits == 0)
        }
        switch ChineseNumeral.read(chars, at: s, numerals: grammar.numerals, some: grammar.someDigits) {
        case .numeral(let parsed):
            return Numeral(value: parsed.value, step: parsed.step, upper: parsed.upper, start: s, end: parsed.end,
                           chinese: true, digits: 0)
        case .tooLong(let end):
            tooLong(s..<end, into: &result)
            return nil
        case nil:
            return nil
        }
    }

    /// Reports a number that does not fit (more than 18 digits) once, and skips past it.
    private func tooLong(_ range: Range<Int>, into result: inout Result) {
        guard range.lowerBound >= result.skipTo else { return }
        result.diagnostics.append(Diagnostic(
            severity: .warning,
            message: "number \(source.originalText(range).prefix(40))… has too many digits to represent; left out of quantities",
            span: source.span(range)))
        result.skipTo = range.upperBound
    }

    /// Fixed phrases (百分百, 翻一番) and numerals after a unit prefix (百分之三十, 千分之三).
    private func form(at s: Int, into result: inout Result) -> Int? {
        if let word = grammar.fixedWords.match(in: chars, at: s), let value = word.value.value {
            let end = s + word.length
            let step = ExactNumber(significand: 1, exponent: max(0, value.exponent))
            append(start: s, end: end, value: value.double, step: step.double, upper: nil, approx: .exact,
                   unit: word.value.unit, numberStart: s, into: &result)
            return end
        }
        guard let prefix = grammar.unitPrefixes.match(in: chars, at: s),
              var n = numeral(at: s + prefix.length, result: &result) else { return nil }
        let unit = prefix.value.unit
        if let scaled = n.value.multiplied(by: unit.scale), let step = n.step.multiplied(by: unit.scale) {
            n.value = scaled
            n.step = step
        }
        var end = n.end
        var approx: Approximation = n.upper == nil ? .exact : .range
        if approx == .exact, let trailing = grammar.approxTrailing.match(in: chars, at: end) {
            approx = trailing.value
            end += trailing.length
        }
        var start = s
        if approx == .exact, let before = grammar.approxBefore.matchEnding(in: chars, at: s) {
            approx = before.value
            start = s - before.length
        }
        append(start: start, end: end, value: n.value.double, step: n.step.double, upper: n.upper?.double,
               approx: approx, unit: unit, numberStart: s, into: &result)
        return end
    }

    private func append(start: Int, end: Int, value: Double, step: Double, upper: Double?, approx: Approximation,
                        unit: Grammar.UnitEntry?, numberStart: Int, into result: inout Result) {
        // 三年行动计划, 五年规划: the name of a programme, not an amount.
        if unit != nil, grammar.nameFollowers.match(in: chars, at: end) != nil { return }
        result.quantities.append(Quantity(
            text: source.originalText(start..<end), span: source.span(start..<end),
            value: value, names: unit?.names ?? .noUnit, approx: approx, step: step,
            upper: upper, range: start..<end, numberStart: numberStart))
    }


    // MARK: Classification

    /// Decides what the number at `n` is and records it; returns where scanning resumes.
    private func classify(_ n: Numeral, into result: inout Result) -> Int? {
        if let end = nonAmount(n, into: &result) { return end }
        var r = Reading(low: n, high: n.upper.map { var h = n; h.value = $0; return h }, i: afterGap(n.end),
                        approx: n.upper == nil ? .exact : .range)
        if case .done(let end) = multiplierAndRange(n, &r, into: &result) { return end }
        if case .done(let end) = unitAndRange(n, &r, into: &result) { return end }
        return finish(n, r, into: &result)
    }

    /// An amount as it is read, step by step: its low end (with multipliers), its high end for a
    /// range, its approximation, whether a multiplier applied, where reading stands and the unit.
    private struct Reading {
        var low: Numeral
        var high: Numeral?
        var i: Int
        var approx: Approximation
        var multiplied = false
        var unit: Grammar.UnitEntry? = nil
    }

    /// What a step of reading leaves: the number is read (scanning resumes at the position, or
    /// right after the token for nil), or reading goes on.
    private enum Step {
        case done(Int?)
        case next
    }

    /// What the number is when it is no plain amount: an outline marker (as the layout found it),
    /// an ordinal (第十一届), a document code (〔2006〕275号), a time, a phone number or code, a name
    /// with digits (COVID-19), a date, a fraction. Where scanning resumes, or nil for an amount.
    private func nonAmount(_ n: Numeral, into result: inout Result) -> Int? {
        let s = n.start
        let e = n.end
        if let marker = layout.marker(containing: s) { return marker.end }
        if grammar.ordinalPrefixes.matchEnding(in: chars, at: s) != nil { return e }
        if grammar.openBrackets.matchEnding(in: chars, at: s) != nil { return e }
        if s > 0, grammar.closeBrackets.contains(chars[s - 1]), grammar.docNumberEnds.match(in: chars, at: e) != nil { return e + 1 }
        if !n.chinese {
            // Times of day (09:44).
            if e + 1 < chars.count, grammar.timeSeparators.contains(chars[e]), chars[e + 1].isASCIIDigit {
                return skipDigits(from: e, also: grammar.timeSeparators)
            }
            // Phone numbers and codes (电话:0532-85912345, 0532), names like COVID-19.
            if n.leadingZero || isAfterPhoneCue(s) { return skipDigits(from: e, also: grammar.dateSeparators.union([" "])) }
            if s > 1, chars[s - 1] == "-", chars[s - 2].isASCIILetter { return e }
            // ISO-like dates (2019-12-12, 2019.12.12, 2019/12/12).
            if n.digits == 4, n.value.exponent == -2, e + 1 < chars.count, chars[e] == ".", chars[e + 1].isASCIIDigit {
                let end = skipDigits(from: e + 1, also: [])  // 2019.12.12, read as 2019.12 and .12
                result.dates.append(date(s..<end))
                return end
            }
            if n.value.exponent >= 0, n.digits <= 4, let end = isoDateEnd(from: e, yearFirst: n.digits == 4) {
                result.dates.append(date(s..<end))
                return end
            }
        }
        // Fractions: 三分之一, 1/3.
        return fraction(n, into: &result)
    }

    /// A multiplier (3.35万, 1万2千, 4800余万), a range (2—3个, 1.2—1.5万人) or a date after the number.
    private func multiplierAndRange(_ n: Numeral, _ r: inout Reading, into result: inout Result) -> Step {
        if let after = grammar.approxAfter.match(in: chars, at: r.i), grammar.multipliers.match(in: chars, at: r.i + after.length) != nil {
            r.approx = after.value  // 4800余万平方米
            r.i += after.length
        }
        switch multiply(&r.low, at: &r.i, result: &result) {
        case .tooLarge(let end): return .done(end)
        case .applied: r.multiplied = true
        case .none: break
        }
        if r.approx == .exact, let connector = grammar.rangeConnectors.match(in: chars, at: r.i),
           var second = numeral(at: r.i + connector.length, result: &result), second.chinese == n.chinese, !second.leadingZero {
            if !r.multiplied, isDateAfter(second) {
                let end = second.end + (grammar.dateUnits.match(in: chars, at: second.end)?.length ?? 0)
                result.dates.append(date(n.start..<end))
                return .done(end)
            }
            var j = second.end
            let before = second
            switch multiply(&second, at: &j, result: &result) {
            case .tooLarge(let end): return .done(end)
            case .applied:
                // 1.2—1.5万人: the multiplier of the upper end applies to both.
                if !r.multiplied, let factor = factor(from: before.value, to: second.value) {
                    _ = multiply(&r.low, by: factor)
                }
            case .none: break
            }
            if second.value.double > r.low.value.double {
                r.high = second
                r.i = j
                r.approx = .range
            }
        }
        if r.approx == .exact, !r.multiplied, isDateAfter(n) {
            let at = afterGap(n.end)
            let unitLength = grammar.dateUnits.match(in: chars, at: at)?.length ?? grammar.yearWords.match(in: chars, at: at)?.length ?? 0
            result.dates.append(date(n.start..<at + unitLength))
            return .done(at + unitLength)
        }
        return .next
    }

    /// The unit (compound: 元/人/年; its scale applied), 余/多 before it (8000余辆), and a range with
    /// the unit on both ends (10%-15%, 1.2万人—1.5万人).
    private func unitAndRange(_ n: Numeral, _ r: inout Reading, into result: inout Result) -> Step {
        if r.approx == .exact, let after = grammar.approxAfter.match(in: chars, at: r.i),
           grammar.units.match(in: chars, at: r.i + after.length) != nil {
            // 余/多 only count when a unit follows (8000余辆, 20多个).
            r.approx = after.value
            r.i += after.length
        }
        // One space may stand between number and unit in text converted from PDF (49 项).
        let i = r.i
        let unitAt = i + 1 < chars.count && chars[i] == " " && grammar.units.match(in: chars, at: i + 1) != nil ? i + 1 : i
        guard let u = grammar.units.match(in: chars, at: unitAt) else { return .next }
        var entry = u.value
        r.i = unitAt + u.length
        while r.i + 1 < chars.count, chars[r.i] == "/", let next = grammar.units.match(in: chars, at: r.i + 1) {
            entry = Grammar.UnitEntry(canonical: entry.canonical + "/" + next.value.canonical, kind: "rate",
                                      family: entry.family + "/" + next.value.family, scale: entry.scale)
            r.i += 1 + next.length
        }
        if entry.scale != 1 {
            _ = multiply(&r.low, by: entry.scale)
            if var h = r.high { _ = multiply(&h, by: entry.scale); r.high = h }
        }
        r.unit = entry
        if r.approx == .exact, r.high == nil, let connector = grammar.rangeConnectors.match(in: chars, at: r.i),
           var second = numeral(at: r.i + connector.length, result: &result), second.chinese == n.chinese {
            var j = second.end
            if case .tooLarge = multiply(&second, at: &j, result: &result) { return .done(j) }
            if let again = grammar.units.match(in: chars, at: j), again.value.canonical == entry.canonical,
               (r.multiplied || second.value.double > n.value.double) {
                if entry.scale != 1 { _ = multiply(&second, by: entry.scale) }
                if second.value.double > r.low.value.double {
                    r.high = second
                    r.approx = .range
                    r.i = j + again.length
                }
            }
        }
        return .next
    }

    /// Records the amount, unless a number without a unit is a word, a name or a year; trailing
    /// and leading approximation markers (左右, 约) are taken in.
    private func finish(_ n: Numeral, _ reading: Reading, into result: inout Result) -> Int? {
        var r = reading
        let s = n.start
        if r.unit == nil {
            // A Chinese numeral needs a unit to be an amount (两件); otherwise it is a word (一方面, 统一).
            if n.chinese { return nil }
            // Names with digits (G20, 5G, 9F, 58中, 500强) and bare years (2021国际). A number without
            // a unit counts only where it stands alone, as in a table cell (2 5 1 2 10).
            if s > 0 && chars[s - 1].isASCIILetter || r.i < chars.count && chars[r.i].isASCIILetter { return r.i }
            if n.digits == 4, !r.multiplied, r.high == nil, (1900...2100).contains(n.value.significand), n.value.exponent == 0 {
                result.dates.append(date(s..<r.i))
                return r.i
            }
            if r.i < chars.count, (0x3400...0x9FFF).contains(chars[r.i].value), r.approx == .exact, r.high == nil, !r.multiplied {
                return r.i
            }
        }
        if r.approx == .exact, let trailing = grammar.approxTrailing.match(in: chars, at: r.i) {
            r.approx = trailing.value
            r.i += trailing.length
        }
        var start = s
        if r.approx == .exact || r.approx == .over, let before = grammar.approxBefore.matchEnding(in: chars, at: s) {
            r.approx = before.value
            start = s - before.length
        }
        append(start: start, end: r.i, value: r.low.value.double, step: r.low.step.double, upper: r.high?.value.double,
               approx: r.approx, unit: r.unit, numberStart: s, into: &result)
        return r.i
    }

    private enum Multiplied { case none, applied, tooLarge(end: Int) }

    /// Applies the multiplier after a number (3.35万) and a smaller part after it (1万2千,
    /// 3亿5000万), unless the characters read better as a unit (5千瓦 is 5 kW, not 5000 瓦).
    private func multiply(_ n: inout Numeral, at i: inout Int, result: inout Result) -> Multiplied {
        guard let mult = grammar.multipliers.match(in: chars, at: i) else { return .none }
        let direct = grammar.units.match(in: chars, at: i)?.length ?? 0
        let afterMult = i + mult.length
        let unitAfter = grammar.units.match(in: chars, at: afterMult)?.length ?? 0
        let wins = mult.length + unitAfter > direct || grammar.approxAfter.match(in: chars, at: afterMult) != nil
            || grammar.rangeConnectors.match(in: chars, at: afterMult) != nil
        guard wins else { return .none }
        guard multiply(&n, by: mult.value) else {
            result.diagnostics.append(Diagnostic(severity: .warning,
                message: "amount \(source.originalText(n.start..<afterMult)) is too large to represent; left out of quantities",
                span: source.span(n.start..<afterMult)))
            return .tooLarge(end: afterMult)
        }
        i = afterMult
        // 1万2千: an integer and a smaller multiplier right after.
        if !n.chinese, i < chars.count, chars[i].isASCIIDigit {
            var j = i
            var digits = ""
            while j < chars.count, chars[j].isASCIIDigit, digits.count < 18 { digits.unicodeScalars.append(chars[j]); j += 1 }
            if let part = Int64(digits), let smaller = grammar.multipliers.match(in: chars, at: j), smaller.value < mult.value,
               let value = ExactNumber(significand: part, exponent: 0).multiplied(by: smaller.value),
               let sum = add(n.value, value) {
                n.value = sum
                n.step = ExactNumber(significand: 1, exponent: 0).multiplied(by: smaller.value) ?? n.step
                i = j + smaller.length
            }
        }
        return .applied
    }

    private func multiply(_ n: inout Numeral, by factor: Int64) -> Bool {
        guard let v = n.value.multiplied(by: factor), let st = n.step.multiplied(by: factor) else { return false }
        n.value = v
        n.step = st
        n.upper = n.upper.flatMap { $0.multiplied(by: factor) }
        return true
    }

    /// The integer factor that turns `a` into `b` (1.5 → 15000: 10000), if there is one.
    private func factor(from a: ExactNumber, to b: ExactNumber) -> Int64? {
        guard a.significand != 0, b.significand % a.significand == 0 else { return nil }
        let ratio = b.significand / a.significand
        let shift = b.exponent - a.exponent
        guard shift >= 0, shift < 19 else { return nil }
        let (f, overflow) = ratio.multipliedReportingOverflow(by: ExactNumber.pow10(shift))
        return overflow || f <= 1 ? nil : f
    }

    private func add(_ a: ExactNumber, _ b: ExactNumber) -> ExactNumber? {
        let exponent = min(a.exponent, b.exponent)
        let (x, o1) = a.significand.multipliedReportingOverflow(by: ExactNumber.pow10(a.exponent - exponent))
        let (y, o2) = b.significand.multipliedReportingOverflow(by: ExactNumber.pow10(b.exponent - exponent))
        let (sum, o3) = x.addingReportingOverflow(y)
        return o1 || o2 || o3 ? nil : ExactNumber(significand: sum, exponent: exponent).reduced()
    }

    /// 三分之一 and 1/3: the denominator, a fraction word, the numerator.
    private func fraction(_ denominatorOrNumerator: Numeral, into result: inout Result) -> Int? {
        let n = denominatorOrNumerator
        var value: Double
        var end: Int
        var unit: Grammar.UnitEntry
        if let word = grammar.fractionWords.match(in: chars, at: n.end),
           let numerator = numeral(at: n.end + word.length, result: &result), numerator.chinese == n.chinese, n.value.significand != 0 {
            value = numerator.value.double / n.value.double
            end = numerator.end
            unit = word.value
        } else if !n.chinese, n.value.exponent == 0, let slash = grammar.fractionSlashes.match(in: chars, at: n.end),
                  n.end + slash.length < chars.count, chars[n.end + slash.length].isASCIIDigit,
                  let denominator = numeral(at: n.end + slash.length, result: &result), denominator.value.exponent == 0,
                  denominator.value.significand != 0,
                  !(denominator.end < chars.count && (chars[denominator.end] == "/" || chars[denominator.end] == "-")) {
            value = n.value.double / denominator.value.double
            end = denominator.end
            unit = slash.value
        } else {
            return nil
        }
        value = (value * 1e6).rounded() / 1e6
        var approx = Approximation.exact
        if let trailing = grammar.approxTrailing.match(in: chars, at: end) {
            approx = trailing.value
            end += trailing.length
        }
        var start = n.start
        if approx == .exact, let before = grammar.approxBefore.matchEnding(in: chars, at: start) {
            approx = before.value
            start -= before.length
        }
        append(start: start, end: end, value: value, step: 0, upper: nil, approx: approx, unit: unit,
               numberStart: n.start, into: &result)
        return end
    }

    /// Whether a phone cue (电话, 热线) stands right before `s` on its line, allowing ':' and spaces
    /// between.
    private func isAfterPhoneCue(_ s: Int) -> Bool {
        let floor = layout.lineStart(of: s)
        var p = s
        while p > floor, grammar.clauseEnds.contains(chars[p - 1]) || chars[p - 1] == " " { p -= 1 }
        return grammar.phoneCues.matchEnding(in: chars, at: p, floor: floor) != nil
    }

    /// The end of a run of digits and the given separators starting at `from`.
    private func skipDigits(from: Int, also extra: ScalarSet) -> Int {
        var j = from
        while j < chars.count, chars[j].isASCIIDigit || (extra.contains(chars[j]) && j + 1 < chars.count && chars[j + 1].isASCIIDigit) { j += 1 }
        return j
    }

    private func date(_ range: Range<Int>) -> DateMention {
        DateMention(text: source.originalText(range), span: source.span(range), range: range)
    }

    /// Whether a unit of time-of-calendar follows: 12月, 20日, 2019年 (four digits only).
    private func isDateAfter(_ n: Numeral) -> Bool {
        let end = afterGap(n.end)
        if grammar.dateUnits.match(in: chars, at: end) != nil {
            // "3个月" is a duration, matched as a unit; "3月" is a month.
            return true
        }
        if grammar.yearWords.match(in: chars, at: end) != nil {
            if n.chinese { return n.step.significand == 1 && n.value.significand >= 1900 && n.value.significand <= 2100 }
            return n.digits == 4 && n.value.exponent >= 0
        }
        return false
    }

    /// Text converted from PDF puts a space between digits and Chinese ("12 万人", "2021 年"): where
    /// one space stands before a multiplier, unit, date word or marker, read past it.
    private func afterGap(_ e: Int) -> Int {
        guard e + 1 < chars.count, chars[e] == " ", chars[e + 1].value > 0x2E80 else { return e }
        let next = e + 1
        let known = grammar.multipliers.match(in: chars, at: next) != nil || grammar.units.match(in: chars, at: next) != nil
            || grammar.dateUnits.match(in: chars, at: next) != nil || grammar.yearWords.match(in: chars, at: next) != nil
            || grammar.approxAfter.match(in: chars, at: next) != nil || grammar.approxTrailing.match(in: chars, at: next) != nil
        return known ? next : e
    }

    /// The end of a date written with separators: 2019-12-12, 2019.12.12, 2019/12/12 (year first),
    /// or 12/20/2019 and 20-12-2019 (year last; '.' only year first).
    private func isoDateEnd(from e: Int, yearFirst: Bool) -> Int? {
        guard e < chars.count, grammar.dateSeparators.contains(chars[e]) || (yearFirst && chars[e] == ".") else { return nil }
        let separator = chars[e]
        var i = e + 1
        var parts = 0
        while parts < 2 {
            let start = i
            let width = parts == 1 && !yearFirst ? 4 : 2
            while i < chars.count, chars[i].isASCIIDigit, i - start < width { i += 1 }
            if parts == 1 && !yearFirst && i - start != 4 { return nil }
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
