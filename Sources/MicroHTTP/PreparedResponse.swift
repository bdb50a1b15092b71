/// A response whose status, headers and body never change: made into a libmicrohttpd
/// response once, with the body sent from its `StableBytes` (or from a file: see
/// `sendingBodyFromFile()`), and queued on any number of connections at once (libmicrohttpd
/// reference-counts it).
public final class PreparedResponse: Sendable {
    public let status: HTTPStatus
    public let headers: HTTPHeaders
    public let body: StableBytes
    let handle: MHDResponseHandle
    /// The body as an anonymous file too, for `sendingBodyFromFile()`; nil otherwise.
    let bodyFile: BodyFile?

    public convenience init(status: HTTPStatus = .ok, headers: HTTPHeaders, body: [UInt8]) {
        self.init(status: status, headers: headers, body: StableBytes(body), bodyFile: nil)
    }

    private init(status: HTTPStatus, headers: HTTPHeaders, body: StableBytes, bodyFile: BodyFile?) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyFile = bodyFile
        handle = MHDResponseHandle(persistentBody: body, headers: headers)
    }

    /// Bodies shorter than this are not worth a file: see `sendingBodyFromFile()`.
    public static let minimumFileBodySize = 16 * 1024

    /// The same response, with its body also written once into an anonymous file in memory
    /// (memfd_create), from which the transport sends it with sendfile(2) on connections
    /// without TLS, holding the head back (TCP_CORK) until the body has joined it, as nginx
    /// does with `sendfile` and `tcp_nopush`. (libmicrohttpd pushes the head of a connection's
    /// first such answer out on its own all the same; the later ones leave whole.)
    ///
    /// Why: copied, each answer's body goes into fresh kernel pages, and with hundreds of
    /// answers waiting to be read those pages have left the cache by the time the client reads
    /// them. Sent from a file, every client reads the same few pages, and the server copies
    /// nothing. Measured on a 32.5 KB body at 256 and 1,024 connections (bench/RESULTS.md).
    ///
    /// For the few large answers sent most often: the file holds one file descriptor, and each
    /// event loop that sends it one more per copy it keeps (one, and one per request-id length
    /// stamped in); corking costs two system calls per answer, more than copying a body under
    /// `minimumFileBodySize`, for which this returns the response itself. It does the same when
    /// the file cannot be made, and a loop that finds no descriptor left for its copy sends the
    /// body from memory: out of file descriptors, answers are copied, not lost. Under TLS the
    /// file is made but not used.
    public func sendingBodyFromFile() -> PreparedResponse {
        guard bodyFile == nil, body.count >= PreparedResponse.minimumFileBodySize,
              let file = BodyFile(body)
        else { return self }
        return PreparedResponse(status: status, headers: headers, body: body, bodyFile: file)
    }

    /// Whether `sendingBodyFromFile()` gave this response a file.
    public var sendsBodyFromFile: Bool { bodyFile != nil }
}
