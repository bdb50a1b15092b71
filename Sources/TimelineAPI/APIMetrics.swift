import Synchronization

/// Counters for `/metrics` (Prometheus text format 0.0.4), lock-free: one relaxed atomic
/// add per counter a request touches, so concurrent requests never wait on each other.
/// ThreadSanitizer sees these atomics, whereas it reported the former `Mutex` (a futex it
/// does not model on Linux) as a data race (docs/tsan-mutex-false-positive.swift).
final class APIMetrics: Sendable {
    /// Upper bounds, in seconds, of the latency histogram's buckets.
    static let latencyBuckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1]
    /// Status codes given their own series; anything else is counted as its class (e.g. "5xx").
    static let trackedStatuses = [200, 204, 304, 400, 404, 405, 406, 413, 414, 431, 500, 503]

    /// One counter in its own object: `Atomic` is not copyable, so it cannot be an array
    /// element itself, but a reference to it can.
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func add(_ amount: Int) { value.wrappingAdd(amount, ordering: .relaxed) }
        func load() -> Int { value.load(ordering: .relaxed) }
    }

    let routeLabels: [String]
    private let requests: [Counter]          // [route][status slot]
    private let latencyCounts: [Counter]     // [route][bucket], non-cumulative; +Inf last
    private let latencySumMicros: [Counter]  // [route]
    let inFlight = Atomic<Int>(0)
    private let statusSlots: Int

    /// `routeLabels` are route templates plus "unmatched" for paths no route has.
    init(routeLabels: [String]) {
        self.routeLabels = routeLabels
        statusSlots = APIMetrics.trackedStatuses.count + 5
        requests = (0..<routeLabels.count * statusSlots).map { _ in Counter() }
        latencyCounts = (0..<routeLabels.count * (APIMetrics.latencyBuckets.count + 1)).map { _ in Counter() }
        latencySumMicros = routeLabels.map { _ in Counter() }
    }

    func record(route: Int, status: Int, seconds: Double) {
        let slot = APIMetrics.trackedStatuses.firstIndex(of: status)
            ?? APIMetrics.trackedStatuses.count + min(max(status / 100 - 1, 0), 4)
        let bucket = APIMetrics.latencyBuckets.firstIndex { seconds <= $0 } ?? APIMetrics.latencyBuckets.count
        requests[route * statusSlots + slot].add(1)
        latencyCounts[route * (APIMetrics.latencyBuckets.count + 1) + bucket].add(1)
        latencySumMicros[route].add(Int(seconds * 1_000_000))
    }

    /// The exposition text; `extra` lines (store size, build info, cache) are appended as given.
    /// Counters are read one by one, so a request recorded meanwhile may show in one series
    /// and not yet in another; each series only ever grows, which is all Prometheus needs.
    func render(extra: [String]) -> String {
        let requests = self.requests.map { $0.load() }
        let latencyCounts = self.latencyCounts.map { $0.load() }
        let latencySumMicros = self.latencySumMicros.map { $0.load() }
        var lines: [String] = []
        lines.append("# HELP timeline_http_requests_total Requests answered, by route template and status.")
        lines.append("# TYPE timeline_http_requests_total counter")
        for (routeIndex, route) in routeLabels.enumerated() {
            for slot in 0..<statusSlots {
                let count = requests[routeIndex * statusSlots + slot]
                guard count > 0 else { continue }
                let status = slot < APIMetrics.trackedStatuses.count
                    ? String(APIMetrics.trackedStatuses[slot]) : "\(slot - APIMetrics.trackedStatuses.count + 1)xx"
                lines.append("timeline_http_requests_total{route=\"\(route)\",status=\"\(status)\"} \(count)")
            }
        }
        lines.append("# HELP timeline_http_request_duration_seconds Time from a fully received request to its response being ready.")
        lines.append("# TYPE timeline_http_request_duration_seconds histogram")
        let bucketCount = APIMetrics.latencyBuckets.count + 1
        for (routeIndex, route) in routeLabels.enumerated() {
            var cumulative = 0
            for bucket in 0..<bucketCount {
                cumulative += latencyCounts[routeIndex * bucketCount + bucket]
                let bound = bucket < APIMetrics.latencyBuckets.count ? "\(APIMetrics.latencyBuckets[bucket])" : "+Inf"
                lines.append("timeline_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(cumulative)")
            }
            let sum = Double(latencySumMicros[routeIndex]) / 1_000_000
            lines.append("timeline_http_request_duration_seconds_sum{route=\"\(route)\"} \(sum)")
            lines.append("timeline_http_request_duration_seconds_count{route=\"\(route)\"} \(cumulative)")
        }
        lines.append("# HELP timeline_http_requests_in_flight Requests being handled right now (quick answers, made in under a microsecond, are not counted).")
        lines.append("# TYPE timeline_http_requests_in_flight gauge")
        lines.append("timeline_http_requests_in_flight \(inFlight.load(ordering: .relaxed))")
        lines.append(contentsOf: extra)
        return lines.joined(separator: "\n") + "\n"
    }
}
