/// Why a request target could not be decoded. Reported to the client as a 400.
public enum PercentDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidEscape(String)
    case invalidUTF8(String)
    case nulByte(String)

    public var description: String {
        switch self {
        case .invalidEscape(let text): "invalid percent-escape in \"\(text)\""
        case .invalidUTF8(let text): "percent-decoded bytes are not valid UTF-8 in \"\(text)\""
        case .nulByte(let text): "percent-encoded NUL byte in \"\(text)\""
        }
    }
}

/// RFC 3986 percent-decoding, strict: a `%` must be followed by two hex digits, the result
/// must be UTF-8, and NUL is refused because no name or value here may contain it.
enum PercentDecoding {
    static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool) throws(PercentDecodingError) -> String {
        let utf8 = text.utf8
        // Fast path: nothing to decode, so the text is returned as it came.
        if !utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first != utf8.endIndex, let high = hexValue(utf8[first]) else {
                    throw .invalidEscape(String(text))
                }
                let second = utf8.index(after: first)
                guard second != utf8.endIndex, let low = hexValue(utf8[second]) else {
                    throw .invalidEscape(String(text))
                }
                let decoded = high << 4 | low
                if decoded == 0 { throw .nulByte(String(text)) }
                bytes.append(decoded)
                index = utf8.index(after: second)
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = utf8.index(after: index)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalidUTF8(String(text))
        }
        return decoded
    }

    /// Splits `a=1&b=&c&a=2` into items, keeping order and repeats; an empty segment is skipped.
    /// Split on bytes, not Characters: a raw combining mark after `&` or `=` forms one
    /// Character with it, which would otherwise hide the separator.
    static func queryItems(_ query: Substring) throws(PercentDecodingError) -> [QueryItem] {
        var items: [QueryItem] = []
        for segment in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            // Slices at an ASCII byte are on scalar boundaries, so they are valid Substrings.
            if let equals = segment.firstIndex(of: UInt8(ascii: "=")) {
                items.append(QueryItem(
                    name: try decode(Substring(segment[..<equals]), plusIsSpace: true),
                    value: try decode(Substring(segment[segment.index(after: equals)...]), plusIsSpace: true)))
            } else {
                items.append(QueryItem(name: try decode(Substring(segment), plusIsSpace: true), value: ""))
            }
        }
        return items
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
