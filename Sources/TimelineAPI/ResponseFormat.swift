import MicroHTTP

/// The representations the API can produce, chosen by `?format=` or by `Accept`.
public enum ResponseFormat: String, Sendable, CaseIterable {
    case json
    case ndjson
    case csv
    case geojson
    case timelinejs

    public var mediaType: String {
        switch self {
        case .json, .timelinejs: "application/json"
        case .ndjson: "application/x-ndjson"
        case .csv: "text/csv; charset=utf-8"
        case .geojson: "application/geo+json"
        }
    }

    /// The media type without parameters, as matched against `Accept`.
    var essence: (type: Substring, subtype: Substring) {
        switch self {
        case .json, .timelinejs: ("application", "json")
        case .ndjson: ("application", "x-ndjson")
        case .csv: ("text", "csv")
        case .geojson: ("application", "geo+json")
        }
    }

    /// Picks the format: an explicit `format=` wins (400 if unknown or not offered here);
    /// otherwise the `Accept` range with the highest q that an offered format satisfies,
    /// ties going to the route's order of preference (406 if none does).
    static func negotiate(formatParameter: String?, accept: String?, offered: [ResponseFormat]) throws(APIError) -> ResponseFormat {
        if let formatParameter {
            guard let format = ResponseFormat(rawValue: formatParameter.lowercased()), offered.contains(format) else {
                throw .unsupportedFormat(value: formatParameter, supported: offered.map(\.rawValue))
            }
            return format
        }
        guard let accept, !accept.isEmpty else { return offered[0] }
        let ranges = MediaRange.parseList(accept)
        var best: (format: ResponseFormat, quality: Double)?
        for format in offered {
            // The most specific range that matches decides this format's quality (RFC 9110 §12.5.1).
            let matching = ranges.filter { $0.matches(format.essence) }.max { $0.specificity < $1.specificity }
            guard let range = matching, range.quality > 0 else { continue }
            if best == nil || range.quality > best!.quality { best = (format, range.quality) }
        }
        guard let best else {
            throw .notAcceptable(accept: accept, supported: offered.map { "\($0.rawValue) (\($0.mediaType))" })
        }
        return best.format
    }
}

/// One element of an `Accept` list: `type/subtype;q=0.5`.
struct MediaRange {
    let type: Substring
    let subtype: Substring
    let quality: Double

    var specificity: Int { (type == "*" ? 0 : 1) + (subtype == "*" ? 0 : 1) }

    func matches(_ essence: (type: Substring, subtype: Substring)) -> Bool {
        (type == "*" || type.lowercased() == essence.type) && (subtype == "*" || subtype.lowercased() == essence.subtype)
    }

    static func parseList(_ header: String) -> [MediaRange] {
        header.split(separator: ",").compactMap { element in
            let parts = element.split(separator: ";")
            guard let essence = parts.first?.trimmingSpaces, let slash = essence.firstIndex(of: "/") else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingSpaces.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].lowercased() == "q" { quality = Double(pair[1]) ?? 0 }
            }
            return MediaRange(type: essence[..<slash], subtype: essence[essence.index(after: slash)...],
                              quality: min(max(quality, 0), 1))
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var slice = self
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return slice
    }
}

extension String {
    var trimmingSpaces: Substring { self[...].trimmingSpaces }
}
