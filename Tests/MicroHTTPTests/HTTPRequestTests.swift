import Testing
@testable import MicroHTTP

@Suite struct HTTPRequestTests {
    @Test func splitsPathAndQuery() throws {
        let request = try HTTPRequest(method: .get, target: "/v1/a%20b?x=1&x=2&y=%E2%9C%93#frag")
        #expect(request.path == "/v1/a b")
        #expect(request.rawQuery == "x=1&x=2&y=%E2%9C%93")
        #expect(request.queryValues("x") == ["1", "2"])
        #expect(request.queryValues("y") == ["✓"])
    }

    @Test func plusInPathStaysPlus() throws {
        #expect(try HTTPRequest(method: .get, target: "/a+b").path == "/a+b")
    }

    @Test func refusesTargetsThatAreNotOriginForm() throws {
        for target in ["*", "healthz", "", "http://x/healthz", "/a b", "/a\u{1}", "/q=\u{FFFD}"] {
            #expect(throws: HTTPRequestError.self) { try HTTPRequest(method: .get, target: target) }
        }
        #expect((try? HTTPRequest(method: .options, target: "*")) != nil)
        #expect(try HTTPRequest(method: .get, target: "/v1/search?q=Алматы").queryValues("q") == ["Алматы"])
    }

    @Test func refusesUntrustworthyHeaderFraming() {
        let bad: [HTTPHeaders] = [
            ["Host": "a", "host": "b"], ["Content-Length": "5", "Transfer-Encoding": "chunked"],
            ["X-A ": "b"], ["X-A": "a\rb"],
        ]
        for headers in bad {
            #expect(throws: HTTPRequestError.self) { try HTTPRequest(method: .get, target: "/", headers: headers) }
        }
        #expect((try? HTTPRequest(method: .get, target: "/", headers: ["Host": "a", "X-A": "\u{1}"])) != nil)
    }

    @Test func headersAreCaseInsensitiveAndCombine() {
        var headers: HTTPHeaders = ["Accept": "text/csv"]
        headers.add("accept", "application/json")
        #expect(headers["ACCEPT"] == "text/csv")
        #expect(headers.combinedValue(of: "Accept") == "text/csv, application/json")
        headers.set("Accept", "*/*")
        #expect(headers.values(of: "accept") == ["*/*"])
    }
}
