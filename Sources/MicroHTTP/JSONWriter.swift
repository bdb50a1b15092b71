/// Writes JSON straight into bytes: no intermediate dictionaries, no reflection, keys in
/// the order written (so golden files and ETags are stable). Commas and, when `pretty`,
/// newlines and two-space indentation are placed automatically.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    public let pretty: Bool
    /// One entry per open container: whether it has no member yet.
    private var containerIsEmpty: [Bool] = []
    /// Set after a key, so the value that follows takes no comma.
    private var afterKey = false

    public init(pretty: Bool = false, reservingCapacity capacity: Int = 256) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    public mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); containerIsEmpty.append(true) }
    public mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    public mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); containerIsEmpty.append(true) }
    public mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        beginValue()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Scalars

    public mutating func string(_ value: String) { beginValue(); appendQuoted(value) }
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int) { beginValue(); bytes.append(contentsOf: String(value).utf8) }
    public mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }
    public mutating func bool(_ value: Bool) { beginValue(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }

    /// A finite number; JSON has no NaN or infinity, so those are written as null.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        beginValue()
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Bytes that are already a complete JSON value (a cached fragment).
    public mutating func raw(_ json: [UInt8]) { beginValue(); bytes.append(contentsOf: json) }

    // MARK: Convenience

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Int?) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, _ value: Double) { key(name); double(value) }
    public mutating func field(_ name: String, strings values: [String]) {
        key(name); beginArray(); for value in values { string(value) }; endArray()
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard let isEmpty = containerIsEmpty.last else { return }
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        containerIsEmpty[containerIsEmpty.count - 1] = false
        if pretty { newline(depth: containerIsEmpty.count) }
    }

    private mutating func endContainer(_ closer: UInt8) {
        let wasEmpty = containerIsEmpty.removeLast()
        if pretty && !wasEmpty { newline(depth: containerIsEmpty.count) }
        bytes.append(closer)
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        JSONWriter.appendEscaped(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// RFC 8259 §7 escaping; everything else, including non-ASCII, is written as UTF-8.
    public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
    }
}
