import Foundation
import HTTPTestSupport
import MicroHTTP
import Testing

/// Responders' quick answers over a live server: a prepared response with one per-request
/// header, which the transport stamps into a per-loop clone instead of building a response.
@Suite struct QuickResponseTests {
    static let shared = PreparedResponse(headers: ["Content-Type": "text/plain"], body: Array("shared body".utf8))

    /// `/n/<token>` is answered quickly, with `X-Token: <token>`, when the token can be a
    /// `PerRequestField`; otherwise, and for anything else, the full way. The full way answers
    /// `/n/<token>` with the same prepared response and the token as one extra header, which
    /// the transport stamps too when it can and sends in a response of its own when it cannot.
    static let tokenResponder = ClosureResponder(quick: { head in
        guard head.target.hasPrefix("/n/") else { return nil }
        let token = String(head.target.dropFirst(3)).removingPercentEncodingForTest
        guard let field = PerRequestField(name: "X-Token", value: token) else { return nil }
        return QuickResponse(QuickResponseTests.shared, adding: field)
    }) { request in
        if request.path.hasPrefix("/n/") {
            return .prepared(QuickResponseTests.shared, extraHeaders: ["X-Token": String(request.path.dropFirst(3))])
        }
        return HTTPResponse(headers: ["X-Path": request.path], bytes: Array("full".utf8))
    }

    @Test func everyConcurrentRequestGetsItsOwnValue() throws {
        let (server, port) = try makeServer(threads: 2, Self.tokenResponder)
        defer { server.stop() }
        // Values of several lengths, so that several clones per loop are in use at once.
        let failures = runOnThreads(8) { client in
            let connection = try HTTPTestClient(port: port)
            for index in 0..<400 {
                let token = "c\(client)-\(String(repeating: "x", count: index % 5))-\(index)"
                let method = index % 7 == 0 ? "HEAD" : "GET"
                let response = try connection.request(method, "/n/\(token)")
                guard response.status == 200, response.header("X-Token") == token,
                      response.header("Content-Type") == "text/plain",
                      response.text == (method == "HEAD" ? "" : "shared body")
                else { throw HTTPTestClient.ClientError.malformed("\(token): \(response.header("X-Token") ?? "none") \(response.text)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    @Test func valuesThatCannotBeStampedStillArriveWhole() throws {
        let (server, port) = try makeServer(threads: 1, Self.tokenResponder)
        defer { server.stop() }
        let client = try HTTPTestClient(port: port)
        // A space is a valid header value byte but not stamped in place: the full path answers,
        // and the transport builds a response for it.
        #expect(try client.request("GET", "/n/a%20b").header("X-Token") == "a b")
        #expect(try client.request("GET", "/n/ab").header("X-Token") == "ab")
        #expect(try client.request("GET", "/other").header("X-Path") == "/other")
        let long = String(repeating: "z", count: 300)
        #expect(try client.request("GET", "/n/\(long)").header("X-Token") == long)
    }
}

private extension String {
    /// Only `%20` is used by these tests.
    var removingPercentEncodingForTest: String { replacingOccurrences(of: "%20", with: " ") }
}
