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
    /// Built chunks, their occurrences as ids of `vocabulary`.
    private let chunks: Mutex<[Int: (occurrenceStarts: [Int32], occurrences: [Int32])]>
    /// Every chunk's terms, with the number of events that have each.
    private let vocabulary = Mutex<(termIDByName: [String: Int32], termNames: [String], termCounts: [Int])>(([:], [], []))

    /// By default chunks are big enough that merging is cheap and small enough that the
    /// cores finish together. (Twice as many chunks balanced the cores slightly better at a
    /// million events, but left about 40 B/event more memory held after the build.)
    init(events: [TimelineEvent], chunkSize: Int? = nil) {
        self.events = Mutex(events)
        eventCount = events.count
        let chunkSize = max(1, chunkSize ?? max(50_000, events.count / 12))
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
            var built = builder.chunk(positions: range)
            let termIDs = vocabulary.withLock { vocabulary in
                built.termNames.indices.map { localID in
                    let name = built.termNames[localID]
                    let termID = vocabulary.termIDByName[name] ?? {
                        vocabulary.termIDByName[name] = Int32(vocabulary.termNames.count)
                        vocabulary.termNames.append(name)
                        vocabulary.termCounts.append(0)
                        return Int32(vocabulary.termNames.count - 1)
                    }()
                    vocabulary.termCounts[Int(termID)] += Int(built.termCounts[localID])
                    return termID
                }
            }
            termIDs.withUnsafeBufferPointer { termIDs in
                built.occurrences.withUnsafeMutableBufferPointer { occurrences in
                    for occurrence in occurrences.indices { occurrences[occurrence] = termIDs[Int(occurrences[occurrence])] }
                }
            }
            let occurrences = (built.occurrenceStarts, built.occurrences)
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
    /// over the chunks rather than copy them.
    func merged(order: [Int32]) -> [String: [Int32]] {
        let chunks = self.chunks.withLock { chunks in
            defer { chunks = [:] }
            return (0..<chunkCount).compactMap { chunks[$0] }
        }
        precondition(chunks.count == chunkCount && order.count == eventCount, "merged before every chunk was built")
        let (_, termNames, termCounts) = vocabulary.withLock { $0 }
        // Every event's terms, in dataset order.
        var occurrenceStarts = [Int](repeating: 0, count: eventCount + 1)
        var occurrences: [Int32] = []
        occurrences.reserveCapacity(chunks.reduce(0) { $0 + $1.occurrences.count })
        for (chunkNumber, chunk) in chunks.enumerated() {
            let base = occurrences.count
            let firstEvent = chunkNumber * chunkSize
            for event in 0..<chunk.occurrenceStarts.count - 1 {
                occurrenceStarts[firstEvent + event] = base + Int(chunk.occurrenceStarts[event])
            }
            occurrences.append(contentsOf: chunk.occurrences)
        }
        occurrenceStarts[eventCount] = occurrences.count

        // Every term's list at its exact place in one array, filled in chronological order.
        var listStarts = [Int](repeating: 0, count: termNames.count + 1)
        for term in termNames.indices { listStarts[term + 1] = listStarts[term] + termCounts[term] }
        var next = listStarts
        let positions = [Int32](unsafeUninitializedCapacity: occurrences.count) { positions, initialized in
            order.withUnsafeBufferPointer { order in
                occurrenceStarts.withUnsafeBufferPointer { starts in
                    occurrences.withUnsafeBufferPointer { occurrences in
                        next.withUnsafeMutableBufferPointer { next in
                            for position in order.indices {
                                let event = Int(order[position])
                                for occurrence in starts[event]..<starts[event + 1] {
                                    let term = Int(occurrences[occurrence])
                                    positions[next[term]] = Int32(position)
                                    next[term] += 1
                                }
                            }
                        }
                    }
                }
            }
            initialized = occurrences.count
        }
        var index: [String: [Int32]] = [:]
        index.reserveCapacity(termNames.count)
        for term in termNames.indices {
            index[termNames[term]] = Array(positions[listStarts[term]..<listStarts[term + 1]])
        }
        return index
    }
}
