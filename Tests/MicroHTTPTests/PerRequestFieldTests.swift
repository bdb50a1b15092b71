import Testing
@testable import MicroHTTP

@Suite struct PerRequestFieldTests {
    @Test func valuesOfVisibleASCIIUpToThirtyTwoBytesAreKept() throws {
        for value in ["a", "94a87955-1", "0123456789abcdef0123456789abcdef", "!~", "a.b:c@d_e-f"] {
            let field = try #require(PerRequestField(name: "X-Request-Id", value: value), "\(value)")
            #expect(field.value == value)
            #expect(field.valueLength == value.utf8.count)
            #expect(field.name == "X-Request-Id")
        }
    }

    @Test func otherValuesAreRefused() {
        for value in ["", "a b", "a\tb", "tab\t", "\u{7F}", "caf\u{E9}", String(repeating: "x", count: 33), "x\r\n"] {
            #expect(PerRequestField(name: "X-Token", value: value) == nil, "\(value.debugDescription)")
        }
    }

    /// The word-wise check against a byte-by-byte one: every byte value, at every position of
    /// a word, with every length that leaves it inside or outside the value.
    @Test func theWordCheckAgreesWithTheByteCheck() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                for byteCount in -1...9 {
                    let checked = bytes.prefix(max(0, min(byteCount, 8)))
                    let expected = checked.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
                    #expect(PerRequestField.isVisibleASCII(word, byteCount: byteCount) == expected,
                            "byte \(byte) at \(position), \(byteCount) bytes")
                }
            }
        }
    }

    @Test func aWriterThatWritesTooMuchOrNothingIsRefused() {
        #expect(PerRequestField(name: "X", writingValue: { _ in 0 }) == nil)
        #expect(PerRequestField(name: "X", writingValue: { _ in 33 }) == nil)
        #expect(PerRequestField(name: "X", writingValue: { _ in -1 }) == nil)
        let field = PerRequestField(name: "X") { buffer in
            buffer.copyBytes(from: "abc".utf8)
            return 3
        }
        #expect(field?.value == "abc")
    }
}
