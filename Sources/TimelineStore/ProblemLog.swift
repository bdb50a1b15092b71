/// Collects problems in the order found while one load runs.
final class ProblemLog {
    private(set) var problems: [ValidationProblem] = []

    func add(file: String, recordID: String?, reason: String) {
        problems.append(ValidationProblem(file: file, recordID: recordID, reason: reason))
    }
}
