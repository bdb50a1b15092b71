/// A query bound written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: it stands for every day of that
/// year, month or day, so `from=2022` starts at 2022-01-01 and `to=2022` ends at 2022-12-31.
public struct PartialDate: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let first: Day
    public let last: Day
    public let precision: DatePrecision

    public init(_ text: String) throws(DateParseError) {
        guard let pattern = DatePattern(Substring(text), allowUnspecified: false) else {
            throw DateParseError(input: text, reason: DatePattern.expectedForm)
        }
        switch pattern.bounds() {
        case .success(let bounds):
            first = bounds.earliest
            last = bounds.latest
        case .failure(let failure):
            throw DateParseError(input: text, reason: failure.reason)
        }
        precision = pattern.precision
        self.text = text
    }

    public var description: String { text }
}
