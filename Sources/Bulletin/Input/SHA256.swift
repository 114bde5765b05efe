import CSHA256

/// SHA-256 (FIPS 180-4), used to fingerprint each input in the output's `source.sha256`.
/// Whole blocks are read straight from the input, so a 100 MB file is not copied. Where the
/// processor has the x86 SHA extensions the blocks go through them (`CSHA256`), else through
/// `compress` here; a test compares the two.
enum SHA256 {
    static let accelerated = bulletin_sha256_accelerated() != 0

    /// The round constants, from `CSHA256` (which the accelerated path reads too).
    private static let k: [UInt32] = withUnsafeBytes(of: bulletin_sha256_round_constants) { Array($0.bindMemory(to: UInt32.self)) }

    static func hex(_ bytes: [UInt8]) -> String { hex(bytes, accelerated: accelerated) }

    /// `accelerated`: through the SHA extensions where `SHA256.accelerated` (else portably either way).
    static func hex(_ bytes: [UInt8], accelerated: Bool) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var w = [UInt32](repeating: 0, count: 64)
        func blocks(_ data: UnsafeBufferPointer<UInt8>, count: Int) {
            if accelerated, Self.accelerated, let base = data.baseAddress, count > 0 {
                h.withUnsafeMutableBufferPointer { bulletin_sha256_blocks($0.baseAddress, base, count / 64) }
                return
            }
            var offset = 0
            while offset < count {
                compress(UnsafeBufferPointer(rebasing: data[offset..<offset + 64]), &h, &w)
                offset += 64
            }
        }
        let whole = bytes.count / 64 * 64
        bytes.withUnsafeBufferPointer { blocks($0, count: whole) }
        // The last partial block, 0x80, zeros, and the length in bits: one or two blocks.
        var tail = Array(bytes[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { blocks($0, count: $0.count) }
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for word in h {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One 64-byte block into the state `h`; `w` is scratch space for the message schedule.
    private static func compress(_ block: UnsafeBufferPointer<UInt8>, _ h: inout [UInt32], _ w: inout [UInt32]) {
        w.withUnsafeMutableBufferPointer { w in k.withUnsafeBufferPointer { k in compress(block, &h, w, k) } }
    }

    /// `compress` on the schedule and the round constants in place (no bounds checks: `w` and `k`
    /// hold 64 words, `block` 64 bytes).
    private static func compress(_ block: UnsafeBufferPointer<UInt8>, _ h: inout [UInt32], _ w: UnsafeMutableBufferPointer<UInt32>,
                                 _ k: UnsafeBufferPointer<UInt32>) {
        precondition(block.count == 64 && w.count == 64 && k.count == 64)
        let w = w.baseAddress!, k = k.baseAddress!, block = block.baseAddress!
        for i in 0..<16 {
            let b = i * 4
            w[i] = UInt32(block[b]) << 24 | UInt32(block[b + 1]) << 16 | UInt32(block[b + 2]) << 8 | UInt32(block[b + 3])
        }
        for i in 16..<64 {
            let x = w[i - 15], y = w[i - 2]
            let s0 = (x >> 7 | x << 25) ^ (x >> 18 | x << 14) ^ (x >> 3)
            let s1 = (y >> 17 | y << 15) ^ (y >> 19 | y << 13) ^ (y >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        for i in 0..<64 {
            let s1 = (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = (a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
        h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }
}
