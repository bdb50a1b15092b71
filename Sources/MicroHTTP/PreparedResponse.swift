/// A response whose status, headers and body never change: made into a libmicrohttpd
/// response once, with the body sent from its `StableBytes`, and queued on any number of
/// connections at once (libmicrohttpd reference-counts it).
public final class PreparedResponse: Sendable {
    public let status: HTTPStatus
    public let headers: HTTPHeaders
    public let body: StableBytes
    let handle: MHDResponseHandle

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = StableBytes(body)
        handle = MHDResponseHandle(persistentBody: self.body, headers: headers)
    }
}
