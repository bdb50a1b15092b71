import Testing
@testable import TimelineStore

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-25), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]),
            "e": .string(""),
        ]))
    }

    @Test func decodesEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
        #expect(try parse("\"Türkiye’s\"") == .string("Türkiye’s"))
    }

    @Test(arguments: [
        ("{\"format_version\": 1,}", "unexpected character \"}\" (expected a key) at line 1, column 22"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "unexpected character \"\"\" (expected \"}\") at line 3, column 3"),
        ("[1, 2", "unexpected end of input at line 1, column 6"),
        ("", "unexpected end of input at line 1, column 1"),
        ("{\"a\": tru}", "unexpected character \"}\" at line 1, column 10"),
        ("{\"a\": 01}", "unexpected character \"1\" (expected \"}\") at line 1, column 8"),
        ("{\"a\": 1.}", "invalid number at line 1, column 9"),
        ("\"abc", "unterminated string at line 1, column 5"),
        ("\"a\u{01}\"", "unescaped control character in string at line 1, column 3"),
        ("\"\\x\"", "invalid escape at line 1, column 3"),
        ("\"\\ud800\"", "unpaired surrogate in \\u escape at line 1, column 8"),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\" at line 1, column 10"),
        ("{} {}", "unexpected text after the JSON value at line 1, column 4"),
        ("{\"é\": ü}", "unexpected character \"ü\" at line 1, column 7"),
    ])
    func reportsWhereItWentWrong(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError(message: "not valid UTF-8", line: 1, column: 1)) {
            try JSONParser.parse([0x22, 0xFF, 0x22])
        }
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONSyntaxError(message: "nesting deeper than 256 levels", line: 1, column: 257)) {
            try parse(deep)
        }
    }
}
