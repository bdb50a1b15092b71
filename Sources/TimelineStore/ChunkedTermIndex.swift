import Synchronization

/// Builds the events' term index in chunks of positions that several threads take in turn
/// (the snapshot's builder hands one to a second core and joins in when its own work is
/// done), then merges the chunks in position order. Taking chunks from a shared counter
/// balances the cores whatever the other work costs.
final class ChunkedTermIndex: Sendable {
    /// Emptied by `releaseEvents()` once every chunk is built.
    private let events: Mutex<[TimelineEvent]>
    /// Position → index in `events` (the chronological order).
    private let order: [Int32]
    private let chunkSize: Int
    private let chunkCount: Int
    private let nextChunk = Atomic<Int>(0)
    private let chunks: Mutex<[Int: [String: [Int32]]]>

    /// By default chunks are big enough that merging is cheap and small enough that the
    /// cores finish together.
    init(events: [TimelineEvent], order: [Int32], chunkSize: Int? = nil) {
        self.events = Mutex(events)
        self.order = order
        let chunkSize = max(1, chunkSize ?? max(50_000, order.count / 12))
        self.chunkSize = chunkSize
        chunkCount = (order.count + chunkSize - 1) / chunkSize
        chunks = Mutex([:])
    }

    /// Builds chunks until none are left. Call from any number of threads.
    func work() {
        let events = self.events.withLock { $0 }
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            var builder = TermIndexBuilder()
            for offset in (chunk * chunkSize)..<min(order.count, (chunk + 1) * chunkSize) {
                let position = Int32(offset)
                let index = Int(order[offset])
                builder.add(events[index].title, at: position)
                if let summary = events[index].summary { builder.add(summary, at: position) }
                for evidence in events[index].evidence { builder.add(evidence.quote, at: position) }
            }
            let index = builder.build()
            chunks.withLock { $0[chunk] = index }
        }
    }

    /// The whole index, once every `work()` call has returned; call it once (it hands over
    /// the chunks rather than copy them). Each term's lists are joined in chunk order (so
    /// stay ascending) into one array of exactly the right size.
    /// Drops this index's reference to the events (after `work()` has returned everywhere),
    /// so that the snapshot can free them.
    func releaseEvents() {
        events.withLock { $0 = [] }
    }

    func merged() -> [String: [Int32]] {
        chunks.withLock { chunks in
            if chunkCount == 1 { return chunks.removeValue(forKey: 0) ?? [:] }
            var parts: [String: [[Int32]]] = [:]
            for chunk in 0..<chunkCount {
                for (term, positions) in chunks.removeValue(forKey: chunk) ?? [:] {
                    parts[term, default: []].append(positions)
                }
            }
            var index: [String: [Int32]] = [:]
            index.reserveCapacity(parts.count)
            for (term, lists) in parts {
                if lists.count == 1 {
                    index[term] = lists[0]
                    continue
                }
                var joined: [Int32] = []
                joined.reserveCapacity(lists.reduce(0) { $0 + $1.count })
                for list in lists { joined.append(contentsOf: list) }
                index[term] = joined
            }
            return index
        }
    }
}
