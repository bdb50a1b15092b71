/// The one thing the HTTP layer asks of the layers above: turn a request into a response.
///
/// Synchronous and `Sendable`: libmicrohttpd's loop threads call it concurrently, each
/// with a request it has fully received, and send whatever it returns. It must not throw;
/// errors become responses in the responder, in one place.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// An answer made from the request head alone, or nil to have `respond(to:)` called.
    ///
    /// Asked first for every request. A responder answers here only what it can answer
    /// exactly as `respond(to:)` would, without building an `HTTPRequest`: its most frequent,
    /// already prepared answers. The default answers nothing.
    func quickResponse(to head: RequestHead) -> QuickResponse?
}

extension HTTPResponder {
    public func quickResponse(to head: RequestHead) -> QuickResponse? { nil }
}

/// A responder made from a closure, for tests and small tools.
public struct ClosureResponder: HTTPResponder {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse
    private let quick: (@Sendable (RequestHead) -> QuickResponse?)?

    public init(quick: (@Sendable (RequestHead) -> QuickResponse?)? = nil,
                _ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
        self.quick = quick
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse { body(request) }

    public func quickResponse(to head: RequestHead) -> QuickResponse? { quick?(head) }
}
