import Foundation
import HTTPTestSupport
import MicroHTTP
import Synchronization
import Testing

/// The transport against a real server on an ephemeral port, with a real socket client.
@Suite struct HTTPServerTests {
    @Test func getHeadAndOptionsReachTheResponder() throws {
        let (server, port) = try makeServer(echoResponder)
        defer { server.stop() }
        let client = try HTTPTestClient(port: port)

        let get = try client.request("GET", "/a/b?x=1", headers: ["X-Test": "yes"])
        #expect(get.status == 200)
        #expect(get.header("Content-Type") == "application/json")
        #expect(get.text.contains(#""method":"GET","path":"/a/b","raw_query":"x=1""#))
        #expect(get.text.contains(#""x_test":"yes","client_is_loopback":true"#))

        // HEAD: the same headers, Content-Length included, and no body: the next response on
        // this keep-alive connection must parse cleanly, which it cannot if body bytes were sent.
        let head = try client.request("HEAD", "/a/b?x=1", headers: ["X-Test": "yes"])
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == String(get.body.count + (#""method":"HEAD""#.count - #""method":"GET""#.count)))
        let options = try client.request("OPTIONS", "/a")
        #expect(options.text.contains(#""method":"OPTIONS""#))
    }

    @Test func decodesQueriesAndRejectsBadEscapes() throws {
        let (server, port) = try makeServer(echoResponder)
        defer { server.stop() }
        let client = try HTTPTestClient(port: port)

        let decoded = try client.request("GET", "/q?a=%20x&b=1+2&a=&c&d=%E4%B8%AD")
        #expect(decoded.status == 200)
        #expect(decoded.text.contains(#""query":[["a"," x"],["b","1 2"],["a",""],["c",""],["d","中"]]"#))

        let bad = try client.request("GET", "/q?a=%zz")
        #expect(bad.status == 400)
        #expect(bad.header("Content-Type") == "application/problem+json")
        #expect(bad.text.contains(#""status":400"#))
        #expect(bad.text.contains(#"invalid percent-escape in \"%zz\""#))
        // The connection survives a 400 of ours.
        #expect(try client.request("GET", "/after").status == 200)
    }

    @Test func sixteenConcurrentClientsGetEveryAnswerRight() throws {
        let (server, port) = try makeServer(echoResponder)
        defer { server.stop() }
        let failures = runOnThreads(16) { clientIndex in
            let client = try HTTPTestClient(port: port)
            for requestIndex in 0..<1000 {
                let response = try client.request("GET", "/c\(clientIndex)?n=\(requestIndex)")
                guard response.status == 200,
                      response.text.contains(#""path":"/c\#(clientIndex)","raw_query":"n=\#(requestIndex)""#)
                else { throw HTTPTestClient.ClientError.malformed("wrong answer for \(clientIndex)/\(requestIndex): \(response.text)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// 256 keep-alive connections with a request ready on every one at once, round after
    /// round: libmicrohttpd 0.9.75's internal epoll loop stalls for good at 128·k ready events.
    @Test func twoHundredFiftySixKeepAliveClientsReadyAtOnce() throws {
        let (server, port) = try makeServer(threads: 1, echoResponder)
        defer { server.stop() }
        let clients = try (0..<256).map { _ in try HTTPTestClient(port: port, timeoutSeconds: 5) }
        for round in 0..<10 {
            for (index, client) in clients.enumerated() { try client.sendRequest("GET", "/k\(index)?round=\(round)") }
            for (index, client) in clients.enumerated() {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text.contains(#""path":"/k\#(index)","raw_query":"round=\#(round)""#))
            }
        }
    }

    @Test func aClientThatDisconnectsMidResponseDoesNotDisturbOthers() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 16 << 20)
        let responder = ClosureResponder { request in
            request.path == "/big" ? HTTPResponse(bytes: big) : HTTPResponse(bytes: Array("small".utf8))
        }
        let (server, port) = try makeServer(threads: 1, responder)
        defer { server.stop() }
        let other = try HTTPTestClient(port: port)
        for _ in 0..<5 {
            let leaver = try HTTPTestClient(port: port)
            try leaver.sendRequest("GET", "/big")
            var first = [UInt8](repeating: 0, count: 1024)
            #expect(recv(leaver.fd, &first, first.count, 0) > 0)
            // SO_LINGER 0 makes close() send a reset, the rudest way to leave.
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(leaver.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            for _ in 0..<20 { #expect(try other.request("GET", "/small").text == "small") }
        }
        #expect(try HTTPTestClient(port: port).request("GET", "/small").status == 200)
    }

    @Test func stopLetsRequestsInFlightComplete() throws {
        let started = Atomic<Int>(0)
        let responder = ClosureResponder { _ in
            started.add(1, ordering: .relaxed)
            usleep(400_000)
            return HTTPResponse(bytes: Array("done".utf8))
        }
        let (server, port) = try makeServer(responder)
        let answers = Mutex<[String]>([])
        let stopper = Thread {
            while started.load(ordering: .relaxed) < 4 { usleep(1000) }
            server.stop(gracePeriod: .seconds(5))
        }
        stopper.start()
        let failures = runOnThreads(4) { _ in
            let response = try HTTPTestClient(port: port).request("GET", "/slow")
            answers.withLock { $0.append("\(response.status) \(response.text)") }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(answers.withLock { $0 } == Array(repeating: "200 done", count: 4))
        // Once stopped, this server listens no more. Tests run in parallel, so another test's
        // server may have been given the freed port: whatever answers there must not be this one.
        while server.port != nil || server.inFlightRequests > 0 { usleep(1000) }
        if let client = try? HTTPTestClient(port: port) {
            #expect((try? client.request("GET", "/slow").text) != "done")
        }
    }

    @Test func startingOnAPortInUseSaysSo() throws {
        let (first, port) = try makeServer(echoResponder)
        defer { first.stop() }
        var configuration = HTTPServer.Configuration()
        configuration.port = port
        let second = HTTPServer(configuration: configuration, responder: echoResponder)
        #expect(throws: HTTPServerError.addressInUse(host: "127.0.0.1", port: port)) { try second.start() }
        #expect(HTTPServerError.addressInUse(host: "127.0.0.1", port: port).description
            == "cannot listen on 127.0.0.1:\(port): the address is already in use (is another server running? choose another --port)")
    }

    @Test func preparedResponsesAreSharedAndTakeExtraHeaders() throws {
        let prepared = PreparedResponse(headers: ["Content-Type": "text/plain", "ETag": "\"v1\""], body: Array("hello".utf8))
        let responder = ClosureResponder { request in
            request.path == "/extra" ? .prepared(prepared, extraHeaders: ["X-Request-Id": "abc"]) : .prepared(prepared)
        }
        let (server, port) = try makeServer(responder)
        defer { server.stop() }
        let failures = runOnThreads(4) { _ in
            let client = try HTTPTestClient(port: port)
            for _ in 0..<200 {
                let plain = try client.request("GET", "/")
                let extra = try client.request("GET", "/extra")
                guard plain.text == "hello", plain.header("ETag") == "\"v1\"", plain.header("X-Request-Id") == nil,
                      extra.text == "hello", extra.header("X-Request-Id") == "abc", extra.header("ETag") == "\"v1\""
                else { throw HTTPTestClient.ClientError.malformed("\(plain.headers) \(extra.headers)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(2))")
    }

    @Test func headerInjectionIsRefusedByTheTransport() throws {
        let responder = ClosureResponder { _ in HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: x=1"], bytes: Array("ok".utf8)) }
        let (server, port) = try makeServer(responder)
        defer { server.stop() }
        let response = try HTTPTestClient(port: port).request("GET", "/")
        #expect(response.header("Set-Cookie") == nil)
        #expect(response.header("X-Evil") == nil)
    }

    /// The default connection memory (16 KiB) holds a head of 12 KB, or 150 fields; a 20 KB
    /// head gets libmicrohttpd's 431, and the server goes on answering.
    @Test func theDefaultConnectionMemoryHoldsLargeHeadsAndRefusesLarger() throws {
        #expect(HTTPServer.Configuration().connectionMemoryLimit == 16 * 1024)
        let (server, port) = try makeServer(echoResponder)
        defer { server.stop() }
        let fields = Dictionary(uniqueKeysWithValues: (0..<150).map { ("X-Field-\($0)", "value-\($0)") })
        #expect(try HTTPTestClient(port: port).request("GET", "/fields", headers: fields).status == 200)
        let large = String(repeating: "a", count: 12_000)
        #expect(try HTTPTestClient(port: port).request("GET", "/large", headers: ["Authorization": large]).status == 200)
        let tooLarge = String(repeating: "a", count: 20_000)
        #expect(try HTTPTestClient(port: port).request("GET", "/too-large", headers: ["Authorization": tooLarge]).status == 431)
        #expect(try HTTPTestClient(port: port).request("GET", "/after").status == 200)
    }
}
