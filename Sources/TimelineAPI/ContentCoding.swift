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
