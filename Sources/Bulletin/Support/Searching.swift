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

    /// Unicode's White_Space property (`properties.isWhitespace`) without the property lookup,
    /// for the hot loops: tab to carriage return, space, U+0085, no-break space, U+1680,
    /// U+2000–U+200A, the line and paragraph separators, U+202F, U+205F and the ideographic space.
    @inline(__always)
    var isSpace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// 0–9.
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A–Z, a–z.
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}

extension String {
    /// The string of `scalars`, encoded straight into the string's storage (appending scalars to a
    /// `String.UnicodeScalarView` one by one is several times slower). The storage is sized to
    /// the exact UTF-8 length: a string asks for the capacity it is given, and up to 15 bytes it
    /// then needs no storage of its own at all.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }
}
