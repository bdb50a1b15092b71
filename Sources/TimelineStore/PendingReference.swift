/// A reference to another record, checked once every file is read (ids are global).
struct PendingReference {
    let kind: RecordKind
    let id: String
    let file: String
    let recordID: String
}
