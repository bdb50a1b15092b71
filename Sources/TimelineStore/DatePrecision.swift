/// How finely a date is known. The order (day < month < year < interval) is the tie-break
/// used when events start on the same day: the most precise comes first.
public enum DatePrecision: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case day = 0
    case month = 1
    case year = 2
    case interval = 3

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        switch self {
        case .day: "day"
        case .month: "month"
        case .year: "year"
        case .interval: "interval"
        }
    }
}
