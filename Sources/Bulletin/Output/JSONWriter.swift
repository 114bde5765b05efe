/// Writes an `Encodable` value as JSON bytes, straight into one buffer: the same bytes as
/// Foundation's `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (and
/// `.prettyPrinted` when `pretty`), without building a tree of values first.
///
/// An object's members are written as they come; only when they came out of key order are they
/// moved into it, once, when the object is done. Arrays are written as they come.
struct JSONWriter {
    let pretty: Bool

    func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink(pretty: pretty)
        sink.bytes.reserveCapacity(1 << 16)
        try sink.write(value, depth: 0)
        return sink.bytes
    }
}

/// The buffer and the open containers of one `JSONWriter` run.
final class JSONSink {
    let pretty: Bool
    var bytes: [UInt8] = []
    /// Indentation by depth, made once.
    private var indents: [[UInt8]] = []

    init(pretty: Bool) { self.pretty = pretty }

    func indent(_ depth: Int) {
        guard pretty else { return }
        while indents.count <= depth { indents.append([UInt8](repeating: 0x20, count: 2 * indents.count)) }
        bytes.append(0x0A)
        bytes += indents[depth]
    }

    func write<T: Encodable>(_ value: T, depth: Int) throws {
        switch value {
        case let s as String: string(s)
        case let x as Double: double(x)
        case let n as Int: integer(n)
        case let b as Bool: ascii(b ? "true" : "false")
        case let n as any BinaryInteger: integer(n)
        case let f as Float:
            if f.isFinite { var text = f.description; if text.hasSuffix(".0") { text.removeLast(2) }; bytes += Array(text.utf8) } else { double(Double(f)) }
        default:
            let encoder = JSONValueEncoder(sink: self, depth: depth)
            try value.encode(to: encoder)
            encoder.finish()
        }
    }

    func ascii(_ s: StaticString) {
        s.withUTF8Buffer { bytes += $0 }
    }

    func integer<I: BinaryInteger>(_ n: I) { bytes.append(contentsOf: String(n).utf8) }

    /// As Foundation writes a double: its shortest description, without a trailing ".0";
    /// infinities and NaN as strings.
    func double(_ x: Double) {
        if x.isNaN { string("NaN"); return }
        if x.isInfinite { string(x < 0 ? "-Infinity" : "Infinity"); return }
        var text = x.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    func string(_ s: String) {
        let utf8 = s.utf8
        // Most strings need no escape: one copy.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            bytes.append(0x22)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return
        }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(utf8.count + 8)
        for c in utf8 {
            switch c {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]]
            default: out.append(c)
            }
        }
        out.append(0x22)
        bytes += out
    }

    /// The bytes of `"key" : ` (or `"key":`).
    func key(_ key: String) {
        string(key)
        if pretty { bytes += [0x20, 0x3A, 0x20] } else { bytes.append(0x3A) }
    }
}

/// The encoder for one value at `depth`: it opens one container (object, array or single value)
/// and closes it in `finish`.
final class JSONValueEncoder: Encoder {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var object: JSONObject? = nil
    private var array: JSONArray? = nil

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if object == nil { object = JSONObject(sink: sink, depth: depth) }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(object: object!))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if array == nil { array = JSONArray(sink: sink, depth: depth) }
        return JSONUnkeyedContainer(array: array!)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValue(sink: sink, depth: depth) }

    func finish() {
        object?.close()
        array?.close()
    }
}

/// An object being written: where it starts, and its members (key, byte range) so far.
final class JSONObject {
    let sink: JSONSink
    let depth: Int
    private let start: Int
    private var members: [(key: String, range: Range<Int>)] = []
    private var sorted = true
    /// A nested container opened as the last member, closed before the next member or the end.
    var openNested: (() -> Void)? = nil

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
        sink.bytes.append(0x7B)
        start = sink.bytes.count
    }

    func member(_ key: String, _ write: () throws -> Void) rethrows {
        closeNested()
        if let last = members.last {
            sink.bytes.append(0x2C)
            if key.utf8.lexicographicallyPrecedes(last.key.utf8) { sorted = false }
        }
        sink.indent(depth + 1)
        let from = sink.bytes.count
        sink.key(key)
        try write()
        members.append((key, from..<sink.bytes.count))
    }

    func closeNested() {
        guard let close = openNested else { return }
        openNested = nil
        close()
        if let last = members.popLast() { members.append((last.key, last.range.lowerBound..<sink.bytes.count)) }
    }

    func close() {
        closeNested()
        if !sorted {
            // Out of key order: write the members again, in order (each member's own bytes do not
            // depend on where it stands).
            let region = Array(sink.bytes[start...])
            sink.bytes.removeSubrange(start...)
            for (k, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if k > 0 { sink.bytes.append(0x2C) }
                sink.indent(depth + 1)
                sink.bytes += region[(member.range.lowerBound - start)..<(member.range.upperBound - start)]
            }
        }
        if members.isEmpty && sink.pretty { sink.bytes.append(0x0A) }
        sink.indent(depth)
        sink.bytes.append(0x7D)
    }
}

/// An array being written.
final class JSONArray {
    let sink: JSONSink
    let depth: Int
    var count = 0
    /// A nested container opened as the last element, closed before the next element or the end.
    var openNested: (() -> Void)? = nil

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
        sink.bytes.append(0x5B)
    }

    func closeNested() {
        guard let close = openNested else { return }
        openNested = nil
        close()
    }

    func element(_ write: () throws -> Void) rethrows {
        closeNested()
        if count > 0 { sink.bytes.append(0x2C) }
        sink.indent(depth + 1)
        try write()
        count += 1
    }

    func close() {
        closeNested()
        if count == 0 && sink.pretty { sink.bytes.append(0x0A) }
        sink.indent(depth)
        sink.bytes.append(0x5D)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        object.member(key.stringValue) { object.sink.ascii("null") }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try object.member(key.stringValue) { try object.sink.write(value, depth: object.depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        var nested: JSONObject! = nil
        object.member(key.stringValue) { nested = JSONObject(sink: object.sink, depth: object.depth + 1) }
        object.openNested = nested.close
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        var nested: JSONArray! = nil
        object.member(key.stringValue) { nested = JSONArray(sink: object.sink, depth: object.depth + 1) }
        object.openNested = nested.close
        return JSONUnkeyedContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named key: String) -> any Encoder {
        var encoder: JSONValueEncoder! = nil
        object.member(key) { encoder = JSONValueEncoder(sink: object.sink, depth: object.depth + 1) }
        object.openNested = encoder.finish
        return encoder
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.count }

    mutating func encodeNil() throws {
        array.element { array.sink.ascii("null") }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try array.element { try array.sink.write(value, depth: array.depth + 1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        var nested: JSONObject! = nil
        array.element { nested = JSONObject(sink: array.sink, depth: array.depth + 1) }
        array.openNested = nested.close
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        var nested: JSONArray! = nil
        array.element { nested = JSONArray(sink: array.sink, depth: array.depth + 1) }
        array.openNested = nested.close
        return JSONUnkeyedContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        var encoder: JSONValueEncoder! = nil
        array.element { encoder = JSONValueEncoder(sink: array.sink, depth: array.depth + 1) }
        array.openNested = encoder.finish
        return encoder
    }
}

struct JSONSingleValue: SingleValueEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.ascii("null") }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.write(value, depth: depth) }
}
