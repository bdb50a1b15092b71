import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `X-Request-Id`: the client's own id when it is a safe token, or one of ours.
final class RequestID: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        // A per-process prefix keeps ids from two replicas or two runs apart in merged logs.
        prefix = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
    }

    /// Only 1–128 characters of `A-Z a-z 0-9 - _ . : @` are echoed: nothing a client sends
    /// reaches a response header unvalidated.
    static func isSafe(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard (1...128).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
        }
    }

    /// `<prefix>-<counter in hex>`. Written byte by byte rather than interpolated: up to 15
    /// bytes (the first 16^6 ids) it is then a small string, which needs no allocation.
    func next() -> String {
        var number = counter.add(1, ordering: .relaxed).newValue
        var digits = 1
        while number >> (4 * UInt64(digits)) != 0 && digits < 16 { digits += 1 }
        let prefixBytes = prefix.utf8
        return String(unsafeUninitializedCapacity: prefixBytes.count + 1 + digits) { buffer in
            var index = 0
            for byte in prefixBytes { buffer[index] = byte; index += 1 }
            buffer[index] = UInt8(ascii: "-")
            for position in stride(from: index + digits, to: index, by: -1) {
                buffer[position] = RequestID.hexDigits[Int(number & 0xF)]
                number >>= 4
            }
            return index + 1 + digits
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
