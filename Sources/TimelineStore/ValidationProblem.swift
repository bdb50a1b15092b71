/// One thing wrong with the loaded timelines. `file` is the file's name without its folder;
/// `recordID` the id of the record at fault (or its JSON path, like `events[3]`, when it has
/// no usable id), nil for a problem with the file as a whole.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let recordID: String?
    public let reason: String

    public init(file: String, recordID: String?, reason: String) {
        self.file = file
        self.recordID = recordID
        self.reason = reason
    }

    /// `file: id: reason`, or `file: reason` for a whole-file problem.
    public var description: String {
        if let recordID { return "\(file): \(recordID): \(reason)" }
        return "\(file): \(reason)"
    }
}
