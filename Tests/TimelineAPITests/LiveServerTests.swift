import Foundation
import HTTPTestSupport
import MicroHTTP
import Testing
@testable import TimelineAPI

/// The same API behind the real transport on an ephemeral port: what only the wire shows.
@Suite struct LiveServerTests {
    func start() throws -> (HTTPServer, UInt16) {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.threadCount = 2
        let server = HTTPServer(configuration: configuration, responder: sharedAPI)
        try server.start()
        return (server, server.port!)
    }

    @Test func healthHeadDeleteAndUnknownOverTheWire() throws {
        let (server, port) = try start()
        defer { server.stop() }
        let client = try HTTPTestClient(port: port)
        let health = try client.request("GET", "/healthz")
        #expect(health.status == 200)
        #expect(health.header("Content-Type") == "application/health+json")
        let head = try client.request("HEAD", "/v1/events")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(Int(head.header("Content-Length") ?? "") == get("/v1/events").bodyBytes.count)
        let delete = try client.request("DELETE", "/v1/events")
        #expect(delete.status == 405 && delete.header("Allow") == "GET, HEAD, OPTIONS")
        let missing = try client.request("GET", "/nowhere")
        #expect(missing.status == 404 && missing.header("Content-Type") == "application/problem+json")
    }

    /// Quick answers over the wire: the whole body, again and again on one keep-alive
    /// connection, each with its own stamped request id.
    @Test func quickAnswersArriveWholeWithTheirOwnIDs() throws {
        let (server, port) = try start()
        defer { server.stop() }
        let expected = get("/v1/events").bodyBytes
        let client = try HTTPTestClient(port: port)
        var ids: Set<String> = []
        for _ in 0..<20 {
            let response = try client.request("GET", "/v1/events")
            #expect(response.status == 200)
            #expect(response.body == expected)
            ids.insert(response.header("X-Request-Id") ?? "")
        }
        #expect(ids.count == 20)
        let gzip = try client.request("GET", "/v1/events", headers: ["Accept-Encoding": "gzip"])
        #expect(gzip.header("Content-Encoding") == "gzip" && gzip.body == get("/v1/events", headers: ["Accept-Encoding": "gzip"]).bodyBytes)
    }

    /// Hot targets are answered from the request head, but the transport's checks come first:
    /// HTTP/1.1 without Host, two Hosts, Content-Length with Transfer-Encoding.
    @Test func hotTargetsStillRefuseUntrustworthyFraming() throws {
        let (server, port) = try start()
        defer { server.stop() }
        // The second sends the last chunk (a chunked body wins over Content-Length), so it is read whole.
        for extra in ["\r\n", "Host: a\r\nHost: b\r\n\r\n", "Host: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"] {
            let client = try HTTPTestClient(port: port)
            try client.send("GET /v1/events HTTP/1.1\r\n\(extra)")
            let response = try client.readResponse()
            #expect(response.status == 400, "\(extra.debugDescription)")
            #expect(response.header("Connection")?.lowercased() == "close")
        }
        // A transfer coding libmicrohttpd cannot frame is refused at once rather than waited on.
        let unknownCoding = try HTTPTestClient(port: port)
        try unknownCoding.send("GET /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")
        let refused = try unknownCoding.readResponse()
        #expect(refused.status == 501 && refused.header("Connection")?.lowercased() == "close")
        let quick = try HTTPTestClient(port: port).request("GET", "/v1/events")
        #expect(quick.status == 200 && quick.header("X-Request-Id") != nil)
        // HTTP/1.0 has no Host requirement.
        let old = try HTTPTestClient(port: port)
        try old.send("GET /v1/events HTTP/1.0\r\n\r\n")
        #expect(try old.readResponse().status == 200)
    }

    @Test func malformedEscapesAreProblems() throws {
        let (server, port) = try start()
        defer { server.stop() }
        let response = try HTTPTestClient(port: port).request("GET", "/v1/events?q=%zz")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test func gzipAnd304OverTheWire() throws {
        let (server, port) = try start()
        defer { server.stop() }
        let client = try HTTPTestClient(port: port)
        let compressed = try client.request("GET", "/v1/events?limit=500", headers: ["Accept-Encoding": "gzip"])
        #expect(compressed.header("Content-Encoding") == "gzip")
        #expect(Gzip.decompress(compressed.body) == get("/v1/events?limit=500").bodyBytes)
        let tag = compressed.header("ETag")!
        let again = try client.request("GET", "/v1/events?limit=500", headers: ["Accept-Encoding": "gzip", "If-None-Match": tag])
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(try client.request("GET", "/healthz").status == 200, "the connection is still usable")
    }
}
