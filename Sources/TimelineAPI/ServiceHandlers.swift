import MicroHTTP
import TimelineStore

/// The service's own endpoints: index, health, readiness, OpenAPI document and metrics.
enum ServiceHandlers {
    @Sendable static func index(_ context: RouteContext) throws(APIError) -> Representation {
        let snapshot = context.snapshot
        return .json(.object([
            ("name", .string(context.api.service.name)),
            ("version", .string(context.api.service.version)),
            ("description", .string("Events, actors and places of an article's timeline, each traced to the article's own words.")),
            ("dataset", .object([
                ("version", .string(snapshot.version)),
                ("sources", .int(snapshot.sources.count)), ("events", .int(snapshot.events.count)),
                ("actors", .int(snapshot.actors.count)), ("places", .int(snapshot.places.count)),
            ])),
            ("links", .object([
                ("self", .string("/")), ("openapi", .string("/openapi.json")), ("health", .string("/healthz")),
                ("ready", .string("/readyz")), ("metrics", .string("/metrics")),
                ("events", .string("/v1/events")), ("actors", .string("/v1/actors")), ("places", .string("/v1/places")),
                ("timeline", .string("/v1/timeline")), ("sources", .string("/v1/sources")),
                ("search", .string("/v1/search?q={terms}")),
            ])),
        ]), pretty: true)
    }

    @Sendable static func health(_ context: RouteContext) throws(APIError) -> Representation {
        var representation = Representation.json(.object([
            ("status", .string("pass")),
            ("version", .string(context.api.service.version)),
            ("serviceId", .string(context.api.service.name)),
        ]), pretty: false)
        representation.contentType = "application/health+json"
        return representation
    }

    @Sendable static func readiness(_ context: RouteContext) throws(APIError) -> Representation {
        let snapshot = context.snapshot
        let reload = context.api.lastReloadOutcome
        var representation = Representation.json(.object([
            ("status", .string("pass")),
            ("dataset_version", .string(snapshot.version)),
            ("loaded_at", .string(context.state.loadedAt)),
            ("counts", .object([("sources", .int(snapshot.sources.count)), ("events", .int(snapshot.events.count)),
                                ("actors", .int(snapshot.actors.count)), ("places", .int(snapshot.places.count))])),
            ("last_reload", reload.map { outcome in
                .object([("at", .string(outcome.at)), ("succeeded", .bool(outcome.succeeded)),
                         ("problems", .strings(outcome.problems))])
            } ?? .null),
        ]), pretty: false)
        representation.contentType = "application/health+json"
        return representation
    }

    @Sendable static func openAPI(_ context: RouteContext) throws(APIError) -> Representation {
        Representation(contentType: "application/json", body: context.api.options.openAPIDocument)
    }

    @Sendable static func metrics(_ context: RouteContext) throws(APIError) -> Representation {
        let snapshot = context.snapshot
        let cache = context.state.cache.statistics
        let reload = context.api.lastReloadOutcome
        let extra = [
            "# HELP timeline_store_records Records in the served snapshot, by kind.",
            "# TYPE timeline_store_records gauge",
            "timeline_store_records{kind=\"source\"} \(snapshot.sources.count)",
            "timeline_store_records{kind=\"event\"} \(snapshot.events.count)",
            "timeline_store_records{kind=\"actor\"} \(snapshot.actors.count)",
            "timeline_store_records{kind=\"place\"} \(snapshot.places.count)",
            "# HELP timeline_response_cache_bytes Bytes held by the response cache.",
            "# TYPE timeline_response_cache_bytes gauge",
            "timeline_response_cache_bytes \(cache.bytes)",
            "# HELP timeline_response_cache_entries Entries in the response cache.",
            "# TYPE timeline_response_cache_entries gauge",
            "timeline_response_cache_entries \(cache.entries)",
            "# HELP timeline_response_cache_lookups_total Cache lookups, by result (the default pages of the hot paths are answered from the request head and look nothing up).",
            "# TYPE timeline_response_cache_lookups_total counter",
            "timeline_response_cache_lookups_total{result=\"hit\"} \(cache.hits)",
            "timeline_response_cache_lookups_total{result=\"miss\"} \(cache.misses)",
            "# HELP timeline_last_reload_success Whether the last reload succeeded (1), failed (0); absent before any.",
            "# TYPE timeline_last_reload_success gauge",
        ] + (reload.map { ["timeline_last_reload_success \($0.succeeded ? 1 : 0)"] } ?? []) + [
            "# HELP timeline_build_info Version of the server and of the dataset it serves.",
            "# TYPE timeline_build_info gauge",
            "timeline_build_info{version=\"\(context.api.service.version)\",dataset_version=\"\(snapshot.version)\"} 1",
        ]
        return Representation(contentType: "text/plain; version=0.0.4; charset=utf-8",
                              body: Array(context.api.metrics.render(extra: extra).utf8))
    }
}
