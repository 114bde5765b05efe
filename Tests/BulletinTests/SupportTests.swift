import Testing
@testable import Bulletin

struct SupportTests {
    @Test func boundaryIsTheFirstIndexPastTheBound() {
        let starts = [0, 4, 4, 9, 15]
        #expect(starts.boundary { $0 > 4 } == 3)
        #expect(starts.boundary { $0 >= 4 } == 1)
        #expect(starts.boundary { $0 > 100 } == 5)
        #expect(starts.boundary { $0 >= 0 } == 0)
        #expect([Int]().boundary { $0 > 0 } == 0)
        // A slice keeps the indices of its base.
        #expect(starts[2...].boundary { $0 > 4 } == 3)
    }

    /// The fast white-space test agrees with Unicode's property on every scalar.
    @Test func isSpaceIsUnicodeWhiteSpace() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.map { String($0, radix: 16) })")
    }

    @Test func characterClasses() {
        #expect("中".unicodeScalars.first?.isHan == true)
        #expect("，".unicodeScalars.first?.isHan == false)
        #expect("，".unicodeScalars.first?.isWide == true)
        #expect("𠀀".unicodeScalars.first?.isHan == true)
        #expect("7".unicodeScalars.first?.isASCIIDigit == true)
        #expect("７".unicodeScalars.first?.isASCIIDigit == false)
        #expect("x".unicodeScalars.first?.isASCIILetter == true)
    }
}
