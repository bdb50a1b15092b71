import MicroHTTP

/// A resource as an ordered tree of JSON values, built once per resource and then written
/// as JSON, NDJSON, CSV or GeoJSON, and cut down by `fields=`, all by the same code.
indirect enum JSONNode: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object([(String, JSONNode)])

    static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    static func optional(_ text: String?) -> JSONNode { text.map(JSONNode.string) ?? .null }
    static func optional(_ number: Double?) -> JSONNode { number.map(JSONNode.double) ?? .null }
    static func optional(_ flag: Bool?) -> JSONNode { flag.map(JSONNode.bool) ?? .null }
    static func strings(_ values: [String]) -> JSONNode { .array(values.map(JSONNode.string)) }

    func write(to json: inout JSONWriter) {
        switch self {
        case .string(let value): json.string(value)
        case .int(let value): json.int(value)
        case .double(let value): json.double(value)
        case .bool(let value): json.bool(value)
        case .null: json.null()
        case .array(let values):
            json.beginArray()
            for value in values { value.write(to: &json) }
            json.endArray()
        case .object(let members):
            json.beginObject()
            for (key, value) in members { json.key(key); value.write(to: &json) }
            json.endObject()
        }
    }

    /// The member named `key` of an object.
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// An object with only the listed top-level members, in the listed order.
    func selecting(_ fields: [String]?) -> JSONNode {
        guard let fields, case .object(let members) = self else { return self }
        return .object(fields.compactMap { field in members.first { $0.0 == field } })
    }

    /// One CSV cell: scalars as text; lists flattened with "; ", each element by its `id`
    /// (or `quote`, or its compact JSON); objects as compact JSON.
    var csvCell: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        case .array(let values):
            values.map { element in
                if case .object = element {
                    if let id = element["id"], case .string(let text) = id {
                        if let role = element["role"], case .string(let roleText) = role { return "\(text):\(roleText)" }
                        return text
                    }
                    if let quote = element["quote"], case .string(let text) = quote { return text }
                    return element.compactJSON
                }
                return element.csvCell
            }.joined(separator: "; ")
        case .object: compactJSON
        }
    }

    var compactJSON: String {
        var json = JSONWriter()
        write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
