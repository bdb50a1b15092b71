/// Why the server could not start. Each case reads as one clear line for an operator.
public enum HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case addressInUse(host: String, port: UInt16)
    case cannotResolve(host: String, reason: String)
    case cannotListen(host: String, port: UInt16, reason: String)
    case daemonFailed(reason: String)
    case alreadyStarted

    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            "cannot listen on \(host):\(port): the address is already in use (is another server running? choose another --port)"
        case .cannotResolve(let host, let reason):
            "cannot resolve host \"\(host)\": \(reason)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        case .daemonFailed(let reason):
            "libmicrohttpd could not start: \(reason)"
        case .alreadyStarted:
            "the server is already started"
        }
    }
}
