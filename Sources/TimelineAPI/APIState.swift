import Synchronization
import TimelineStore

/// Everything an answer depends on that a reload replaces: the snapshot and the cache of
/// answers computed from it. Swapped as one reference, so no request mixes two datasets.
final class APIState: Sendable {
    let snapshot: TimelineSnapshot
    let cache: ResponseCache
    let loadedAt: String

    init(snapshot: TimelineSnapshot, cacheBytes: Int) {
        self.snapshot = snapshot
        cache = ResponseCache(capacityBytes: cacheBytes)
        loadedAt = AccessLog.timestamp()
    }
}

/// The outcome of the most recent reload, for /readyz and /metrics.
public struct ReloadOutcome: Sendable {
    public var at: String
    public var succeeded: Bool
    public var problems: [String]

    public init(at: String, succeeded: Bool, problems: [String]) {
        self.at = at
        self.succeeded = succeeded
        self.problems = problems
    }
}
