/// The one thing the HTTP layer asks of the layers above: turn a request into a response.
///
/// Synchronous and `Sendable`: libmicrohttpd's loop threads call it concurrently, each
/// with a request it has fully received, and send whatever it returns. It must not throw;
/// errors become responses in the responder, in one place.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A responder made from a closure, for tests and small tools.
public struct ClosureResponder: HTTPResponder {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.body = body }

    public func respond(to request: HTTPRequest) -> HTTPResponse { body(request) }
}
