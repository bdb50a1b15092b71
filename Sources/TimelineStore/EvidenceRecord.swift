/// One piece of evidence in an `EventTable`: the quote's length (its bytes follow the event's
/// own strings in the text buffer) and the offsets as `Int32`. Evidence whose offsets do not
/// fit is kept as `Evidence` values instead (`EventTable.wideEvidence`).
struct EvidenceRecord: Sendable {
    var quoteLength: UInt32
    /// `Int32.min` stands for no occurrence.
    var occurrence: Int32
    var paragraph: Int32
    var start: Int32
    var end: Int32
}
