import Synchronization

/// Encoded answers by normalised request, least recently used evicted first, bounded in
/// bytes. The store is immutable, so an entry never goes stale: only a reload (a new
/// `ResponseCache`) or the byte budget removes it.
final class ResponseCache: Sendable {
    private struct Entry {
        let value: CachedRepresentation
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
        var evictions = 0
    }

    let capacityBytes: Int
    private let state = Mutex(State())

    init(capacityBytes: Int) { self.capacityBytes = capacityBytes }

    func value(for key: String) -> CachedRepresentation? {
        state.withLock { state in
            state.clock &+= 1
            guard var entry = state.entries[key] else { state.misses += 1; return nil }
            entry.lastUse = state.clock
            state.entries[key] = entry
            state.hits += 1
            return entry.value
        }
    }

    func insert(_ value: CachedRepresentation, for key: String) {
        let cost = value.cost + key.utf8.count
        guard cost <= capacityBytes else { return }
        state.withLock { state in
            state.clock &+= 1
            if let old = state.entries.updateValue(Entry(value: value, lastUse: state.clock), forKey: key) {
                state.bytes -= old.value.cost + key.utf8.count
            }
            state.bytes += cost
            // Evict the least recently used. A scan, but only when over budget, and the
            // oldest eighth goes at once so that a full cache does not scan on every insert.
            if state.bytes > capacityBytes {
                let target = capacityBytes - capacityBytes / 8
                let byAge = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }
                for (oldKey, entry) in byAge where state.bytes > target {
                    state.entries.removeValue(forKey: oldKey)
                    state.bytes -= entry.value.cost + oldKey.utf8.count
                    state.evictions += 1
                }
            }
        }
    }

    var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int, evictions: Int) {
        state.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses, $0.evictions) }
    }
}
