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

    func next() -> String {
        let number = counter.add(1, ordering: .relaxed).newValue
        return "\(prefix)-\(String(number, radix: 16))"
    }
}
