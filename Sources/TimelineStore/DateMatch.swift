/// How an event's dates must relate to a query's date range.
public enum DateMatch: String, Sendable, Hashable, CaseIterable {
    /// The event's [earliest, latest] intersects [from, to] (the default).
    case overlap
    /// The event's [earliest, latest] lies entirely inside [from, to].
    case within
}
