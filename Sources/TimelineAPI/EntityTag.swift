/// Strong entity tags and `If-None-Match` (RFC 9110 §8.8.3, §13.1.2).
enum EntityTag {
    /// `"<dataset version>-<body hash>[-gz]"`: changes with the data and with the bytes; the
    /// gzip variant is a different representation, so it gets its own strong tag.
    static func make(datasetVersion: String, body: [UInt8], gzip: Bool) -> String {
        "\"\(datasetVersion.prefix(12))-\(fnv1a64Hex(body))\(gzip ? "-gz" : "")\""
    }

    /// If-None-Match uses the weak comparison: `W/` prefixes are ignored; `*` matches anything.
    static func noneMatch(_ header: String?, current: String) -> Bool {
        guard let header else { return false }
        let opaque = current.hasPrefix("W/") ? current.dropFirst(2) : current[...]
        for candidate in header.split(separator: ",") {
            var tag = candidate.trimmingSpaces
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == opaque { return true }
        }
        return false
    }

    static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
