/// An ordered list of header fields with case-insensitive lookup (RFC 9110 §5.1).
/// Order and repeats are kept because some fields (Accept, If-None-Match) may be
/// split over several lines and must then be read as one comma-separated list.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Field = (name: String, value: String)

    private var fields: [Field]

    public init() { fields = [] }

    public init(_ fields: [Field]) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    public var first: Field? { fields.first }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The first value of the field, if any.
    public subscript(name: String) -> String? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Every value of the field, joined as the comma-separated list RFC 9110 §5.3 says it is equivalent to.
    public func combinedValue(of name: String) -> String? {
        let values = fields.lazy.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
        guard let first = values.first else { return nil }
        return values.dropFirst().reduce(first) { $0 + ", " + $1 }
    }

    public func values(of name: String) -> [String] {
        fields.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field of that name with one field.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
        fields.append((name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }
}

extension String {
    /// ASCII case-insensitive equality without allocating lower-cased copies.
    @inlinable
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let lhs = utf8, rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        for (a, b) in zip(lhs, rhs) where a != b {
            let la = (a >= 0x41 && a <= 0x5A) ? a | 0x20 : a
            let lb = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if la != lb { return false }
        }
        return true
    }
}
