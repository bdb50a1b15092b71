/// Events of one span class with finite ends, in chronological order, with their first days
/// alongside for binary search. `maxSpan` bounds how far before `from` an overlapping event
/// can start, which is what lets overlap queries skip the rest.
struct DateBucket: Sendable {
    var positions: [Int32] = []
    var lowers: [Int32] = []
    var maxSpan: Int32 = 0
}
