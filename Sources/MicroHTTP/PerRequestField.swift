/// A header whose value changes with every response, such as a request id, added to a
/// prepared response (`QuickResponse`).
///
/// The value is held inline, up to 32 bytes of visible ASCII, not as a String: one is made
/// for every quick answer, and this way making, checking and stamping it into a prepared
/// response (MHDBridge.swift, `StampedResponses`) touch no reference count and build no String.
public struct PerRequestField: Sendable {
    public static let maximumValueLength = 32

    public let name: String
    /// The value's first `valueLength` bytes; the rest is never read.
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64)
    public let valueLength: Int

    @usableFromInline init(name: String, words: (UInt64, UInt64, UInt64, UInt64), valueLength: Int) {
        self.name = name
        self.words = words
        self.valueLength = valueLength
    }

    /// A field whose value `write` writes into the buffer it is given (32 bytes), returning how
    /// many bytes it wrote; nil unless that is 1–32 bytes of visible ASCII (0x21–0x7E), the
    /// only values that can be stamped in place.
    @inlinable // made for every quick answer, in another module: lets the writer inline
    public init?(name: String, writingValue write: (UnsafeMutableRawBufferPointer) -> Int) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &words) { write($0) }
        guard (1...PerRequestField.maximumValueLength).contains(count),
              PerRequestField.isVisibleASCII(words.0, byteCount: count)
                && PerRequestField.isVisibleASCII(words.1, byteCount: count - 8)
                && PerRequestField.isVisibleASCII(words.2, byteCount: count - 16)
                && PerRequestField.isVisibleASCII(words.3, byteCount: count - 24)
        else { return nil }
        self.init(name: name, words: words, valueLength: count)
    }

    /// A field with `value`; nil unless the value is 1–32 bytes of visible ASCII.
    public init?(name: String, value: String) {
        var value = value
        let copied: PerRequestField? = value.withUTF8 { bytes in
            PerRequestField(name: name) { buffer in
                guard bytes.count <= buffer.count else { return bytes.count }
                buffer.copyMemory(from: UnsafeRawBufferPointer(bytes))
                return bytes.count
            }
        }
        guard let copied else { return nil }
        self = copied
    }

    public var value: String {
        withValueBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the value's bytes, valid only inside it.
    @inline(__always)
    func withValueBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withUnsafeBytes(of: words) { body(UnsafeRawBufferPointer(rebasing: $0[0..<valueLength])) }
    }

    /// Whether the first `byteCount` bytes of `word` (all eight when it is 8 or more, none when
    /// it is 0 or less) lie in 0x21–0x7E, tested on the word at once: the other bytes are set
    /// to "!" first, then a byte below 0x21 borrows into its top bit when 0x21 is subtracted,
    /// and a byte above 0x7E has its top bit set once 1 is added (or already). Exact for the
    /// word as a whole.
    @inlinable
    static func isVisibleASCII(_ word: UInt64, byteCount: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Read as little-endian, the first bytes in memory are the low ones.
        let word = UInt64(littleEndian: word)
        let kept: UInt64 = byteCount >= 8 ? ~0 : byteCount <= 0 ? 0 : (1 << (UInt64(byteCount) * 8)) - 1
        let padded = (word & kept) | (ones &* 0x21 & ~kept)
        let below = (padded &- ones &* 0x21) & ~padded & highBits
        let above = ((padded &+ ones) | padded) & highBits
        return below | above == 0
    }
}
