/// Interns byte strings (index terms, record ids) into dense `Int32` ids: an open-addressing
/// hash table over one byte arena. Indexing a million events meets tens of millions of term
/// occurrences and millions of id lookups; hashing and comparing raw bytes, with no
/// `String` made or SipHashed per occurrence, is what keeps that within the build budget.
/// With `foldsCase`, ASCII letters are lower-cased on the way in (terms); ids keep case.
struct TermTable: Sendable {
    let foldsCase: Bool
    /// Term `id` is `arena[starts[id]..<starts[id + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Term id per slot, -1 when empty; the count is a power of two, at most half full.
    private var slots: [Int32]
    private var shift: UInt64

    init(foldsCase: Bool, minimumCapacity: Int = 512) {
        self.foldsCase = foldsCase
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        arena.reserveCapacity(minimumCapacity * 8)
        starts.reserveCapacity(minimumCapacity + 1)
        hashes.reserveCapacity(minimumCapacity)
    }

    var count: Int { hashes.count }

    /// The id of the bytes, inserting them when new. `hash` must be `TermTable.hash(bytes)`
    /// (callers that scan bytes anyway compute it as they go).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let (slot, found) = probe(bytes, hash: hash)
        if let found { return found }
        let id = Int32(hashes.count)
        if foldsCase {
            for byte in bytes { arena.append(TermTable.lowercased(byte)) }
        } else {
            arena.append(contentsOf: bytes)
        }
        starts.append(Int32(arena.count))
        hashes.append(hash)
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(bytes, hash: hash(bytes))
    }

    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(bytes, hash: hash(bytes)).found
    }

    func find(_ string: String) -> Int32? {
        var string = string
        return string.withUTF8 { find($0) }
    }

    func term(_ id: Int) -> String {
        String(decoding: arena[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
    }

    /// FNV-1a over the folded bytes; without folding, eight bytes at a time (ids and long
    /// terms are 10 to 30 bytes, and a million events look up a few million of them: a
    /// multiply per byte was most of their cost).
    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard foldsCase else { return TermTable.wordHash(bytes) }
        var hash = TermTable.hashSeed
        for byte in bytes {
            hash = TermTable.hash(hash, TermTable.lowercased(byte))
        }
        return hash
    }

    private static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return hashSeed }
        let raw = UnsafeRawPointer(base)
        var hash = hashSeed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(base[offset])
            offset += 1
        }
        return (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// The slot holding the bytes (and their id), or the empty slot where they would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Int32?) {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                var slot = Int(TermTable.mix(hash) >> shift)
                let mask = slots.count - 1
                while true {
                    let id = slots[slot]
                    if id < 0 { return (slot, nil) }
                    if hashes[Int(id)] == hash && matches(Int(id), bytes) { return (slot, id) }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        guard Int(starts[id + 1]) - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            guard foldsCase else {
                // Eight bytes at a time, then the rest.
                guard let stored = arena.baseAddress, let given = bytes.baseAddress else { return true }
                var offset = 0
                while offset + 8 <= bytes.count {
                    if UnsafeRawPointer(stored + start).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != UnsafeRawPointer(given).loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                    offset += 8
                }
                while offset < bytes.count {
                    if stored[start + offset] != given[offset] { return false }
                    offset += 1
                }
                return true
            }
            for offset in 0..<bytes.count where arena[start + offset] != TermTable.lowercased(bytes[offset]) {
                return false
            }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(TermTable.mix(hash) >> shift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// Spreads FNV's weak high bits before taking the top bits as the slot.
    @inline(__always)
    private static func mix(_ hash: UInt64) -> UInt64 {
        (hash ^ (hash >> 29)) &* 0x9E37_79B9_7F4A_7C15
    }
}
