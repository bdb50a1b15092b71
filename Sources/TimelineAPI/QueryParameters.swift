import MicroHTTP

/// A request's query, checked against what its route accepts: an unknown name, or a
/// single-valued name given twice, is refused before any handler runs.
struct QueryParameters: Sendable {
    /// Parameters every route takes.
    static let common = ["format", "pretty"]

    let items: [QueryItem]

    init(_ items: [QueryItem], allowed: [String], repeatable: Set<String>) throws(APIError) {
        var seen = Set<String>()
        for item in items {
            guard allowed.contains(item.name) || QueryParameters.common.contains(item.name) else {
                throw .unknownParameter(name: item.name, allowed: allowed + QueryParameters.common)
            }
            if !repeatable.contains(item.name) && !seen.insert(item.name).inserted {
                throw .repeatedParameter(name: item.name)
            }
        }
        self.items = items
    }

    func single(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value, with comma-separated lists split: `type=A,B&type=C` gives A, B, C.
    func list(_ name: String) -> [String] {
        items.filter { $0.name == name }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { String($0.trimmingSpaces) }
    }

    /// Every value as given, for repeatable parameters whose values may contain commas.
    func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// Every listed value as one of an enumeration's cases, each once, in the order given;
    /// `normalise` maps what the client sent to the raw value (case-insensitive matching).
    func cases<Value: RawRepresentable & CaseIterable>(
        _ name: String, of type: Value.Type, normalise: (String) -> String = { $0.lowercased() }
    ) throws(APIError) -> [Value] where Value.RawValue == String, Value: Equatable {
        var values: [Value] = []
        for text in list(name) {
            guard let value = Value(rawValue: normalise(text)) else {
                throw .invalidParameter(name: name, reason: "\"\(text)\" is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !values.contains(value) { values.append(value) }
        }
        return values
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = single(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .invalidParameter(name: name, reason: "\"\(text)\" is not an integer in \(range.lowerBound)..\(range.upperBound)")
        }
        return value
    }

    /// `pretty`, `pretty=1`, `pretty=true` turn it on; `0`/`false` off; anything else is refused.
    func flag(_ name: String) throws(APIError) -> Bool {
        guard let text = single(name) else { return false }
        switch text.lowercased() {
        case "", "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw .invalidParameter(name: name, reason: "\"\(text)\" is not one of 1, true, 0, false")
        }
    }

    /// The query as a canonical string: items sorted by name then value, `format` and
    /// `pretty` left out by default (they are part of the cache key on their own). Used for
    /// cache keys and, without the cursor, for links.
    func canonical(excluding excluded: Set<String> = ["format", "pretty"]) -> String {
        items.filter { !excluded.contains($0.name) }
            .sorted { ($0.name, $0.value) < ($1.name, $1.value) }
            .map { "\(QueryParameters.escape($0.name))=\(QueryParameters.escape($0.value))" }
            .joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters, for links we build.
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
