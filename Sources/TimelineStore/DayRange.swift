/// A query's date condition in day numbers, with `Int32.min` / `Int32.max` standing for an
/// unbounded `from` / `to` (and, on the event side, for unknown or open ends).
struct DayRange: Sendable, Hashable {
    let from: Int32
    let to: Int32
    let match: DateMatch

    func admits(lower: Int32, upper: Int32) -> Bool {
        switch match {
        case .overlap: lower <= to && upper >= from
        case .within: lower >= from && upper <= to
        }
    }
}
