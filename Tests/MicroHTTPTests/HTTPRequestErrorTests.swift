import Testing
@testable import MicroHTTP

@Suite struct HTTPRequestErrorTests {
    @Test func tokenBytesAreExactlyRFC9110sTchar() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPRequestError.isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }

    @Test func targetsInOriginFormPass() throws {
        for target in ["/", "/v1/events", "/v1/events?q=caf%C3%A9", "/caf\u{E9}", "/a?b=c&d"] {
            try HTTPRequestError.check(target: target, method: .get)
        }
        try HTTPRequestError.check(target: "*", method: .options)
    }

    @Test func eachBadTargetIsRefusedWithItsReason() {
        let cases: [(target: String, method: HTTPMethod, reason: String)] = [
            ("", .get, #"it must start with "/""#),
            ("*", .get, #"it must start with "/""#),
            ("*x", .options, #"it must start with "/""#),
            ("v1/events", .get, #"it must start with "/""#),
            ("/a b", .get, "a raw control character or space"),
            ("/a\u{7F}", .get, "a raw control character or space"),
            ("/a\tb", .get, "a raw control character or space"),
            ("/q=\u{FFFD}", .get, "raw bytes that are not UTF-8"),
        ]
        for (target, method, reason) in cases {
            #expect(throws: HTTPRequestError.target(reason), "\(target.debugDescription)") {
                try HTTPRequestError.check(target: target, method: method)
            }
        }
    }
}
