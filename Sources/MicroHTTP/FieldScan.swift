/// One pass over a request head's fields: what the transport checks (RFC 9110 §5.5, RFC 9112
/// §3.2, §6.1) and where the common fields are. Made with the head; the transport's checks and
/// a responder's quick path then only read it.
struct FieldScan {
    struct Location {
        var count: Int32 = 0
        var firstIndex: Int32 = -1
    }

    /// Why a field breaks the rules.
    enum Problem: UInt8 {
        case nameIsNotAToken
        case controlByteInValue
    }

    /// The first field that breaks the rules, and its index. Plain values, no error with its
    /// message: the head carrying this is made for every request.
    private(set) var problem: (kind: Problem, index: Int32)?
    private(set) var hostCount: Int32 = 0
    private(set) var hasContentLength = false
    private(set) var hasTransferEncoding = false
    private var locations = (Location(), Location(), Location(), Location())

    init(_ fields: RequestHead.FieldSource) {
        var index: Int32 = 0
        fields.forEach { name, value in
            guard name.allSatisfy(HTTPRequestError.isTokenByte) else {
                problem = (.nameIsNotAToken, index)
                return false
            }
            guard !FieldScan.containsCRLFOrNUL(value) else {
                problem = (.controlByteInValue, index)
                return false
            }
            // By length first: most fields are none of these, and are told so by one compare.
            switch name.count {
            case 4 where FieldScan.token(name, equalsLowercased: "host"): hostCount += 1
            case 6 where FieldScan.token(name, equalsLowercased: "accept"): FieldScan.note(index, in: &locations.0)
            case 12 where FieldScan.token(name, equalsLowercased: "x-request-id"): FieldScan.note(index, in: &locations.3)
            case 13 where FieldScan.token(name, equalsLowercased: "if-none-match"): FieldScan.note(index, in: &locations.2)
            case 14 where FieldScan.token(name, equalsLowercased: "content-length"): hasContentLength = true
            case 15 where FieldScan.token(name, equalsLowercased: "accept-encoding"): FieldScan.note(index, in: &locations.1)
            case 17 where FieldScan.token(name, equalsLowercased: "transfer-encoding"): hasTransferEncoding = true
            default: break
            }
            index += 1
            return true
        }
    }

    /// Whether `bytes` has a CR, LF or NUL, eight bytes at a time: a value is checked on every
    /// request, and most are longer than a word.
    @inline(__always)
    static func containsCRLFOrNUL(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count >= 8 else { return bytes.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 } }
        var offset = 0
        while true {
            // The last word overlaps the one before it rather than reading past the end.
            let start = min(offset, count - 8)
            let word = bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            if hasZeroByte(word) || hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D) || hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A) {
                return true
            }
            offset += 8
            if offset >= count { return false }
        }
    }

    /// Whether a byte of `word` is zero (exact for the word as a whole).
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether `name`, already known to be a token, is `lowercased` in any case. For token
    /// bytes, setting bit 0x20 lower-cases letters and changes nothing `lowercased` holds
    /// (lower-case letters and "-"), so a byte compares equal exactly when it should.
    /// Not inlined: seven copies of it would make the scan's code several cache lines longer,
    /// and on this path instruction-cache misses cost more than calls.
    @inline(never)
    static func token(_ name: UnsafeRawBufferPointer, equalsLowercased lowercased: StaticString) -> Bool {
        let count = name.count
        guard count == lowercased.utf8CodeUnitCount else { return false }
        let other = UnsafeRawPointer(lowercased.utf8Start)
        guard count >= 8 else {
            for index in 0..<count where name[index] | 0x20 != other.load(fromByteOffset: index, as: UInt8.self) { return false }
            return true
        }
        var offset = 0
        while true {
            let start = min(offset, count - 8)
            let word = name.loadUnaligned(fromByteOffset: start, as: UInt64.self) | 0x2020_2020_2020_2020
            if word != other.loadUnaligned(fromByteOffset: start, as: UInt64.self) { return false }
            offset += 8
            if offset >= count { return true }
        }
    }

    @inline(__always)
    private static func note(_ index: Int32, in location: inout Location) {
        if location.count == 0 { location.firstIndex = index }
        location.count += 1
    }

    func location(of field: CommonField) -> Location {
        switch field {
        case .accept: locations.0
        case .acceptEncoding: locations.1
        case .ifNoneMatch: locations.2
        case .requestID: locations.3
        }
    }
}
