import MicroHTTP
import Testing
@testable import TimelineAPI

@Suite struct CachingTests {
    @Test func everyOKGetHasAStrongETagAndCacheControl() {
        for target in ["/", "/v1/events", "/v1/actors/china", "/v1/timeline", "/v1/search?q=csto", "/openapi.json"] {
            let response = get(target)
            #expect(response.status == .ok)
            let tag = response.header("ETag")
            #expect(tag?.hasPrefix("\"\(seedSnapshot.version.prefix(12))-") == true, "\(target): \(tag ?? "none")")
            #expect(response.header("Cache-Control") == "public, max-age=60", "\(target)")
        }
    }

    @Test func ifNoneMatchGives304WithoutBody() {
        let tag = get("/v1/events").header("ETag")!
        for header in [tag, "\"other\", \(tag)", "*", "W/\(tag)"] {
            let response = get("/v1/events", headers: ["If-None-Match": header])
            #expect(response.status == .notModified, "\(header)")
            #expect(response.bodyBytes.isEmpty)
            #expect(response.header("ETag") == tag)
            #expect(response.header("Vary") == "Accept, Accept-Encoding")
        }
        #expect(get("/v1/events", headers: ["If-None-Match": "\"stale\""]).status == .ok)
    }

    @Test func representationsHaveTheirOwnTags() {
        let json = get("/v1/events").header("ETag")
        let csv = get("/v1/events?format=csv").header("ETag")
        let gzip = get("/v1/events", headers: ["Accept-Encoding": "gzip"]).header("ETag")
        #expect(Set([json, csv, gzip]).count == 3)
    }

    @Test func gzipWhenAcceptedAndLarge() {
        let plain = get("/v1/events")
        let compressed = get("/v1/events", headers: ["Accept-Encoding": "br, gzip;q=0.8"])
        #expect(compressed.header("Content-Encoding") == "gzip")
        #expect(compressed.bodyBytes.count < plain.bodyBytes.count)
        #expect(Gzip.decompress(compressed.bodyBytes) == plain.bodyBytes)
        #expect(get("/v1/events", headers: ["Accept-Encoding": "gzip;q=0"]).header("Content-Encoding") == nil)
        // Small bodies are not worth compressing.
        #expect(get("/healthz", headers: ["Accept-Encoding": "gzip"]).header("Content-Encoding") == nil)
    }

    @Test func cachedAnswersAreReused() {
        let api = makeAPI()
        let first = get("/v1/events?type=PROTEST", api: api)
        let second = get("/v1/events?type=PROTEST", api: api)
        guard case .prepared(let a) = first.body, case .prepared(let b) = second.body else {
            Issue.record("cached answers should be prepared responses")
            return
        }
        #expect(a === b)
    }

    @Test func requestIDsAreEchoedWhenSafeAndGeneratedOtherwise() {
        #expect(get("/healthz", headers: ["X-Request-Id": "abc-123.x"]).header("X-Request-Id") == "abc-123.x")
        let replaced = get("/healthz", headers: ["X-Request-Id": "bad id<script>"]).header("X-Request-Id")
        #expect(replaced != nil && replaced != "bad id<script>")
        let generated = get("/v1/events").header("X-Request-Id")
        #expect(generated != nil)
        #expect(generated != get("/v1/events").header("X-Request-Id"))
        var options = APIOptions()
        options.generateRequestIDs = false
        let quiet = makeAPI(options: options)
        #expect(get("/v1/events", api: quiet).header("X-Request-Id") == nil)
        #expect(get("/v1/events", headers: ["X-Request-Id": "mine"], api: quiet).header("X-Request-Id") == "mine")
    }

    @Test func reloadingSwapsTheDatasetAndItsTags() throws {
        let api = makeAPI()
        let before = get("/readyz", api: api)
        #expect(value(before.json, "last_reload") is NSNull)
        api.recordFailedReload(problems: ["x.timeline.json: e1: quote not found in article"])
        let failed = get("/readyz", api: api)
        #expect(value(failed.json, "last_reload.succeeded") as? Bool == false)
        #expect(value(failed.json, "dataset_version") as? String == seedSnapshot.version)
        api.replaceSnapshot(seedSnapshot)
        #expect(value(get("/readyz", api: api).json, "last_reload.succeeded") as? Bool == true)
        #expect(get("/metrics", api: api).text.contains("timeline_last_reload_success 1"))
    }

    @Test func metricsCountRequestsByRouteAndStatus() {
        let api = makeAPI()
        _ = get("/v1/events", api: api)
        _ = get("/v1/events/nope", api: api)
        _ = get("/nope", api: api)
        let text = get("/metrics", api: api).text
        #expect(text.contains("timeline_http_requests_total{route=\"/v1/events\",status=\"200\"} 1"))
        #expect(text.contains("timeline_http_requests_total{route=\"/v1/events/{id}\",status=\"404\"} 1"))
        #expect(text.contains("timeline_http_requests_total{route=\"unmatched\",status=\"404\"} 1"))
        #expect(text.contains("timeline_store_records{kind=\"event\"} \(seedSnapshot.events.count)"))
        #expect(text.contains("timeline_http_request_duration_seconds_bucket{route=\"/v1/events\",le=\"+Inf\"} 1"))
        #expect(text.contains("timeline_build_info{version="))
    }
}

import Foundation
