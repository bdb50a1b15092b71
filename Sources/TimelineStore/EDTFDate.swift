/// An event date in ISO 8601-2 (EDTF) level 1, as the timeline format allows:
/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `X` for unspecified digits, a whole-date `~` (approximate),
/// `?` (uncertain) or `%` (both) suffix, and intervals `a/b` whose ends may be empty
/// (unknown) or `..` (open).
///
/// `earliest` / `latest` are the first and last day the date can mean; nil means the end is
/// unknown or open, which queries treat as −∞ (start) and +∞ (end).
public struct EDTFDate: Sendable, Hashable, CustomStringConvertible {
    /// The date exactly as written.
    public let text: String
    public let earliest: Day?
    public let latest: Day?
    /// `.interval` for `a/b`; otherwise the finest unit written without `X`.
    public let precision: DatePrecision
    public let isApproximate: Bool
    public let isUncertain: Bool

    public init(_ text: String) throws(DateParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let single = try EDTFDate.parseSingle(parts[0], input: text)
            earliest = single.earliest
            latest = single.latest
            precision = single.precision
            isApproximate = single.approximate
            isUncertain = single.uncertain
        case 2:
            let start = try EDTFDate.parseIntervalEnd(parts[0], input: text)
            let end = try EDTFDate.parseIntervalEnd(parts[1], input: text)
            guard start != nil || end != nil else {
                throw DateParseError(input: text, reason: "an interval needs at least one dated end")
            }
            if let start, let end, start.earliest > end.latest {
                throw DateParseError(input: text, reason: "start \(parts[0]) is after end \(parts[1])",
                                     isInvertedInterval: true)
            }
            earliest = start?.earliest
            latest = end?.latest
            precision = .interval
            isApproximate = (start?.approximate ?? false) || (end?.approximate ?? false)
            isUncertain = (start?.uncertain ?? false) || (end?.uncertain ?? false)
        default:
            throw DateParseError(input: text, reason: "an interval has exactly one \"/\"")
        }
        self.text = text
    }

    public var description: String { text }

    private struct SingleDate {
        let earliest: Day
        let latest: Day
        let precision: DatePrecision
        let approximate: Bool
        let uncertain: Bool
    }

    /// Empty (unknown) and `..` (open) ends both give nil: neither bounds a query.
    private static func parseIntervalEnd(_ text: Substring, input: String) throws(DateParseError) -> SingleDate? {
        if text.isEmpty || text == ".." { return nil }
        return try parseSingle(text, input: input)
    }

    private static func parseSingle(_ text: Substring, input: String) throws(DateParseError) -> SingleDate {
        guard !text.isEmpty else { throw DateParseError(input: input, reason: "empty date") }
        var body = text
        var approximate = false
        var uncertain = false
        switch body.last {
        case "~": approximate = true
        case "?": uncertain = true
        case "%": approximate = true; uncertain = true
        default: break
        }
        if approximate || uncertain { body = body.dropLast() }
        guard let pattern = DatePattern(body, allowUnspecified: true) else {
            throw DateParseError(input: input, reason: DatePattern.expectedForm)
        }
        switch pattern.bounds() {
        case .success(let bounds):
            return SingleDate(earliest: bounds.earliest, latest: bounds.latest, precision: pattern.precision,
                              approximate: approximate, uncertain: uncertain)
        case .failure(let failure):
            throw DateParseError(input: input, reason: failure.reason)
        }
    }
}
