import CZlibBulletin

/// The parts of a ZIP archive (a .docx or .xlsx), read from its central directory and inflated
/// with zlib, within fixed bounds: at most `maximumEntries` entries, no part larger than
/// `maximumPartBytes` as declared, and inflation stopped one byte past the declared size, so a
/// zip bomb, a header that understates its size or a stream cut short ends in an error after a
/// bounded amount of work and memory. CRCs are checked (except in the fuzz build).
///
/// (ZIPFoundation's Linux reader inflates until the stream ends, which never happens on a deflate
/// stream cut short, and allocates a symbolic link's declared size; hence this reader.)
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let headerOffset: Int
    }

    static let maximumEntries = 10_000
    /// The largest part inflated: 64 MiB of XML is a sheet of a few hundred thousand cells.
    static let maximumPartBytes = 64 << 20

    private let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    /// The directory of `bytes`; throws when there is none or it is damaged.
    init(_ bytes: [UInt8]) throws(DocumentError) {
        self.bytes = bytes
        guard let end = endOfDirectory() else { throw DocumentError("the ZIP archive has no central directory: the file is truncated or damaged") }
        let count = Int(u16(end + 10)), size = Int(u32(end + 12)), offset = Int(u32(end + 16))
        guard count <= Self.maximumEntries else { throw DocumentError("the ZIP archive lists \(count) files, more than \(Self.maximumEntries)") }
        guard offset <= end, size <= end - offset else { throw DocumentError("the ZIP archive's directory lies outside the file: the file is truncated or damaged") }
        var at = offset
        for _ in 0..<count {
            let entry = try self.entry(at: at, limit: offset + size)
            if entries[entry.name] == nil { entries[entry.name] = entry }
            at += 46 + Int(u16(at + 28)) + Int(u16(at + 30)) + Int(u16(at + 32))
        }
    }

    /// The inflated bytes of the part `name`, or nil when the archive has none.
    func part(_ name: String) throws(DocumentError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard entry.flags & 1 == 0 else { throw DocumentError("the part \(name) is encrypted") }
        guard entry.size <= Self.maximumPartBytes else {
            throw DocumentError("the part \(name) would inflate to \(entry.size) bytes, more than the \(Self.maximumPartBytes >> 20) MiB read (a zip bomb?)")
        }
        let h = entry.headerOffset
        guard h <= bytes.count - 30, u32(h) == 0x0403_4B50 else { throw DocumentError("the part \(name) has no local header: the file is damaged") }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw DocumentError("the part \(name) runs past the end of the file: the file is truncated")
        }
        let data = bytes[start..<(start + entry.compressedSize)]
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard data.count == entry.size else { throw DocumentError("the part \(name) is damaged (stored size differs)") }
            out = Array(data)
        case 8: out = try Self.inflate(data, size: entry.size, name: name)
        default: throw DocumentError("the part \(name) uses ZIP compression method \(entry.method), not deflate (an encrypted or unusual archive)")
        }
        #if !BULLETIN_FUZZ  // the fuzz build lets mutated XML in stored parts through to the XML readers
        guard Self.crc32(out) == entry.crc else { throw DocumentError("the part \(name) fails its CRC check: the file is damaged") }
        #endif
        return out
    }

    // MARK: Directory

    /// The offset of the end-of-central-directory record, searched in the last 64 KiB.
    private func endOfDirectory() -> Int? {
        guard bytes.count >= 22 else { return nil }
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while at >= lowest {
            if bytes[at] == 0x50, u32(at) == 0x0605_4B50 { return at }
            at -= 1
        }
        return nil
    }

    private func entry(at: Int, limit: Int) throws(DocumentError) -> Entry {
        guard at <= limit - 46, u32(at) == 0x0201_4B50 else { throw DocumentError("the ZIP archive's directory is damaged") }
        let nameLength = Int(u16(at + 28))
        guard at + 46 + nameLength <= limit else { throw DocumentError("the ZIP archive's directory is damaged") }
        let compressed = u32(at + 20), size = u32(at + 24), offset = u32(at + 42)
        guard compressed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw DocumentError("the ZIP archive uses ZIP64 sizes, which bulletin does not read")
        }
        return Entry(name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                     method: u16(at + 10), flags: u16(at + 8), crc: u32(at + 16),
                     compressedSize: Int(compressed), size: Int(size), headerOffset: Int(offset))
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }

    // MARK: zlib

    /// Raw deflate data inflated into a buffer one byte larger than `size`: filling it means the
    /// header understated the size.
    private static func inflate(_ data: ArraySlice<UInt8>, size: Int, name: String) throws(DocumentError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DocumentError("zlib could not start inflating \(name)")
        }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: size + 1)
        let result = data.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                return zlibInflate(&stream, Z_FINISH)
            }
        }
        let produced = out.count - Int(stream.avail_out)
        if produced > size { throw DocumentError("the part \(name) inflates to more than its declared \(size) bytes (a zip bomb?)") }
        guard result == Z_STREAM_END, produced == size else {
            throw DocumentError("the part \(name) is cut short or damaged (deflate data ends early or is invalid)")
        }
        out.removeLast()
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlibBulletin.crc32(0, $0.baseAddress, UInt32($0.count))) }
    }
}

/// zlib's `inflate`, under a name that does not clash with `ZipArchive.inflate`.
private func zlibInflate(_ stream: UnsafeMutablePointer<z_stream>, _ flush: Int32) -> Int32 {
    inflate(stream, flush)
}
