import Testing
@testable import MicroHTTP

@Suite struct FieldScanTests {
    @Test func commonFieldsAreCountedWithTheirFirstValue() {
        let head = RequestHead(method: .get, target: "/", headers: HTTPHeaders([
            (name: "Host", value: "h"), (name: "ACCEPT", value: "text/csv"), (name: "accept", value: "*/*"),
            (name: "Accept-Encoding", value: "gzip"), (name: "X-Request-ID", value: "mine"),
        ]))
        #expect(head.count(of: .accept) == 2)
        #expect(head.withFirstValue(of: .accept) { $0.map { String(decoding: $0, as: UTF8.self) } } == "text/csv")
        #expect(head.count(of: .acceptEncoding) == 1)
        #expect(head.withFirstValue(of: .acceptEncoding) { $0.map { String(decoding: $0, as: UTF8.self) } } == "gzip")
        #expect(head.count(of: .requestID) == 1)
        #expect(head.count(of: .ifNoneMatch) == 0)
        #expect(head.withFirstValue(of: .ifNoneMatch) { $0 == nil })
    }

    /// Names of the same length as a common field are not taken for it.
    @Test func lookAlikesAreNotCommonFields() {
        let head = RequestHead(method: .get, target: "/", headers: HTTPHeaders([
            (name: "Hosts", value: "h"), (name: "Accep1", value: "x"), (name: "accept_encoding", value: "gzip"),
            (name: "if-none-matcH", value: "*"), (name: "x-request-ie", value: "1"), (name: "content-lengtx", value: "1"),
        ]))
        #expect(head.count(of: .accept) == 0)
        #expect(head.count(of: .acceptEncoding) == 0)
        #expect(head.count(of: .ifNoneMatch) == 1)
        #expect(head.count(of: .requestID) == 0)
        #expect(head.scan.hostCount == 0)
        #expect(!head.scan.hasContentLength)
    }

    static let commonNames: [(text: String, literal: StaticString)] = [
        ("host", "host"), ("accept", "accept"), ("x-request-id", "x-request-id"), ("if-none-match", "if-none-match"),
        ("content-length", "content-length"), ("accept-encoding", "accept-encoding"), ("transfer-encoding", "transfer-encoding"),
    ]

    /// Each literal against every case of itself, one byte changed at each position (to another
    /// token byte, upper-case letters included), and every other literal.
    @Test func tokenComparisonMatchesEveryCaseAndNothingElse() {
        for (text, literal) in FieldScanTests.commonNames {
            var candidates: [(String, Bool)] = [(text, true), (text.uppercased(), true), (text.capitalized, true)]
            for position in text.utf8.indices {
                for replacement in ["x", "X", "-", "1", "_", "~"] where String(text[position]) != replacement
                    && String(text[position]).lowercased() != replacement.lowercased() {
                    var changed = text
                    changed.replaceSubrange(position...position, with: replacement)
                    candidates.append((changed, false))
                }
            }
            for (other, _) in FieldScanTests.commonNames where other != text { candidates.append((other, false)) }
            for (candidate, expected) in candidates {
                var bytes = candidate
                let equal = bytes.withUTF8 { FieldScan.token(UnsafeRawBufferPointer($0), equalsLowercased: literal) }
                #expect(equal == expected, "\(candidate) against \(text)")
            }
        }
    }

    /// The same errors, in the same order of precedence, as the transport has always answered.
    @Test func theFirstBadFieldIsReportedByName() {
        let cases: [(HTTPHeaders, String)] = [
            (HTTPHeaders([(name: "Host", value: "h"), (name: "Bad Name", value: "v")]),
             #"a field name that is not a token ("Bad Name")"#),
            (HTTPHeaders([(name: "Host", value: "h"), (name: "Accept", value: "*/*"), (name: "X-Later", value: "a\rb")]),
             "a CR, LF or NUL inside the value of X-Later"),
            // A bad name wins over two Hosts, which the scan would also refuse.
            (HTTPHeaders([(name: "Host", value: "a"), (name: "Host", value: "b"), (name: "B@d", value: "v")]),
             #"a field name that is not a token ("B@d")"#),
            (HTTPHeaders([(name: "Host", value: "a"), (name: "Host", value: "b")]), "more than one Host"),
            (HTTPHeaders([(name: "Content-Length", value: "1"), (name: "Transfer-Encoding", value: "chunked")]),
             "both Content-Length and Transfer-Encoding"),
        ]
        for (headers, reason) in cases {
            #expect(throws: HTTPRequestError.header(reason), "\(Array(headers))") {
                try HTTPRequestError.check(headers: headers)
            }
        }
    }

    @Test func aHeadWithABadFieldSaysSo() {
        let bad = RequestHead(method: .get, target: "/", headers: HTTPHeaders([(name: "B@d", value: "v"), (name: "X-Request-Id", value: "1")]))
        #expect(!bad.fieldsAreWellFormed)
        #expect(RequestHead(method: .get, target: "/", headers: ["Host": "h"]).fieldsAreWellFormed)
    }

    /// Every byte value at every position of values up to 20 bytes long (word and tail paths).
    @Test func controlBytesAreFoundAtEveryPosition() {
        for length in 1...20 {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "v"), count: length)
                    bytes[position] = byte
                    let expected = byte == 0x0D || byte == 0x0A || byte == 0
                    #expect(bytes.withUnsafeBytes { FieldScan.containsCRLFOrNUL($0) } == expected,
                            "length \(length), \(byte) at \(position)")
                }
            }
        }
        #expect(![UInt8]().withUnsafeBytes { FieldScan.containsCRLFOrNUL($0) })
    }
}
