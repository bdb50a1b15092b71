import Synchronization

/// Builds the events' term index in chunks that several threads take in turn (the snapshot's
/// builder hands one to a second core and joins in when its own work is done), then merges
/// the chunks into posting lists of chronological positions. Taking chunks from a shared
/// counter balances the cores whatever the other work costs.
///
/// A chunk is a range of the events in the dataset's own order, not in chronological order:
/// the dataset's strings lie in memory in about that order, so reading them so is mostly
/// sequential (in chronological order every event is a few cache and TLB misses), and the
/// chunks need no order, so they start before it is sorted. The merge then visits the events
/// in chronological order once, to fill every posting list in ascending order at its exact size.
final class ChunkedTermIndex: Sendable {
    /// Emptied by `releaseEvents()` once every chunk is built.
    private let events: Mutex<[TimelineEvent]>
    private let eventCount: Int
    private let chunkSize: Int
    private let chunkCount: Int
    private let nextChunk = Atomic<Int>(0)
    /// Built chunks, by chunk number.
    private let chunks: Mutex<[Int: ChunkOccurrences]>
    /// Every chunk's terms, with the number of events that have each. A term's id is its
    /// posting list's number.
    private let vocabulary = Mutex<(termIDByName: [String: Int32], termCounts: [Int])>(([:], []))

    /// By default chunks are big enough that merging is cheap and small enough that the
    /// cores finish together: 24 at a million events, where one takes about 0.1 s. (With the
    /// chunks' occurrences in `ChunkOccurrences`, 12 chunks left about 50 B/event more memory
    /// held after the build than 24 in the scale test's shape, 429 against 379, and the same
    /// on the benchmark's data; before, it was 24 that held about 40 B/event more. Measured,
    /// not explained: where glibc puts the chunks' big arrays.)
    init(events: [TimelineEvent], chunkSize: Int? = nil) {
        self.events = Mutex(events)
        eventCount = events.count
        let chunkSize = max(1, chunkSize ?? max(25_000, events.count / 24))
        self.chunkSize = chunkSize
        chunkCount = (events.count + chunkSize - 1) / chunkSize
        chunks = Mutex([:])
    }

    /// Builds chunks until none are left. Call from any number of threads.
    func work() {
        let events = self.events.withLock { $0 }
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            let range = Int32(chunk * chunkSize)..<Int32(min(eventCount, (chunk + 1) * chunkSize))
            var builder = TermIndexBuilder()
            events.withUnsafeBufferPointer { events in
                for index in range {
                    let event = Int(index)
                    builder.add(events[event].title, at: index)
                    if let summary = events[event].summary { builder.add(summary, at: index) }
                    for evidence in events[event].evidence { builder.add(evidence.quote, at: index) }
                }
            }
            // The chunk's terms joined to the common vocabulary (one short lock per chunk), so
            // that the merge finds every occurrence already in common term ids.
            let built = builder.chunk(positions: range)
            let termIDs = vocabulary.withLock { vocabulary in
                built.termNames.indices.map { localID in
                    let name = built.termNames[localID]
                    let termID = vocabulary.termIDByName[name] ?? {
                        let termID = Int32(vocabulary.termCounts.count)
                        vocabulary.termIDByName[name] = termID
                        vocabulary.termCounts.append(0)
                        return termID
                    }()
                    vocabulary.termCounts[Int(termID)] += Int(built.termCounts[localID])
                    return termID
                }
            }
            let occurrences = ChunkOccurrences(built, commonIDs: termIDs)
            chunks.withLock { $0[chunk] = occurrences }
        }
    }

    /// Drops this index's reference to the events (after `work()` has returned everywhere),
    /// so that the snapshot can free them.
    func releaseEvents() {
        events.withLock { $0 = [] }
    }

    /// The whole index, once every `work()` call has returned, with `order[position]` the
    /// event (index in the dataset) at each chronological position. Call it once: it hands
    /// over the chunks and the vocabulary rather than copy them.
    func merged(order: [Int32]) -> PostingLists {
        let chunks = self.chunks.withLock { chunks in
            defer { chunks = [:] }
            return (0..<chunkCount).compactMap { chunks[$0] }
        }
        precondition(chunks.count == chunkCount && order.count == eventCount, "merged before every chunk was built")
        let (termIDByName, termCounts) = vocabulary.withLock { vocabulary in
            defer { vocabulary = ([:], []) }
            return vocabulary
        }
        // Every term's list at its exact place in one array, filled in chronological order
        // straight from the chunks.
        var listStarts = [Int](repeating: 0, count: termCounts.count + 1)
        for term in termCounts.indices { listStarts[term + 1] = listStarts[term] + termCounts[term] }
        let positionCount = listStarts[termCounts.count]
        var next = listStarts
        let positions = withExtendedLifetime(chunks) {
            let chunks = chunks.map { (starts: $0.starts, termIDs: $0.termIDs) }
            return [Int32](unsafeUninitializedCapacity: positionCount) { positions, initialized in
                order.withUnsafeBufferPointer { order in
                    next.withUnsafeMutableBufferPointer { next in
                        for position in order.indices {
                            let event = Int(order[position])
                            let chunk = chunks[event / chunkSize]
                            let local = event % chunkSize
                            for occurrence in Int(chunk.starts[local])..<Int(chunk.starts[local + 1]) {
                                let term = Int(chunk.termIDs[occurrence])
                                positions[next[term]] = Int32(position)
                                next[term] += 1
                            }
                        }
                    }
                }
                initialized = positionCount
            }
        }
        return PostingLists(listByTerm: termIDByName, listStarts: listStarts, positions: positions)
    }
}
