import MicroHTTP
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `X-Request-Id`: the client's own id when it is a safe token, or one of ours.
final class RequestID: Sendable {
    /// The 8 hex digits of a per-process prefix, as bytes in memory order.
    private let prefix: UInt64
    private let counter = Atomic<UInt64>(0)

    init() {
        // A per-process prefix keeps ids from two replicas or two runs apart in merged logs.
        let text = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
        prefix = text.utf8.reversed().reduce(0) { $0 << 8 | UInt64($1) }
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

    /// The next id, `<prefix>-<counter in hex>`, as the `X-Request-Id` field of a prepared
    /// answer. This runs for every request, so it writes words and bytes into the field's
    /// inline storage, not characters into a String.
    func nextField() -> PerRequestField {
        var number = counter.add(1, ordering: .relaxed).newValue
        let digits = max(1, (64 - number.leadingZeroBitCount + 3) / 4)
        let field = PerRequestField(name: "X-Request-Id") { buffer in
            buffer.storeBytes(of: prefix.littleEndian, as: UInt64.self)
            buffer[8] = UInt8(ascii: "-")
            for position in stride(from: 8 + digits, to: 8, by: -1) {
                let digit = UInt8(truncatingIfNeeded: number & 0xF)
                buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
                number >>= 4
            }
            return 9 + digits
        }
        // At most 8 + 1 + 16 = 25 bytes of hex digits and "-": always a valid field.
        guard let field else { preconditionFailure("request id is not a valid field value") }
        return field
    }

    /// The next id as a String, for responses built per request and the access log.
    func next() -> String { nextField().value }
}
