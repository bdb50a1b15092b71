import Testing
@testable import TimelineAPI

@Suite struct APIMetricsTests {
    /// Records one request of each kind the exposition distinguishes: tracked statuses, status
    /// classes (1xx, 3xx, 5xx), and latencies in the first, middle and +Inf buckets.
    private func recordSample(_ metrics: APIMetrics) {
        for (route, status, seconds) in [(0, 200, 0.00005), (0, 200, 0.003), (0, 404, 0.2), (1, 304, 2.0), (2, 404, 0.0001),
                                         (1, 599, 0.00025), (0, 302, 0.0004), (1, 100, 0.5), (0, 200, 0.0000004)] {
            metrics.record(route: route, status: status, seconds: seconds)
        }
    }

    // The expected text is what the Mutex-based APIMetrics (before 2026-11-29) rendered for
    // the same requests: the atomic counters must not change a byte of /metrics.
    @Test func rendersTheSameTextAsTheMutexVersion() {
        let metrics = APIMetrics(routeLabels: ["/v1/events", "/v1/events/{id}", "unmatched"])
        recordSample(metrics)
        metrics.inFlight.add(2, ordering: .relaxed)
        #expect(metrics.render(extra: ["timeline_extra 1"]) == """
        # HELP timeline_http_requests_total Requests answered, by route template and status.
        # TYPE timeline_http_requests_total counter
        timeline_http_requests_total{route="/v1/events",status="200"} 3
        timeline_http_requests_total{route="/v1/events",status="404"} 1
        timeline_http_requests_total{route="/v1/events",status="3xx"} 1
        timeline_http_requests_total{route="/v1/events/{id}",status="304"} 1
        timeline_http_requests_total{route="/v1/events/{id}",status="1xx"} 1
        timeline_http_requests_total{route="/v1/events/{id}",status="5xx"} 1
        timeline_http_requests_total{route="unmatched",status="404"} 1
        # HELP timeline_http_request_duration_seconds Time from a fully received request to its response being ready.
        # TYPE timeline_http_request_duration_seconds histogram
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.0001"} 2
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.00025"} 2
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.0005"} 3
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.001"} 3
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.0025"} 3
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.005"} 4
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.01"} 4
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.025"} 4
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="0.1"} 4
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="1.0"} 5
        timeline_http_request_duration_seconds_bucket{route="/v1/events",le="+Inf"} 5
        timeline_http_request_duration_seconds_sum{route="/v1/events"} 0.20345
        timeline_http_request_duration_seconds_count{route="/v1/events"} 5
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.0001"} 0
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.00025"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.0005"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.001"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.0025"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.005"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.01"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.025"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="0.1"} 1
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="1.0"} 2
        timeline_http_request_duration_seconds_bucket{route="/v1/events/{id}",le="+Inf"} 3
        timeline_http_request_duration_seconds_sum{route="/v1/events/{id}"} 2.50025
        timeline_http_request_duration_seconds_count{route="/v1/events/{id}"} 3
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.0001"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.00025"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.0005"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.001"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.0025"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.005"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.01"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.025"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="0.1"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="1.0"} 1
        timeline_http_request_duration_seconds_bucket{route="unmatched",le="+Inf"} 1
        timeline_http_request_duration_seconds_sum{route="unmatched"} 0.0001
        timeline_http_request_duration_seconds_count{route="unmatched"} 1
        # HELP timeline_http_requests_in_flight Requests being handled right now (quick answers, made in under a microsecond, are not counted).
        # TYPE timeline_http_requests_in_flight gauge
        timeline_http_requests_in_flight 2
        timeline_extra 1

        """)
    }

    @Test func countsEveryRequestRecordedConcurrently() async {
        let metrics = APIMetrics(routeLabels: ["/v1/events", "/v1/events/{id}", "unmatched"])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<2_500 { metrics.record(route: 1, status: 200, seconds: 0.002) } }
            }
        }
        let text = metrics.render(extra: [])
        #expect(text.contains("timeline_http_requests_total{route=\"/v1/events/{id}\",status=\"200\"} 10000\n"))
        #expect(text.contains("timeline_http_request_duration_seconds_count{route=\"/v1/events/{id}\"} 10000\n"))
        #expect(text.contains("timeline_http_request_duration_seconds_sum{route=\"/v1/events/{id}\"} 20.0\n"))
    }
}
