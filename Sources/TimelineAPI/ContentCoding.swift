/// Whether a response may be sent gzip-compressed, from `Accept-Encoding` (RFC 9110 §12.5.3).
enum ContentCoding {
    /// True when gzip (or `*`) is listed with a q above 0 and not excluded by `gzip;q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard var header, !header.isEmpty else { return false }
        return header.withUTF8 { acceptsGzip(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The same decision read straight from the header's bytes, as the quick path holds them.
    /// The list's syntax is ASCII, so it is read byte by byte; nothing is allocated unless a
    /// q-value has to be parsed.
    static func acceptsGzip(bytes: UnsafeRawBufferPointer) -> Bool {
        var gzipQuality: Double?
        var anyQuality: Double?
        var elementStart = 0
        while elementStart < bytes.count {
            let elementEnd = bytes.firstIndex(of: UInt8(ascii: ","), from: elementStart)
            // An element is `coding *( ";" parameter )`; empty pieces are skipped.
            var coding: Range<Int>?
            var quality = 1.0
            var pieceStart = elementStart
            while pieceStart < elementEnd {
                let pieceEnd = min(bytes.firstIndex(of: UInt8(ascii: ";"), from: pieceStart), elementEnd)
                if pieceEnd > pieceStart {
                    let piece = bytes.trimmingSpaces(pieceStart..<pieceEnd)
                    if coding == nil {
                        coding = piece
                    } else if piece.count > 2, bytes[piece.lowerBound] | 0x20 == UInt8(ascii: "q"),
                              bytes[piece.lowerBound + 1] == UInt8(ascii: "=") {
                        let value = UnsafeRawBufferPointer(rebasing: bytes[(piece.lowerBound + 2)..<piece.upperBound])
                        quality = Double(String(decoding: value, as: UTF8.self)) ?? 0
                    }
                }
                pieceStart = pieceEnd + 1
            }
            if let coding {
                let name = UnsafeRawBufferPointer(rebasing: bytes[coding])
                if name.equalsIgnoringASCIICase("gzip") || name.equalsIgnoringASCIICase("x-gzip") { gzipQuality = quality }
                if name.equalsIgnoringASCIICase("*") { anyQuality = quality }
            }
            elementStart = elementEnd + 1
        }
        return (gzipQuality ?? anyQuality ?? 0) > 0
    }
}

private extension UnsafeRawBufferPointer {
    /// The index of the first `byte` at or after `start`, or `count`.
    func firstIndex(of byte: UInt8, from start: Int) -> Int {
        var index = start
        while index < count, self[index] != byte { index += 1 }
        return index
    }

    /// `range` without the spaces and tabs at either end.
    func trimmingSpaces(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, self[lower] == 0x20 || self[lower] == 0x09 { lower += 1 }
        while upper > lower, self[upper - 1] == 0x20 || self[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }
}
