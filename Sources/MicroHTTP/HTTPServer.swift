import Synchronization

/// An HTTP/1.1 server on libmicrohttpd: `threadCount` event loops, each a daemon on its own
/// SO_REUSEPORT socket of one port, all calling one `HTTPResponder`.
///
///     let server = HTTPServer(configuration: config, responder: api)
///     try server.start()
///     defer { server.stop() }
///     print(server.port!)
public final class HTTPServer: Sendable {
    public let configuration: Configuration
    private let responder: any HTTPResponder
    private let state = Mutex<State>(.idle)

    private enum State {
        case idle
        case running(loops: [MHDEventLoop], port: UInt16)
        case stopped
    }

    public init(configuration: Configuration, responder: some HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds and starts serving. Throws a one-line-describable error when the port is taken,
    /// the host does not resolve, or libmicrohttpd refuses the configuration.
    ///
    /// Without TLS, starting sets SIGPIPE to be ignored for the whole process: bodies sent from
    /// files (`PreparedResponse.sendingBodyFromFile()`) go by sendfile(2), which cannot be told
    /// not to raise it when a client has gone.
    public func start() throws(HTTPServerError) {
        try state.withLock { (state: inout State) throws(HTTPServerError) in
            guard case .idle = state else { throw .alreadyStarted }
            let address = try ListeningSocket.probe(host: configuration.host, port: configuration.port)
            let threadCount = max(1, configuration.threadCount)
            let perLoopLimit = max(1, configuration.connectionLimit / threadCount)
            var loops: [MHDEventLoop] = []
            do {
                for _ in 0..<threadCount {
                    let fd = try ListeningSocket.open(address, backlog: configuration.listenBacklog, host: configuration.host)
                    loops.append(try MHDEventLoop(listenFD: fd, configuration: configuration,
                                                  connectionLimit: perLoopLimit, responder: responder))
                }
            } catch let error as HTTPServerError {
                for loop in loops { loop.start(); loop.requestStop(deadline: .now); loop.join() }
                throw error
            } catch {
                fatalError("unreachable: only HTTPServerError is thrown above")
            }
            loops.forEach { $0.start() }
            state = .running(loops: loops, port: address.port)
        }
    }

    /// The bound port once started (the kernel's choice when 0 was configured).
    public var port: UInt16? {
        state.withLock { state in
            if case .running(_, let port) = state { return port }
            return nil
        }
    }

    /// Requests that have begun and not yet been fully answered.
    public var inFlightRequests: Int {
        loops.reduce(0) { $0 + $1.inFlightRequests.load(ordering: .relaxed) }
    }

    /// Graceful stop: stop accepting at once, let requests in flight finish for up to
    /// `gracePeriod`, then close every connection. Blocks until done; safe to call twice.
    public func stop(gracePeriod: Duration = .seconds(10)) {
        let loops: [MHDEventLoop] = state.withLock { state in
            guard case .running(let loops, _) = state else { return [] }
            state = .stopped
            return loops
        }
        let deadline = ContinuousClock.now + gracePeriod
        loops.forEach { $0.requestStop(deadline: deadline) }
        loops.forEach { $0.join() }
    }

    private var loops: [MHDEventLoop] {
        state.withLock { state in
            if case .running(let loops, _) = state { return loops }
            return []
        }
    }

    deinit { stop(gracePeriod: .zero) }
}
