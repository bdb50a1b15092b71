import Testing
@testable import TimelineAPI

@Suite struct RequestIDTests {
    @Test func idsCountUpInHexAfterAPerProcessPrefix() throws {
        let ids = RequestID()
        let generated = (1...300).map { _ in ids.next() }
        let prefix = try #require(generated.first?.split(separator: "-").first)
        #expect(prefix.count == 8)
        #expect(prefix.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        for (offset, id) in generated.enumerated() {
            #expect(id == "\(prefix)-\(String(offset + 1, radix: 16))")
            #expect(RequestID.isSafe(id))
        }
    }

    @Test func clientIDsAreEchoedOnlyWhenSafe() {
        #expect(RequestID.isSafe("abc-123_x.y:z@w"))
        #expect(!RequestID.isSafe(""))
        #expect(!RequestID.isSafe("has space"))
        #expect(!RequestID.isSafe("line\r\nbreak"))
        #expect(!RequestID.isSafe(String(repeating: "a", count: 129)))
        #expect(RequestID.isSafe(String(repeating: "a", count: 128)))
    }
}
