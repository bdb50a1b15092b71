import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `timeline-server healthcheck`: exits 0 when the local server answers /healthz with 200.
/// For container HEALTHCHECKs: the runtime image has no curl, and this needs none.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 if the server on --port answers GET /healthz with 200."
    )

    @Option(help: "Port of the local server (env PORT).")
    var port: UInt16 = Environment.integer("PORT") ?? 8080

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Int = 2

    func run() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ExitCode(1) }
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            StandardStream.error("unhealthy: cannot connect to 127.0.0.1:\(port)")
            throw ExitCode(1)
        }
        let request = Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            throw ExitCode(1)
        }
        var reply = [UInt8](repeating: 0, count: 64)
        let received = recv(fd, &reply, reply.count, 0)
        let statusLine = received > 0 ? String(decoding: reply[..<received], as: UTF8.self) : ""
        guard statusLine.hasPrefix("HTTP/1.1 200") else {
            StandardStream.error("unhealthy: \(statusLine.split(separator: "\r\n").first ?? "no answer")")
            throw ExitCode(1)
        }
        StandardStream.output("healthy")
    }
}
