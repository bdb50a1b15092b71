import Synchronization

/// Builds the events' term index in chunks of positions that several threads take in turn
/// (the snapshot's builder hands one to a second core and joins in when its own work is
/// done), then merges the chunks in position order. Taking chunks from a shared counter
/// balances the cores whatever the other work costs.
final class ChunkedTermIndex: Sendable {
    private let events: [TimelineEvent]
    private let chunkSize: Int
    private let chunkCount: Int
    private let nextChunk = Atomic<Int>(0)
    private let chunks: Mutex<[Int: [String: [Int32]]]>

    /// By default chunks are big enough that merging is cheap and small enough that the
    /// cores finish together.
    init(events: [TimelineEvent], chunkSize: Int? = nil) {
        self.events = events
        let chunkSize = max(1, chunkSize ?? max(50_000, events.count / 12))
        self.chunkSize = chunkSize
        chunkCount = (events.count + chunkSize - 1) / chunkSize
        chunks = Mutex([:])
    }

    /// Builds chunks until none are left. Call from any number of threads.
    func work() {
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            var builder = TermIndexBuilder()
            for offset in (chunk * chunkSize)..<min(events.count, (chunk + 1) * chunkSize) {
                let position = Int32(offset)
                builder.add(events[offset].title, at: position)
                if let summary = events[offset].summary { builder.add(summary, at: position) }
                for evidence in events[offset].evidence { builder.add(evidence.quote, at: position) }
            }
            let index = builder.build()
            chunks.withLock { $0[chunk] = index }
        }
    }

    /// The whole index, once every `work()` call has returned; call it once (it hands over
    /// the chunks rather than copy them). Each term's lists are joined in chunk order (so
    /// stay ascending) into one array of exactly the right size.
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
