/// A fully received request, as the responder sees it. Built once per request on the
/// loop thread that received it; immutable, so it may cross threads.
public struct HTTPRequest: Sendable {
    public let method: HTTPMethod
    /// The request target exactly as the client sent it: path, then `?query` if any.
    public let target: String
    /// The path, percent-decoded (`+` stays a plus sign in a path).
    public let path: String
    /// The query string as sent, without the `?`; empty when there is none.
    public let rawQuery: String
    /// The decoded query, in the order sent, with repeats kept.
    public let queryItems: [QueryItem]
    public let headers: HTTPHeaders
    public let clientAddress: ClientAddress?
    /// Bytes of request body received. This server's routes take no body; the count lets
    /// them refuse one instead of silently ignoring it.
    public let bodyLength: Int

    /// Splits and decodes a request target. Throws when the target or the header fields are
    /// malformed (see `HTTPRequestError`), which the server answers with 400 before any
    /// responder runs.
    public init(
        method: HTTPMethod,
        target: String,
        headers: HTTPHeaders = [:],
        clientAddress: ClientAddress? = nil,
        bodyLength: Int = 0
    ) throws(HTTPRequestError) {
        try HTTPRequestError.check(headers: headers)
        try self.init(method: method, target: target, checkedHeaders: headers, clientAddress: clientAddress,
                      bodyLength: bodyLength)
    }

    /// For the transport, which has checked the header fields already, as it received them
    /// (before the quick path): the target is checked, split and decoded.
    init(method: HTTPMethod, target: String, checkedHeaders headers: HTTPHeaders, clientAddress: ClientAddress?,
         bodyLength: Int) throws(HTTPRequestError) {
        try HTTPRequestError.check(target: target, method: method)
        self.method = method
        self.target = target
        self.headers = headers
        self.clientAddress = clientAddress
        self.bodyLength = bodyLength
        // Split on bytes, not Characters: grapheme breaking costs more than the rest of the parse.
        // A fragment is never sent by conforming clients; if one arrives it is not part of the query.
        let utf8 = target.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        do {
            if let question = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) {
                path = try PercentDecoding.decode(target[..<question], plusIsSpace: false)
                let query = target[utf8.index(after: question)..<end]
                rawQuery = String(query)
                queryItems = try PercentDecoding.queryItems(query)
            } else {
                path = try PercentDecoding.decode(target[..<end], plusIsSpace: false)
                rawQuery = ""
                queryItems = []
            }
        } catch {
            throw .escape(error)
        }
    }

    /// Every value given for a query parameter, in order.
    public func queryValues(_ name: String) -> [String] {
        queryItems.compactMap { $0.name == name ? $0.value : nil }
    }
}
