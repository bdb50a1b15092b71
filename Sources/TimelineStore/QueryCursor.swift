/// A keyset cursor: the sort key of the last item served plus a fingerprint of the query it
/// was made for, so the next page starts right after that item (in this snapshot or any with
/// the same data) and a cursor cannot be replayed against another query.
///
/// Wire form: base64url of length-prefixed fields (`5:tlc1` ...), the last a checksum of
/// the rest, so truncated or made-up cursors are told apart from stale ones.
struct QueryCursor: Sendable, Hashable {
    let fingerprint: String
    let key: [String]

    private static let magic = "tlc1"

    func encoded() -> String {
        var payload = ""
        for field in [QueryCursor.magic, fingerprint] + key {
            payload += "\(field.utf8.count):\(field)"
        }
        var checksum = FNV1a64()
        checksum.combine(payload)
        payload += "\(checksum.hex.utf8.count):\(checksum.hex)"
        return Base64URL.encode(Array(payload.utf8))
    }

    static func decode(_ text: String, expecting fingerprint: String, keyCount: Int) throws(TimelineQueryError) -> QueryCursor {
        guard !text.isEmpty, let bytes = Base64URL.decode(text) else {
            throw .invalidCursor(reason: "cursor is not valid base64url")
        }
        guard let fields = splitFields(bytes), fields.count == keyCount + 3, fields[0] == magic else {
            throw .invalidCursor(reason: "cursor is not a timeline cursor")
        }
        var checksum = FNV1a64()
        checksum.combine(fields.dropLast().map { "\($0.utf8.count):\($0)" }.joined())
        guard fields[fields.count - 1] == checksum.hex else {
            throw .invalidCursor(reason: "cursor is not a timeline cursor")
        }
        guard fields[1] == fingerprint else {
            throw .invalidCursor(reason: "cursor belongs to a different query")
        }
        return QueryCursor(fingerprint: fingerprint, key: Array(fields[2..<(fields.count - 1)]))
    }

    private static func splitFields(_ bytes: [UInt8]) -> [String]? {
        var fields: [String] = []
        var index = 0
        while index < bytes.count {
            var length = 0
            while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), length < 1_000_000 else {
                    return nil
                }
                length = length * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index < bytes.count, index + 1 + length <= bytes.count else { return nil }
            guard let field = String(validating: bytes[(index + 1)..<(index + 1 + length)], as: UTF8.self) else {
                return nil
            }
            fields.append(field)
            index += 1 + length
        }
        return fields
    }
}
