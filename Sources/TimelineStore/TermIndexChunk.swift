/// One chunk of the events' term index as `ChunkedTermIndex` merges it: the chunk's own
/// vocabulary (term ids local to the chunk) and, per event of the chunk, the ids of its
/// distinct terms. Positions are not fixed yet: a chunk covers a range of the dataset's
/// events, which the merge visits in chronological order.
struct TermIndexChunk: Sendable {
    /// Local term id → the term.
    var termNames: [String]
    /// Local term id → how many of the chunk's events have the term.
    var termCounts: [Int32]
    /// The chunk's event `k` has the terms `occurrences[occurrenceStarts[k]..<occurrenceStarts[k + 1]]`.
    var occurrenceStarts: [Int32]
    /// Local term ids.
    var occurrences: [Int32]
}
