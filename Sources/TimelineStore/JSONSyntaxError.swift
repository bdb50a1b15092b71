/// Why a file is not JSON, with the 1-based line and column (in characters) where it went wrong.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String
    let line: Int
    let column: Int

    var description: String { "\(message) at line \(line), column \(column)" }
}
