/// Why a request was refused before any responder ran. Reported to the client as a 400; after
/// a `.header` error the server also closes the connection (see `closesConnection`).
public enum HTTPRequestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A malformed or forbidden percent-escape in the target.
    case escape(PercentDecodingError)
    /// A target that is not origin-form (`/…`; `*` only for OPTIONS), or has raw bytes a target may not carry.
    case target(String)
    /// Header fields whose framing cannot be trusted (RFC 9112 §3.2, §5.1, §6.1; RFC 9110 §5.5).
    case header(String)

    /// True when what follows on the connection cannot be trusted to be framed as the client
    /// meant (e.g. Content-Length with Transfer-Encoding): the answer then closes the connection.
    /// A bad target or escape leaves the framing intact, and keep-alive goes on.
    public var closesConnection: Bool {
        if case .header = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .escape(let error): error.description
        case .target(let reason): "invalid request target: \(reason)"
        case .header(let reason): "invalid header fields: \(reason)"
        }
    }

    /// Raw control bytes and spaces are never valid in a target. Raw bytes that were not UTF-8
    /// reach us as U+FFFD (the C string is decoded with repair), so U+FFFD is refused too:
    /// non-ASCII must be sent percent-encoded or as valid UTF-8.
    static func check(target: String, method: HTTPMethod) throws(HTTPRequestError) {
        var target = target
        let problem: String? = target.withUTF8 { bytes in
            let isAsterisk = bytes.count == 1 && bytes[0] == UInt8(ascii: "*") && method == .options
            guard bytes.first == UInt8(ascii: "/") || isAsterisk else { return "it must start with \"/\"" }
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                if byte <= 0x20 || byte == 0x7F { return "a raw control character or space" }
                if byte == 0xBD && previous == (0xEF, 0xBF) { return "raw bytes that are not UTF-8" }
                previous = (previous.1, byte)
            }
            return nil
        }
        if let problem { throw .target(problem) }
    }

    static func check(headers: HTTPHeaders) throws(HTTPRequestError) {
        try check(fieldsOf: RequestHead(method: .get, target: "/", headers: headers))
    }

    /// The header checks, on the fields as the transport holds them (the quick path has no
    /// `HTTPRequest`); `HTTPRequest` makes the same checks through here.
    static func check(fieldsOf head: RequestHead, hostRequired: Bool = false) throws(HTTPRequestError) {
        let scan = head.scan
        if let (kind, index) = scan.problem {
            let name = head.fieldName(at: Int(index))
            switch kind {
            case .nameIsNotAToken: throw .header("a field name that is not a token (\(name.debugDescription))")
            case .controlByteInValue: throw .header("a CR, LF or NUL inside the value of \(name)")
            }
        }
        if scan.hostCount > 1 { throw .header("more than one Host") }
        if scan.hostCount == 0 && hostRequired { throw .header("no Host, which HTTP/1.1 requires") }
        if scan.hasContentLength && scan.hasTransferEncoding { throw .header("both Content-Length and Transfer-Encoding") }
    }

    /// RFC 9110 §5.6.2 tchar: `!#$%&'*+-.^_`|~`, digits and letters.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        // One bit per byte value below 128, as two literal words: this runs for every byte of
        // every field name, where even a lazily initialized global costs a check per call.
        // HTTPRequestErrorTests derives both words from the list above.
        byte < 64 ? tokenBytesBelow64 & (1 << UInt64(byte)) != 0
            : byte < 128 && tokenBytesFrom64 & (1 << UInt64(byte - 64)) != 0
    }

    static let tokenBytesBelow64: UInt64 = 0x03FF_6CFA_0000_0000
    static let tokenBytesFrom64: UInt64 = 0x57FF_FFFF_C7FF_FFFE
}
