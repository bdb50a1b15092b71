#if canImport(Glibc)
import Glibc
#endif

/// A small blocking HTTP/1.1 client over a raw socket, for live tests. Raw on purpose: the
/// tests need keep-alive, pipelining, half-sent requests and abrupt closes, which higher
/// level clients hide. Every read has a timeout, so a server that stalls fails the test
/// instead of hanging it.
public final class HTTPTestClient {
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public enum ClientError: Error, CustomStringConvertible {
        case connect(String)
        case closed
        case timedOut
        case malformed(String)

        public var description: String {
            switch self {
            case .connect(let reason): "connect failed: \(reason)"
            case .closed: "server closed the connection"
            case .timedOut: "timed out waiting for the server"
            case .malformed(let reason): "malformed response: \(reason)"
            }
        }
    }

    public private(set) var fd: Int32
    private var buffer: [UInt8] = []

    public init(port: UInt16, host: String = "127.0.0.1", timeoutSeconds: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.connect("socket") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ClientError.connect(reason)
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Closes the connection with a reset (RST), as a client that goes away mid-answer does.
    /// The client cannot be used afterwards.
    public func reset() {
        var immediately = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &immediately, socklen_t(MemoryLayout<linger>.size))
        close(fd)
        fd = -1
    }

    /// Sends raw bytes as they are.
    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw ClientError.closed }
            offset += written
        }
    }

    /// Sends one request; `headers` are added after Host.
    public func sendRequest(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) throws {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        try send(request)
    }

    /// Reads one response. `bodyExpected: false` for HEAD, whose Content-Length announces a body that is not sent.
    public func readResponse(bodyExpected: Bool = true) throws -> Response {
        while findHeaderEnd() == nil { try fill() }
        let headerEnd = findHeaderEnd()!
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError.malformed(head) }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(inSet: " \t")
            headers.append((name: String(line[..<colon]), value: value))
        }
        let lengthField: String? = headers.first { $0.name.lowercased() == "content-length" }?.value
        let length: Int = lengthField.flatMap { Int($0) } ?? 0
        var body: [UInt8] = []
        if bodyExpected && status != 204 && status != 304 {
            while buffer.count < length { try fill() }
            body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// One request and its response on this connection.
    public func request(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) throws -> Response {
        try sendRequest(method, target, headers: headers)
        return try readResponse(bodyExpected: method != "HEAD")
    }

    /// Reads until the server closes; true if it did within the timeout.
    public func waitForClose() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count == 0 { return true }
            if count < 0 { return false }
        }
    }

    private func fill() throws {
        var scratch = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &scratch, scratch.count, 0)
        if count == 0 { throw ClientError.closed }
        if count < 0 { throw errno == EAGAIN || errno == EWOULDBLOCK ? ClientError.timedOut : ClientError.closed }
        buffer.append(contentsOf: scratch[..<count])
    }

    private func findHeaderEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(inSet characters: String) -> String {
        let set = Set(characters)
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
