#if canImport(Glibc)
import Glibc
#endif

extension HTTPServer {
    /// Everything the transport can be told. Defaults are safe for a public read-only API.
    public struct Configuration: Sendable {
        /// Address to bind: an IPv4 or IPv6 literal or a host name.
        public var host: String = "127.0.0.1"
        /// 0 asks the kernel for a free port; read it back from `HTTPServer.port`.
        public var port: UInt16 = 8080
        /// Event-loop threads. Each runs its own libmicrohttpd daemon on its own
        /// SO_REUSEPORT socket, so the kernel spreads connections across them.
        public var threadCount: Int = Configuration.onlineProcessorCount
        /// Seconds a connection may sit idle (or dribble a request) before it is closed.
        public var connectionTimeout: UInt32 = 30
        /// Open connections across all threads; beyond it new ones wait in the listen backlog.
        public var connectionLimit: Int = 4096
        /// Memory for one connection's request line, headers and buffers. A request line
        /// that does not fit gets 414, headers that do not fit get 431. 16 KiB holds about
        /// 14 KB of header bytes or 200 short fields (Node.js allows 16 KiB of headers). Not
        /// libmicrohttpd's 32 KiB: 0.9.75 zeroes the whole pool before every request on a
        /// kept-alive connection, which with 32 KiB cost more CPU than all of MicroHTTP
        /// (bench/RESULTS.md, "Connection memory").
        public var connectionMemoryLimit: Int = 16 * 1024
        /// Kernel accept queue per listening socket.
        public var listenBacklog: Int32 = 1024
        /// Bodies are read and discarded so the responder can answer them (with 413); a body
        /// larger than this closes the connection without an answer.
        public var maximumBodySize: Int = 1 << 20
        /// PEM certificate and key: when both are set the server speaks HTTPS only.
        public var tlsCertificatePEM: String?
        public var tlsKeyPEM: String?

        public init() {}

        public static var onlineProcessorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    }
}
