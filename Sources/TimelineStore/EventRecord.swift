/// One event's fixed-size part in an `EventTable`: where its strings are in the table's text
/// buffer, its date, type and source as small integers, and where its participants, places
/// and evidence start in the table's flat arrays (each ends where the next event's starts).
/// 64 bytes, where a `TimelineEvent` is 192 bytes plus a heap object per string and array.
struct EventRecord: Sendable {
    /// A length that stands for an absent optional string.
    static let absent = UInt32.max

    /// Offset of the event's first string (its id) in the text buffer; the others follow in
    /// the order id, title, summary, mode, date note, date text, evidence quotes.
    var textStart: Int
    var idLength: UInt32
    var titleLength: UInt32
    var summaryLength: UInt32
    var modeLength: UInt32
    var dateNoteLength: UInt32
    var dateTextLength: UInt32
    /// `Int32.min` / `Int32.max` when the date has no such end (see `dateFlags`).
    var earliest: Int32
    var latest: Int32
    /// Index into the table's `sourceIDs`.
    var sourceIndex: UInt32
    var firstParticipant: UInt32
    var firstPlace: UInt32
    var firstEvidence: UInt32
    /// The article order when it fits; else `Int32.min` and the value is in `wideArticleOrders`.
    var articleOrder: Int32
    var typeCode: UInt8
    /// Index in `DateBasis.allCases`, or `UInt8.max` for none.
    var dateBasis: UInt8
    var precision: UInt8
    var dateFlags: UInt8
}
