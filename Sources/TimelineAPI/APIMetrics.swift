import Synchronization

/// Counters for `/metrics` (Prometheus text format 0.0.4). One short critical section per
/// request, with no allocation: arrays of atomics are not expressible in Swift 6, and a
/// mutex held for three additions costs tens of nanoseconds.
final class APIMetrics: Sendable {
    /// Upper bounds, in seconds, of the latency histogram's buckets.
    static let latencyBuckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1]
    /// Status codes given their own series; anything else is counted as its class (e.g. "5xx").
    static let trackedStatuses = [200, 204, 304, 400, 404, 405, 406, 413, 414, 431, 500, 503]

    private struct Counters {
        var requests: [Int]          // [route][status slot]
        var latencyCounts: [Int]     // [route][bucket], non-cumulative; +Inf last
        var latencySumMicros: [Int]  // [route]
    }

    let routeLabels: [String]
    private let counters: Mutex<Counters>
    let inFlight = Atomic<Int>(0)
    private let statusSlots: Int

    /// `routeLabels` are route templates plus "unmatched" for paths no route has.
    init(routeLabels: [String]) {
        self.routeLabels = routeLabels
        statusSlots = APIMetrics.trackedStatuses.count + 5
        counters = Mutex(Counters(
            requests: Array(repeating: 0, count: routeLabels.count * statusSlots),
            latencyCounts: Array(repeating: 0, count: routeLabels.count * (APIMetrics.latencyBuckets.count + 1)),
            latencySumMicros: Array(repeating: 0, count: routeLabels.count)))
    }

    func record(route: Int, status: Int, seconds: Double) {
        let slot = APIMetrics.trackedStatuses.firstIndex(of: status)
            ?? APIMetrics.trackedStatuses.count + min(max(status / 100 - 1, 0), 4)
        let bucket = APIMetrics.latencyBuckets.firstIndex { seconds <= $0 } ?? APIMetrics.latencyBuckets.count
        let statusSlots = self.statusSlots
        counters.withLock { counters in
            counters.requests[route * statusSlots + slot] += 1
            counters.latencyCounts[route * (APIMetrics.latencyBuckets.count + 1) + bucket] += 1
            counters.latencySumMicros[route] += Int(seconds * 1_000_000)
        }
    }

    /// The exposition text; `extra` lines (store size, build info, cache) are appended as given.
    func render(extra: [String]) -> String {
        let counters = self.counters.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP timeline_http_requests_total Requests answered, by route template and status.")
        lines.append("# TYPE timeline_http_requests_total counter")
        for (routeIndex, route) in routeLabels.enumerated() {
            for slot in 0..<statusSlots {
                let count = counters.requests[routeIndex * statusSlots + slot]
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
                cumulative += counters.latencyCounts[routeIndex * bucketCount + bucket]
                let bound = bucket < APIMetrics.latencyBuckets.count ? "\(APIMetrics.latencyBuckets[bucket])" : "+Inf"
                lines.append("timeline_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(cumulative)")
            }
            let sum = Double(counters.latencySumMicros[routeIndex]) / 1_000_000
            lines.append("timeline_http_request_duration_seconds_sum{route=\"\(route)\"} \(sum)")
            lines.append("timeline_http_request_duration_seconds_count{route=\"\(route)\"} \(cumulative)")
        }
        lines.append("# HELP timeline_http_requests_in_flight Requests being handled right now.")
        lines.append("# TYPE timeline_http_requests_in_flight gauge")
        lines.append("timeline_http_requests_in_flight \(inFlight.load(ordering: .relaxed))")
        lines.append(contentsOf: extra)
        return lines.joined(separator: "\n") + "\n"
    }
}
