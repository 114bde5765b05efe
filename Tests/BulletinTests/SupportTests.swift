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

/// `OffsetMap` reads back what an array of offsets holds, whatever its runs.
struct OffsetMapTests {
    /// Offsets as normalising and reflowing make them: steps of one, jumps (dropped characters) and
    /// repeats (one character normalised to several), from fixed seeds.
    static func offsets(seed: UInt64, count: Int) -> [Int] {
        var rng = seed
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        var out: [Int] = []
        var o = Int(next() % 3)
        for _ in 0..<count {
            out.append(o)
            switch next() % 10 {
            case 0: o += 2 + Int(next() % 5)   // a jump
            case 1: break                      // a repeat
            default: o += 1
            }
        }
        return out
    }

    @Test(arguments: [(1, 0), (2, 1), (3, 2), (4, 50), (5, 2000)])
    func readsBackEveryOffset(seed: UInt64, count: Int) {
        let offsets = Self.offsets(seed: seed, count: count)
        var map = OffsetMap()
        for o in offsets { map.append(o) }
        #expect(map.count == offsets.count)
        #expect(offsets.indices.allSatisfy { map[$0] == offsets[$0] })
        var reader = OffsetMap.Reader(map)
        #expect(offsets.indices.allSatisfy { reader.offset($0) == offsets[$0] })
        // Starting midway and skipping ahead, as the row-table reader does line by line.
        var skipping = OffsetMap.Reader(map)
        #expect(stride(from: offsets.count / 2, to: offsets.count, by: 7).allSatisfy { skipping.offset($0) == offsets[$0] })
        // Stretches copied a run at a time make the map that copying them entry by entry makes.
        var copied = OffsetMap(), oneByOne = OffsetMap()
        var cut = 0
        while cut < offsets.count {
            let end = min(offsets.count, cut + 1 + (cut * 7919) % 37)
            copied.append(from: map, cut..<end)
            for k in cut..<end { oneByOne.append(map[k]) }
            cut = end + (cut % 3 == 0 ? 1 : 0)  // now and then an entry left out
        }
        #expect(copied == oneByOne && copied.runCount == oneByOne.runCount)
        // The first index at or past each original offset, as a search of the array finds it.
        for x in -1...((offsets.last ?? 0) + 2) {
            #expect(map.firstIndex(atLeast: x) == offsets.boundary { $0 >= x }, "at \(x)")
        }
    }

    @Test func oneRunForTextThatStepsByOne() {
        var map = OffsetMap()
        for o in 5..<100_005 { map.append(o) }
        #expect(map.runCount == 1)
        #expect(map[99_999] == 100_004)
        #expect(map.firstIndex(atLeast: 100_004) == 99_999)
        #expect(map.firstIndex(atLeast: 100_005) == 100_000)
    }
}

/// `SortedPositions` finds what a binary search of the whole array finds, for positions dense and
/// sparse (gaps of many pages), repeated, and at both ends.
struct SortedPositionsTests {
    @Test(arguments: [(1, 0, 1), (2, 1, 1), (3, 300, 3), (4, 3000, 1), (5, 400, 2000)])
    func searchesAsTheArrayDoes(seed: UInt64, count: Int, gap: Int) {
        var rng = seed
        func next() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int(rng >> 33) }
        var values: [Int32] = []
        var v = next() % 3
        for _ in 0..<count {
            values.append(Int32(v))
            v += next() % 4 == 0 ? 0 : 1 + next() % gap
        }
        let limit = Int(values.last ?? 0) + next() % 600
        let positions = SortedPositions(values)
        #expect(positions.count == values.count)
        for p in -2...(limit + 300) {
            #expect(positions.firstIndex(atLeast: p) == values.boundary { Int($0) >= p }, "at \(p)")
        }
    }
}

