import Foundation
import HTTPTestSupport
import MicroHTTP
import Testing

/// Prepared responses whose body is sent from a file (`sendingBodyFromFile()`): which get one,
/// and that a live server sends them whole, on kept-alive connections, quick path or full.
@Suite struct PreparedResponseTests {
    /// Every byte value, in a length that is not a multiple of a page or of a segment.
    static func makeBody(count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) } }

    static let fileBacked = PreparedResponse(headers: ["Content-Type": "application/octet-stream"],
                                             body: makeBody(count: 70_001)).sendingBodyFromFile()

    /// `/quick` and `/quick/<token>` (with `X-Token: <token>` stamped in) are quick answers;
    /// `/full` is the same response the full way; anything else a small response.
    static let responder = ClosureResponder(quick: { head in
        if head.target == "/quick" { return QuickResponse(PreparedResponseTests.fileBacked) }
        guard head.target.hasPrefix("/quick/"), let field = PerRequestField(name: "X-Token", value: String(head.target.dropFirst(7)))
        else { return nil }
        return QuickResponse(PreparedResponseTests.fileBacked, adding: field)
    }) { request in
        request.path == "/full" ? .prepared(PreparedResponseTests.fileBacked) : HTTPResponse(bytes: Array("small".utf8))
    }

    @Test func onlyLargeBodiesGetAFile() {
        let small = PreparedResponse(headers: [:], body: Self.makeBody(count: PreparedResponse.minimumFileBodySize - 1))
        #expect(small.sendingBodyFromFile() === small)
        #expect(!small.sendsBodyFromFile)

        let large = PreparedResponse(status: .notFound, headers: ["X-A": "b"],
                                     body: Self.makeBody(count: PreparedResponse.minimumFileBodySize))
        let fromFile = large.sendingBodyFromFile()
        #expect(fromFile !== large && fromFile.sendsBodyFromFile && !large.sendsBodyFromFile)
        #expect(fromFile.status == .notFound && fromFile.headers["x-a"] == "b")
        #expect(fromFile.body === large.body, "the bytes are shared, not copied")
        #expect(fromFile.sendingBodyFromFile() === fromFile)
    }

    @Test func bodiesFromFilesArriveWholeOnKeptAliveConnections() throws {
        let (server, port) = try makeServer(threads: 2, Self.responder)
        defer { server.stop() }
        #expect(Self.fileBacked.sendsBodyFromFile, "else this test would not test the file path")
        let expected = Self.fileBacked.body.bytes
        let failures = runOnThreads(6) { client in
            let connection = try HTTPTestClient(port: port)
            for index in 0..<60 {
                let target = ["/quick", "/quick/c\(client)-\(index)", "/full", "/small"][index % 4]
                let method = index % 5 == 0 ? "HEAD" : "GET"
                let response = try connection.request(method, target)
                let body = target == "/small" ? Array("small".utf8) : expected
                guard response.status == 200, response.header("Content-Length") == String(body.count),
                      response.body == (method == "HEAD" ? [] : body),
                      target.hasPrefix("/quick/") == (response.header("X-Token") == String(target.dropFirst(7)))
                else { throw HTTPTestClient.ClientError.malformed("\(method) \(target): \(response.status), \(response.body.count) bytes") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// Clients that reset the connection while a large body is being sent from its file: the
    /// server drops those connections and goes on answering. (Linux fails the next sendfile with
    /// ECONNRESET, as strace shows; SIGPIPE, which the server ignores, would come only from a
    /// write after that, which libmicrohttpd does not make here. So this does not show that the
    /// signal is ignored: removing the `signal` call leaves it passing.)
    @Test func clientsThatResetMidAnswerDoNotStopTheServer() throws {
        let large = PreparedResponse(headers: [:], body: Self.makeBody(count: 8 << 20)).sendingBodyFromFile()
        #expect(large.sendsBodyFromFile)
        let responder = ClosureResponder(quick: { _ in QuickResponse(large) }) { _ in .prepared(large) }
        let (server, port) = try makeServer(threads: 1, responder)
        defer { server.stop() }
        for _ in 0..<8 {
            let client = try HTTPTestClient(port: port)
            try client.sendRequest("GET", "/large")
            var start = [UInt8](repeating: 0, count: 4096)
            #expect(recv(client.fd, &start, start.count, 0) > 0, "the answer has begun")
            client.reset()
        }
        #expect(try HTTPTestClient(port: port).request("GET", "/large").body.count == large.body.count)
    }

    /// The transport corks the socket while such an answer is written and uncorks it when the
    /// request completes. Left corked, an answer's last partial segment waits for the kernel's
    /// 200 ms ceiling: 40 answers in a row would then take 8 s or more.
    @Test func corkedAnswersLeaveAtOnce() throws {
        let (server, port) = try makeServer(threads: 1, Self.responder)
        defer { server.stop() }
        let connection = try HTTPTestClient(port: port)
        let started = ContinuousClock.now
        for index in 0..<40 {
            let response = try connection.request("GET", index % 2 == 0 ? "/quick" : "/quick/\(index)")
            #expect(response.body.count == Self.fileBacked.body.count)
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(4), "40 answers took \(elapsed)")
    }
}
