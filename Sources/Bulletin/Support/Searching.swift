/// Binary search and character classes that every stage uses.

extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isPast` holds, in a collection where every element
    /// that satisfies it comes after every one that does not (elements sorted by a position, and
    /// `isPast` comparing that position with a bound); `endIndex` if none does.
    func boundary(where isPast: (Element) -> Bool) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if isPast(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

extension Unicode.Scalar {
    /// A CJK ideograph: the unified blocks, extension A, the compatibility block and the
    /// supplementary planes.
    var isHan: Bool {
        (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x20000...0x3FFFF).contains(value)
    }

    /// Set two columns wide in a monospaced rendering (East Asian Wide and Fullwidth): Chinese
    /// characters, their punctuation and fullwidth forms.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    /// 0–9.
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A–Z, a–z.
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}
