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

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: Body = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], bytes: [UInt8]) {
        self.init(status: status, headers: headers, body: .bytes(bytes))
    }

    /// A prepared response with `extraHeaders` added. The body is sent without copying either
    /// way; one extra header is stamped into a per-loop clone of the prepared response, more
    /// make the server build a response per request.
    public static func prepared(_ response: PreparedResponse, extraHeaders: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: response.status, headers: extraHeaders, body: .prepared(response))
    }

    /// The one header added to a prepared body, when there is exactly one and it can be
    /// stamped in place.
    var onlyAddedField: PerRequestField? {
        guard headers.count == 1 else { return nil }
        return headers.first.flatMap { PerRequestField(name: $0.name, value: $0.value) }
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
        var merged: HTTPHeaders
        if case .prepared(let prepared) = body {
            merged = prepared.headers
            for field in headers { merged.add(field.name, field.value) }
        } else {
            merged = headers
        }
        return merged
    }
}
