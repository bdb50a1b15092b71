/// The record being read: where its problems go and under which id. Shared by reference so
/// that every nested field reader reports against the same record.
final class RecordContext {
    let log: ProblemLog
    let file: String
    let recordID: String?

    init(log: ProblemLog, file: String, recordID: String?) {
        self.log = log
        self.file = file
        self.recordID = recordID
    }

    func report(_ reason: String) {
        log.add(file: file, recordID: recordID, reason: reason)
    }
}
