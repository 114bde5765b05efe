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
    /// What is written so far (since the last flush).
    var bytes: [UInt8] { out.array }
    private let out: ByteBuffer
    private var depth = 0
    /// Whether each open container has a member or element yet: bit k for depth k + 1 (deeper
    /// containers in `deepFilled`).
    private var filled: UInt64 = 0
    private var deepFilled: [Bool] = []
    private let flush: (([UInt8]) -> Void)?
    private let flushSize: Int

    init(pretty: Bool, flushSize: Int = 1 << 20, flush: (([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.flush = flush
        self.flushSize = flushSize
        out = ByteBuffer(capacity: flush == nil ? 1 << 16 : flushSize + (1 << 12))
    }

    /// The JSON of `value`.
    static func bytes(_ value: some JSONWritable, pretty: Bool) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        value.write(to: &writer)
        return writer.bytes
    }

    /// Hands what is buffered to `flush` (when there is one).
    mutating func drain() {
        guard let flush, out.count > 0 else { return }
        flush(out.array)
        out.removeAll()
    }

    // MARK: Containers

    /// A line break and two spaces per level.
    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        out.appendSeparator(comma: false, indent: 2 * depth)
    }

    /// Whether the container at `depth` has a member yet, and marking it so.
    private func isFilled(_ depth: Int) -> Bool {
        depth <= 64 ? filled & (1 << UInt64(depth - 1)) != 0 : deepFilled[depth - 65]
    }

    private mutating func setFilled(_ depth: Int, _ value: Bool) {
        if depth <= 64 {
            if value { filled |= 1 << UInt64(depth - 1) } else { filled &= ~(1 << UInt64(depth - 1)) }
        } else if depth - 65 < deepFilled.count {
            deepFilled[depth - 65] = value
        } else {
            deepFilled.append(value)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        setFilled(depth, false)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasFilled = isFilled(depth)
        if depth > 64 { deepFilled.removeLast() }
        depth -= 1
        // Foundation writes an empty container over two lines.
        if !wasFilled, pretty { out.append(0x0A) }
        newline(depth)
        out.append(bracket)
    }

    /// Before a member or element: the comma and the line.
    private mutating func next() {
        let comma = isFilled(depth)
        if !comma { setFilled(depth, true) }
        out.appendSeparator(comma: comma, indent: pretty ? 2 * depth : -1)
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
            if flush != nil, out.count >= flushSize { drain() }
        }
        close(0x5D)
    }

    /// Opens an array element; its value follows.
    mutating func element() { next() }

    /// Opens a member named `name` (ASCII, given in key order by the caller); its value follows.
    mutating func key(_ name: StaticString) {
        let comma = isFilled(depth)
        if !comma { setFilled(depth, true) }
        name.withUTF8Buffer { out.appendKey(comma: comma, indent: pretty ? 2 * depth : -1, name: $0) }
    }

    // MARK: Values

    mutating func null() { out.append(0x6E, 0x75, 0x6C, 0x6C) }

    mutating func bool(_ value: Bool) {
        if value { out.append(0x74, 0x72, 0x75, 0x65) } else { out.append(0x66, 0x61, 0x6C, 0x73); out.append(0x65) }
    }

    mutating func integer(_ n: Int) {
        if n < 0 {
            out.append(0x2D)
            if n == .min { out.append(contentsOf: String(n).utf8.dropFirst()); return }
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
            out.append(UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
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
        text.withUTF8 { out.append($0) }
    }

    mutating func double(_ x: Double?) {
        if let x { double(x) } else { null() }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func string(_ s: String) {
        // (A native string's bytes are read in place; only a bridged one is copied first.)
        if s.utf8.withContiguousStorageIfAvailable({ quoted($0) }) == nil {
            var copy = s
            copy.withUTF8 { quoted($0) }
        }
    }

    /// `utf8` as a JSON string, in quotes, escaped.
    private func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        out.append(0x22)
        var from = 0
        for k in 0..<utf8.count {
            let c = utf8[k]
            guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
            out.append(UnsafeBufferPointer(rebasing: utf8[from..<k]))
            from = k + 1
            switch c {
            case 0x22: out.append(0x5C, 0x22)
            case 0x5C: out.append(0x5C, 0x5C)
            case 0x0A: out.append(0x5C, 0x6E)
            case 0x0D: out.append(0x5C, 0x72)
            case 0x09: out.append(0x5C, 0x74)
            case 0x08: out.append(0x5C, 0x62)
            case 0x0C: out.append(0x5C, 0x66)
            default: out.append(0x5C, 0x75, 0x30, 0x30); out.append(Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)])
            }
        }
        out.append(UnsafeBufferPointer(rebasing: utf8[from...]))
        out.append(0x22)
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

/// A growable byte buffer written through a pointer: appending checks only the capacity.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func removeAll() { count = 0 }

    @inline(__always) private func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        (base, capacity) = (newBase, newCapacity)
    }

    @inline(__always) func append(_ a: UInt8) {
        reserve(1)
        base[count] = a
        count += 1
    }

    @inline(__always) func append(_ a: UInt8, _ b: UInt8) {
        reserve(2)
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    @inline(__always) func append(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        reserve(4)
        base[count] = a
        base[count + 1] = b
        base[count + 2] = c
        base[count + 3] = d
        count += 4
    }

    /// A comma when `comma`, then a line break and `indent` spaces unless `indent` is negative.
    @inline(__always) func appendSeparator(comma: Bool, indent: Int) {
        reserve(2 + max(indent, 0))
        var p = base + count
        if comma { p.pointee = 0x2C; p += 1 }
        if indent >= 0 {
            p.pointee = 0x0A
            (p + 1).initialize(repeating: 0x20, count: indent)
            p += 1 + indent
        }
        count = p - base
    }

    /// A member's start in one reservation: the separator (`appendSeparator`) and the quoted
    /// `name` with its colon, `"name" : ` when pretty (`indent` not negative), else `"name":`.
    @inline(__always) func appendKey(comma: Bool, indent: Int, name: UnsafeBufferPointer<UInt8>) {
        appendSeparator(comma: comma, indent: indent)
        reserve(name.count + 5)
        let p = base + count
        p.pointee = 0x22
        if let from = name.baseAddress { (p + 1).update(from: from, count: name.count) }
        let q = p + 1 + name.count
        if indent >= 0 {
            q[0] = 0x22; q[1] = 0x20; q[2] = 0x3A; q[3] = 0x20
            count += name.count + 5
        } else {
            q[0] = 0x22; q[1] = 0x3A
            count += name.count + 3
        }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.bindMemory(to: UInt8.self))
    }

    func append(contentsOf bytes: some Sequence<UInt8>) {
        for b in bytes { append(b) }
    }
}
