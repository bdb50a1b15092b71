/// What a responder returns. Either built per request (`.bytes`, `.stable`), or a
/// `PreparedResponse` made once and reused, with optional per-request extra headers.
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case empty
        /// Copied by libmicrohttpd when queued.
        case bytes([UInt8])
        /// Sent from where it lies; the response keeps it alive until sent.
        case stable(StableBytes)
        /// Status, headers and body of the prepared response; `headers` are added to it.
        case prepared(PreparedResponse)
    }

    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: Body

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: Body = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], bytes: [UInt8]) {
        self.init(status: status, headers: headers, body: .bytes(bytes))
    }

    /// A prepared response; `extraHeaders` (a request id, say) make the server build a
    /// per-request copy of the headers while still sending the body without copying it.
    public static func prepared(_ response: PreparedResponse, extraHeaders: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: response.status, headers: extraHeaders, body: .prepared(response))
    }

    /// The body as bytes, for tests and in-process callers.
    public var bodyBytes: [UInt8] {
        switch body {
        case .empty: []
        case .bytes(let bytes): bytes
        case .stable(let stable): stable.bytes
        case .prepared(let prepared): prepared.body.bytes
        }
    }

    /// Every header the client will see (apart from those libmicrohttpd adds itself:
    /// Content-Length, Date, Connection).
    public var allHeaders: HTTPHeaders {
        guard case .prepared(let prepared) = body else { return headers }
        var merged = prepared.headers
        for field in headers { merged.add(field.name, field.value) }
        return merged
    }
}
