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
        let utf8 = target.utf8
        guard let first = utf8.first, first == UInt8(ascii: "/") || (target == "*" && method == .options) else {
            throw .target("it must start with \"/\"")
        }
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if byte <= 0x20 || byte == 0x7F { throw .target("a raw control character or space") }
            if previous == (0xEF, 0xBF) && byte == 0xBD { throw .target("raw bytes that are not UTF-8") }
            previous = (previous.1, byte)
        }
    }

    static func check(headers: HTTPHeaders) throws(HTTPRequestError) {
        try check(fieldsOf: RequestHead(method: .get, target: "/", headers: headers))
    }

    /// The header checks, on the fields as the transport holds them (the quick path has no
    /// `HTTPRequest`); `HTTPRequest` makes the same checks through here.
    static func check(fieldsOf head: RequestHead, hostRequired: Bool = false) throws(HTTPRequestError) {
        var hosts = 0, contentLength = false, transferEncoding = false
        var problem: HTTPRequestError?
        head.forEachField { name, value in
            if name.contains(where: { !isTokenByte($0) }) {
                problem = .header("a field name that is not a token (\(String(decoding: name, as: UTF8.self).debugDescription))")
            } else if value.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
                problem = .header("a CR, LF or NUL inside the value of \(String(decoding: name, as: UTF8.self))")
            }
            if name.equalsIgnoringASCIICase("host") { hosts += 1 }
            if name.equalsIgnoringASCIICase("content-length") { contentLength = true }
            if name.equalsIgnoringASCIICase("transfer-encoding") { transferEncoding = true }
            return problem == nil
        }
        if let problem { throw problem }
        if hosts > 1 { throw .header("more than one Host") }
        if hosts == 0 && hostRequired { throw .header("no Host, which HTTP/1.1 requires") }
        if contentLength && transferEncoding { throw .header("both Content-Length and Transfer-Encoding") }
    }

    /// RFC 9110 §5.6.2 tchar.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
