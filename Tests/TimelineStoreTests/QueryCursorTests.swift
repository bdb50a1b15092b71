import Testing
@testable import TimelineStore

@Suite struct QueryCursorTests {
    @Test func base64URLRoundTripsEveryLength() {
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8(($0 * 97 + 251) % 256) }
            let encoded = Base64URL.encode(bytes)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(Base64URL.decode(encoded) == bytes)
        }
        #expect(Base64URL.encode(Array("hello?".utf8)) == "aGVsbG8_")
        #expect(Base64URL.decode("aGVsbG8_") == Array("hello?".utf8))
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("ab=c") == nil)
    }

    @Test func roundTripsItsKey() throws {
        let cursor = QueryCursor(fingerprint: "f00d", key: ["18993", "0", "src:a", "3", "né-1"])
        let decoded = try QueryCursor.decode(cursor.encoded(), expecting: "f00d", keyCount: 5)
        #expect(decoded == cursor)
    }

    @Test func refusesOtherQueriesAndGarbage() {
        let encoded = QueryCursor(fingerprint: "f00d", key: ["a", "b"]).encoded()
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor belongs to a different query")) {
            try QueryCursor.decode(encoded, expecting: "beef", keyCount: 2)
        }
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor is not a timeline cursor")) {
            try QueryCursor.decode(encoded, expecting: "f00d", keyCount: 5)
        }
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor is not valid base64url")) {
            try QueryCursor.decode("not a cursor!", expecting: "f00d", keyCount: 2)
        }
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor is not valid base64url")) {
            try QueryCursor.decode("", expecting: "f00d", keyCount: 2)
        }
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor is not a timeline cursor")) {
            try QueryCursor.decode(Base64URL.encode(Array("4:tlc14:f00d1:a1:b16:0000000000000000".utf8)),
                                   expecting: "f00d", keyCount: 2)
        }
        // One character changed: the checksum no longer matches.
        var tampered = Array(encoded)
        tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
        #expect(throws: TimelineQueryError.self) {
            try QueryCursor.decode(String(tampered), expecting: "f00d", keyCount: 2)
        }
    }
}