/// `ScalarSet` holds what a `Set` of the same scalars holds, in the basic plane and beyond it.
struct ScalarSetTests {
    @Test func matchesSet() {
        let members: [Unicode.Scalar] = ["\n", "。", "、", "0", "\u{FFFF}", "\u{10000}", "𠀀", "a", "\u{3F}", "\u{40}"]
        let set = ScalarSet(members)
        let reference = Set(members)
        #expect(set.count == reference.count)
        for value in UInt32(0)...0x20100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(set.contains(scalar) == reference.contains(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(Array(set) == reference.sorted { $0.value < $1.value })
        let more = set.union(["b", "𠀁", "a"])
        #expect(more.count == reference.count + 2 && more.contains("b") && more.contains("𠀁") && !set.contains("b"))
        #expect(ScalarSet().isEmpty && !set.isEmpty)
    }
}

/// `ExactNumber.double` takes a shortcut where one IEEE operation rounds correctly; it gives the
/// Double that parsing the decimal text gives, inside the shortcut's bounds and at them.
struct ExactNumberTests {
    @Test func doubleIsTheParsedDecimal() {
        var generator = SystemRandomNumberGenerator()
        var cases: [(Int64, Int)] = [(0, 0), (1, -1), (1044, -1), (29245, 0), (335, -2), (1 << 53, 22), (1 << 53, -22),
                                     ((1 << 53) + 1, -3), (-7, -22), (999_999_999_999_999_999, -18), (1, 23), (3, -23)]
        for _ in 0..<20000 {
            let digits = Int.random(in: 1...18, using: &generator)
            var significand = Int64.random(in: 0..<ExactNumber.pow10(digits), using: &generator)
            if Bool.random(using: &generator) { significand = -significand }
            cases.append((significand, Int.random(in: -25...25, using: &generator)))
        }
        for (significand, exponent) in cases {
            let parsed = Double("\(significand)e\(exponent)")!
            #expect(ExactNumber(significand: significand, exponent: exponent).double == parsed, "\(significand)e\(exponent)")
        }
    }
}

/// `FirstOccurrenceScan` finds what `PhraseTrie.firstOccurrence` finds for ranges that grow at the end, and
/// starts afresh for a range with another start.
struct FirstOccurrenceScanTests {
    @Test(arguments: corpusTexts())
    func findsTheFirstOccurrence(_ path: String) throws {
        let chars = try SourceText(bytes: packageFile(path), path: path).chars
        let phrases = Grammar.builtIn.comparisonCues
        var cue = FirstOccurrenceScan(phrases: phrases)
        var start = 0
        var generator = SystemRandomNumberGenerator()
        while start < chars.count {
            var end = start
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                end = min(chars.count, end + Int.random(in: 0...40, using: &generator))
                #expect(cue.first(in: chars, range: start..<end) == phrases.firstOccurrence(in: chars, range: start..<end)?.start,
                        "\(path) \(start)..<\(end)")
            }
            start = end + Int.random(in: 0...3, using: &generator)
        }
    }
}

/// A `PhraseTrie` made from its phrases at once walks flat arrays of children (`TrieNodes.freeze`);
/// one grown phrase by phrase walks its dictionaries. Both find the same phrases everywhere.
struct PhraseTrieTests {
    @Test func frozenMatchesGrown() throws {
        let path = "Corpus/qingdao-2019-11-shishi.txt"
        let chars = try SourceText(bytes: packageFile(path), path: path).chars
        var generator = SystemRandomNumberGenerator()
        var entries: [(String, Int)] = []
        for k in 0..<300 {
            let start = Int.random(in: 0..<(chars.count - 5), using: &generator)
            entries.append((String(String.UnicodeScalarView(chars[start..<start + Int.random(in: 1...4, using: &generator)])), k))
        }
        let frozen = PhraseTrie(entries)
        var grown = PhraseTrie<Int>()
        for (phrase, value) in entries { grown.insert(phrase, value) }
        var found = 0
        for i in 0...chars.count {
            let a = frozen.match(in: chars, at: i), b = grown.match(in: chars, at: i)
            #expect(a?.length == b?.length && a?.value == b?.value, "at \(i)")
            let c = frozen.matchEnding(in: chars, at: i), d = grown.matchEnding(in: chars, at: i)
            #expect(c?.length == d?.length && c?.value == d?.value, "ending at \(i)")
            if a != nil { found += 1 }
        }
        #expect(found > 300)
    }
}

/// SHA-256 through the x86 SHA extensions gives the portable code's digest for every length up to
/// four blocks and for large inputs; both give the standard's digests of its examples.
struct SHA256Tests {
    @Test func acceleratedAndPortableAgree() throws {
        let abc = Array("abc".utf8), two = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        for accelerated in SHA256.accelerated ? [false, true] : [false] {
            #expect(SHA256.hex(abc, accelerated: accelerated) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            #expect(SHA256.hex(two, accelerated: accelerated) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
            #expect(SHA256.hex([], accelerated: accelerated) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        }
        // (A processor without the SHA extensions runs the portable code only: nothing to compare.)
        guard SHA256.accelerated else { return }
        var rng: UInt64 = 11
        func next() -> UInt8 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return UInt8(truncatingIfNeeded: rng >> 33) }
        let data = (0..<1_000_003).map { _ in next() }
        for length in Array(0...260) + [4096, 65_537, 1_000_003] {
            let bytes = Array(data[..<length])
            #expect(SHA256.hex(bytes, accelerated: true) == SHA256.hex(bytes, accelerated: false), "\(length) bytes")
        }
    }
}
