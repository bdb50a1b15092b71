/// Why a query cannot be answered. The descriptions are meant for API clients.
public enum TimelineQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No actor has this id, name or alias; `suggestions` are close ids.
    case unknownActor(String, suggestions: [String])
    case unknownPlace(String, suggestions: [String])
    case invalidCursor(reason: String)
    case invalidLimit(Int)
    /// `from` is after `to`.
    case emptyDateRange(from: String, to: String)

    public var description: String {
        switch self {
        case .unknownActor(let name, _): "unknown actor \"\(name)\""
        case .unknownPlace(let name, _): "unknown place \"\(name)\""
        case .invalidCursor(let reason): "invalid cursor: \(reason)"
        case .invalidLimit(let limit): "limit must be at least 1 (got \(limit))"
        case .emptyDateRange(let from, let to): "from \(from) is after to \(to)"
        }
    }
}
