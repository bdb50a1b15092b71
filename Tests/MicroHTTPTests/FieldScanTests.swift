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

    @Test func tokenComparisonMatchesEveryCaseAndNothingElse() {
        let names = ["host", "accept", "x-request-id", "if-none-match", "content-length", "accept-encoding", "transfer-encoding"]
        for name in names {
            for candidate in [name, name.uppercased(), name.capitalized, String(name.dropLast()) + "x", name + "s"] {
                var bytes = candidate
                let equal = bytes.withUTF8 { FieldScan.token(UnsafeRawBufferPointer($0), equalsLowercased: "host") }
                #expect(equal == (candidate.lowercased() == "host"), "\(candidate)")
            }
        }
        var long = "Transfer-Encoding"
        #expect(long.withUTF8 { FieldScan.token(UnsafeRawBufferPointer($0), equalsLowercased: "transfer-encoding") })
        var near = "Transfer-Encodinf"
        #expect(!near.withUTF8 { FieldScan.token(UnsafeRawBufferPointer($0), equalsLowercased: "transfer-encoding") })
    }

    @Test func controlBytesAreFoundAtEveryPosition() {
        for length in 0...20 {
            for position in 0..<max(length, 1) where length > 0 {
                for bad: UInt8 in [0x0D, 0x0A, 0x00] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "v"), count: length)
                    bytes[position] = bad
                    #expect(bytes.withUnsafeBytes { FieldScan.containsCRLFOrNUL($0) }, "length \(length), \(bad) at \(position)")
                }
            }
            let clean = [UInt8](repeating: 0x0B, count: length) // vertical tab: allowed by this check
            #expect(!clean.withUnsafeBytes { FieldScan.containsCRLFOrNUL($0) })
        }
    }
}
