/// One built chunk of `ChunkedTermIndex`: per event of the chunk, the ids of its distinct
/// terms in the index's common vocabulary.
///
/// Held in memory of its own rather than in arrays so that the merge can read every chunk
/// through pointers at once while it visits the events in chronological order, without
/// first copying all the chunks into one array (about 160 MB at a million events).
/// Immutable once made, hence `Sendable`.
final class ChunkOccurrences: @unchecked Sendable {
    /// The chunk's event `k` has the terms `termIDs[starts[k]..<starts[k + 1]]`.
    let starts: UnsafeBufferPointer<Int32>
    let termIDs: UnsafeBufferPointer<Int32>

    /// `chunk`'s occurrences with each local term id `t` replaced by `commonIDs[t]`.
    init(_ chunk: TermIndexChunk, commonIDs: [Int32]) {
        let starts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: chunk.occurrenceStarts.count)
        _ = starts.initialize(from: chunk.occurrenceStarts)
        let termIDs = UnsafeMutableBufferPointer<Int32>.allocate(capacity: chunk.occurrences.count)
        commonIDs.withUnsafeBufferPointer { commonIDs in
            chunk.occurrences.withUnsafeBufferPointer { localIDs in
                for occurrence in localIDs.indices {
                    termIDs.initializeElement(at: occurrence, to: commonIDs[Int(localIDs[occurrence])])
                }
            }
        }
        self.starts = UnsafeBufferPointer(starts)
        self.termIDs = UnsafeBufferPointer(termIDs)
    }

    deinit {
        starts.deallocate()
        termIDs.deallocate()
    }
}
