#if canImport(Glibc)
import Glibc
#endif

/// Listening sockets made by hand rather than by libmicrohttpd, for two reasons: the
/// exact `errno` of a failed bind becomes a clear message, and every loop thread can get
/// its own SO_REUSEPORT socket on one port, so the kernel balances connections.
enum ListeningSocket {
    /// Resolves `host`, checks the port is free with a plain (non-reuse) bind, and returns the
    /// address with the port the kernel chose when 0 was asked for.
    ///
    /// The probe matters: two SO_REUSEPORT servers of the same user may share a port, so
    /// without it a second timeline-server would silently steal half the first one's traffic.
    static func probe(host: String, port: UInt16) throws(HTTPServerError) -> SocketAddress {
        var address = try resolve(host: host, port: port)
        let fd = socket(Int32(address.family), Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .cannotListen(host: host, port: port, reason: errnoText()) }
        defer { close(fd) }
        var one: Int32 = 1
        // SO_REUSEADDR only lets us bind over TIME_WAIT leftovers; it never shares a live listener.
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if address.bind(fd) != 0 {
            if errno == EADDRINUSE { throw .addressInUse(host: host, port: port) }
            throw .cannotListen(host: host, port: port, reason: errnoText())
        }
        address.port = boundPort(fd)
        return address
    }

    /// A non-blocking SO_REUSEPORT listener on `address`.
    static func open(_ address: SocketAddress, backlog: Int32, host: String) throws(HTTPServerError) -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let fd = socket(Int32(address.family), type, 0)
        guard fd >= 0 else { throw .cannotListen(host: host, port: address.port, reason: errnoText()) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        if address.family == sa_family_t(AF_INET6) {
            // Bind exactly what was asked: "::" should not silently swallow IPv4 too.
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        guard address.bind(fd) == 0, listen(fd, backlog) == 0 else {
            let failure: HTTPServerError = errno == EADDRINUSE
                ? .addressInUse(host: host, port: address.port)
                : .cannotListen(host: host, port: address.port, reason: errnoText())
            close(fd)
            throw failure
        }
        return fd
    }

    private static func resolve(host: String, port: UInt16) throws(HTTPServerError) -> SocketAddress {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let first = result else {
            throw .cannotResolve(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(result) }
        // Prefer IPv4 when a name resolves to both: it is what "localhost" users expect to curl.
        var chosen = first
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if entry.pointee.ai_family == AF_INET { chosen = entry; break }
            cursor = entry.pointee.ai_next
        }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: chosen.pointee.ai_addr, count: Int(chosen.pointee.ai_addrlen)))
        }
        return SocketAddress(storage: storage, length: chosen.pointee.ai_addrlen)
    }

    private static func boundPort(_ fd: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        return SocketAddress(storage: storage, length: length).port
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// An IPv4 or IPv6 socket address.
struct SocketAddress {
    var storage: sockaddr_storage
    var length: socklen_t

    var family: sa_family_t { storage.ss_family }

    var port: UInt16 {
        get {
            withUnsafeBytes(of: storage) { raw in
                family == sa_family_t(AF_INET)
                    ? UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
                    : UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
            }
        }
        set {
            let isIPv4 = family == sa_family_t(AF_INET)
            withUnsafeMutableBytes(of: &storage) { raw in
                if isIPv4 {
                    raw.withMemoryRebound(to: sockaddr_in.self) { $0[0].sin_port = newValue.bigEndian }
                } else {
                    raw.withMemoryRebound(to: sockaddr_in6.self) { $0[0].sin6_port = newValue.bigEndian }
                }
            }
        }
    }

    func bind(_ fd: Int32) -> Int32 {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, length) }
        }
    }
}
