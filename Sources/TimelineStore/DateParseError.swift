/// Why a date string was refused. `reason` is a short human phrase ("day out of range");
/// callers put it in context (`invalid EDTF date "2022-02-30": day out of range`).
public struct DateParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let input: String
    public let reason: String
    /// The date is well formed but an interval's start is after its end; the loader words
    /// that as `start A is after end B` rather than as an unreadable date.
    public let isInvertedInterval: Bool

    public init(input: String, reason: String, isInvertedInterval: Bool = false) {
        self.input = input
        self.reason = reason
        self.isInvertedInterval = isInvertedInterval
    }

    public var description: String {
        "invalid date \"\(input)\": \(reason)"
    }
}
