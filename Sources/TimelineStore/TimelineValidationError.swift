/// Thrown when the timelines do not load: carries every problem found, not just the first.
public struct TimelineValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [ValidationProblem]

    public init(problems: [ValidationProblem]) {
        self.problems = problems
    }

    /// One problem a line, `file: id: reason`.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
