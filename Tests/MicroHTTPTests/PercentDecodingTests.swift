import Testing
@testable import MicroHTTP

@Suite struct PercentDecodingTests {
    @Test func decodesEscapesAndPlusInQueries() throws {
        #expect(try PercentDecoding.decode("a%20b+c", plusIsSpace: true) == "a b c")
        #expect(try PercentDecoding.decode("a%20b+c", plusIsSpace: false) == "a b+c")
        #expect(try PercentDecoding.decode("%C3%BC%e4%b8%ad", plusIsSpace: true) == "ü中")
        #expect(try PercentDecoding.decode("%2B", plusIsSpace: true) == "+")
    }

    @Test(arguments: ["%zz", "%", "%4", "abc%g0", "%%"])
    func rejectsInvalidEscapes(_ text: String) {
        #expect(throws: PercentDecodingError.invalidEscape(text)) { try PercentDecoding.decode(text, plusIsSpace: true) }
    }

    @Test func rejectsInvalidUTF8AndNUL() {
        #expect(throws: PercentDecodingError.invalidUTF8("%FF")) { try PercentDecoding.decode("%FF", plusIsSpace: true) }
        #expect(throws: PercentDecodingError.nulByte("a%00")) { try PercentDecoding.decode("a%00", plusIsSpace: true) }
    }

    @Test func splitsQueryKeepingOrderRepeatsAndEmptyValues() throws {
        let items = try PercentDecoding.queryItems("a=1&b=&c&a=2&&d=x%3Dy")
        #expect(items == [
            QueryItem(name: "a", value: "1"), QueryItem(name: "b", value: ""), QueryItem(name: "c", value: ""),
            QueryItem(name: "a", value: "2"), QueryItem(name: "d", value: "x=y"),
        ])
    }

    // Found by fuzz/ (FuzzQueryString): U+0301 after `&` or `=` made one Character with it,
    // so the Character-based split kept `a=1&\u{301}b=2` as one item.
    @Test func splitsOnSeparatorsFollowedByCombiningMarks() throws {
        #expect(try PercentDecoding.queryItems("a=1&\u{301}b=2") == [
            QueryItem(name: "a", value: "1"), QueryItem(name: "\u{301}b", value: "2"),
        ])
        #expect(try PercentDecoding.queryItems("q=\u{301}x") == [QueryItem(name: "q", value: "\u{301}x")])
        #expect(try HTTPRequest(method: .get, target: "/p?a&\u{301}=1").queryItems == [
            QueryItem(name: "a", value: ""), QueryItem(name: "\u{301}", value: "1"),
        ])
    }
}
