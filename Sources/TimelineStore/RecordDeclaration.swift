/// An id a record declares, kept even when the rest of the record is broken, so one bad field
/// does not also turn every reference to the record into "unknown id".
struct RecordDeclaration {
    let id: String
    let kind: RecordKind
    let file: String
    let recordID: String
}
