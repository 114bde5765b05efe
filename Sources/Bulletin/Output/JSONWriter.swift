/// Writes JSON bytes straight into one buffer, member by member, as the output types say (each
/// writes its members in key order: `JSONWritable`). The bytes are those of Foundation's
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when
/// `pretty`): a test compares them on every corpus document. No tree of values is built and no
/// key is sorted at run time.
///
/// When `flush` is set, the buffer is handed to it whenever it passes `flushSize` bytes, so a
/// large document is written out as it is produced instead of being held whole.
struct JSONWriter {
    let pretty: Bool
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the open container has a member or element yet, innermost last.
    private var filled: [Bool] = []
    private let flush: (([UInt8]) -> Void)?
    private let flushSize: Int

    init(pretty: Bool, flushSize: Int = 1 << 20, flush: (([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.flush = flush
        self.flushSize = flushSize
        bytes.reserveCapacity(flush == nil ? 1 << 16 : flushSize + (1 << 12))
    }

    /// The JSON of `value`.
    static func bytes(_ value: some JSONWritable, pretty: Bool) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        value.write(to: &writer)
        return writer.bytes
    }

    /// Hands what is buffered to `flush` (when there is one).
    mutating func drain() {
        guard let flush, !bytes.isEmpty else { return }
        flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    /// A line break and two spaces per level.
    private static let indentation: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        if depth <= 32 {
            Self.indentation.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<(1 + 2 * depth)])) }
        } else {
            bytes.append(0x0A)
            for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        filled.append(false)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // Foundation writes an empty container over two lines.
        if filled.removeLast() == false, pretty { bytes.append(0x0A) }
        newline(depth)
        bytes.append(bracket)
    }

    /// Before a member or element: the comma and the line.
    private mutating func next() {
        if filled[filled.count - 1] { bytes.append(0x2C) } else { filled[filled.count - 1] = true }
        newline(depth)
    }

    /// An object whose members `body` writes with `key`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    /// An array whose elements `body` writes, each after `element()`.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)
        body(&self)
        close(0x5D)
    }

    /// An array of `values`.
    mutating func array<T: JSONWritable>(_ values: [T]) {
        open(0x5B)
        for value in values {
            next()
            value.write(to: &self)
            // Between records, a full buffer goes out.
            if flush != nil, bytes.count >= flushSize { drain() }
        }
        close(0x5D)
    }

    /// Opens an array element; its value follows.
    mutating func element() { next() }

    /// Opens a member named `name` (ASCII, given in key order by the caller); its value follows.
    mutating func key(_ name: StaticString) {
        next()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        if pretty { bytes.append(0x20); bytes.append(0x3A); bytes.append(0x20) } else { bytes.append(0x3A) }
    }

    // MARK: Values

    mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    mutating func bool(_ value: Bool) {
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    mutating func integer(_ n: Int) {
        if n < 0 {
            bytes.append(0x2D)
            if n == .min { bytes.append(contentsOf: String(n).utf8.dropFirst()); return }
        }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// As Foundation writes a double: an integral value below 2^53 as an integer, otherwise its
    /// shortest description without a trailing ".0"; infinities and NaN as strings.
    mutating func double(_ x: Double) {
        if x.isNaN { string("NaN"); return }
        if x.isInfinite { string(x < 0 ? "-Infinity" : "Infinity"); return }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992, !(x == 0 && x.sign == .minus) {
            integer(Int(x))
            return
        }
        var text = x.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func double(_ x: Double?) {
        if let x { double(x) } else { null() }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(0x22)
            var from = 0
            for k in 0..<utf8.count {
                let c = utf8[k]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from..<k]))
                from = k + 1
                switch c {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                default: bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[from...]))
            bytes.append(0x22)
        }
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    mutating func value<T: JSONWritable>(_ value: T?) {
        if let value { value.write(to: &self) } else { null() }
    }
}

/// A value that writes itself as JSON, its members in key (code point) order.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Double: JSONWritable {
    func write(to json: inout JSONWriter) { json.double(self) }
}

extension JSONWritable where Self: RawRepresentable, RawValue == String {
    func write(to json: inout JSONWriter) { json.string(rawValue) }
}
