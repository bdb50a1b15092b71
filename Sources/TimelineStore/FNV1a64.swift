/// FNV-1a, 64-bit: a small, stable, non-cryptographic hash for dataset versions and cursor
/// fingerprints (equal input, equal hash, on every platform and run, unlike `Hasher`).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    mutating func combine(_ string: String) {
        combine(string.utf8)
        // A separator, so ("ab", "c") and ("a", "bc") hash differently.
        combine(CollectionOfOne(0xFF))
    }

    /// 16 lower-case hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
