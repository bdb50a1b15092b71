/// Whether a response may be sent gzip-compressed, from `Accept-Encoding` (RFC 9110 §12.5.3).
enum ContentCoding {
    /// True when gzip (or `*`) is listed with a q above 0 and not excluded by `gzip;q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header, !header.isEmpty else { return false }
        var gzipQuality: Double?
        var anyQuality: Double?
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let coding = parts.first?.trimmingSpaces.lowercased() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingSpaces.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].lowercased() == "q" { quality = Double(pair[1]) ?? 0 }
            }
            if coding == "gzip" || coding == "x-gzip" { gzipQuality = quality }
            if coding == "*" { anyQuality = quality }
        }
        return (gzipQuality ?? anyQuality ?? 0) > 0
    }
}

extension ContentCoding {
    /// The same decision read straight from the header's bytes, for the lists clients send
    /// most ("gzip", "gzip, deflate, br", "*"). Nil when an element has parameters (a q-value),
    /// which only `acceptsGzip(_:)` reads.
    static func acceptsGzip(bytes: UnsafeRawBufferPointer) -> Bool? {
        var accepts = false
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
            var first = start, last = end
            while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
            let coding = UnsafeRawBufferPointer(rebasing: bytes[first..<last])
            if coding.contains(UInt8(ascii: ";")) { return nil }
            if coding.equalsIgnoringASCIICase("gzip") || coding.equalsIgnoringASCIICase("x-gzip")
                || coding.equalsIgnoringASCIICase("*") {
                accepts = true
            }
            start = end + 1
        }
        return accepts
    }
}
