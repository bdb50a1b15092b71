/// The route table: every path the API answers, with what each accepts.
extension TimelineAPI {
    static let eventFilterParameters = ["from", "to", "match", "actor", "place", "type", "q"]
    static let eventListParameters = eventFilterParameters + ["sort", "limit", "cursor", "fields"]
    static let eventFormats: [ResponseFormat] = [.json, .ndjson, .csv, .geojson, .timelinejs]
    static let listRepeatable: Set<String> = ["actor", "place", "type", "kind"]

    static var routes: [Route] {
        [
            Route("/", formats: [.json], handler: ServiceHandlers.index),
            Route("/healthz", formats: [], cacheable: false, handler: ServiceHandlers.health),
            Route("/readyz", formats: [], cacheable: false, handler: ServiceHandlers.readiness),
            Route("/openapi.json", formats: [], handler: ServiceHandlers.openAPI),
            Route("/metrics", formats: [], cacheable: false, handler: ServiceHandlers.metrics),

            Route("/v1/events", parameters: eventListParameters, repeatable: listRepeatable,
                  formats: eventFormats, handler: EventHandlers.list),
            Route("/v1/events/{id}", parameters: ["fields"], formats: [.json, .geojson, .timelinejs],
                  handler: EventHandlers.item),

            Route("/v1/actors", parameters: ["kind", "q", "sort", "limit", "cursor", "fields"], repeatable: listRepeatable,
                  formats: [.json, .ndjson, .csv], handler: ActorHandlers.list),
            Route("/v1/actors/{id}", parameters: ["fields"], handler: ActorHandlers.item),
            Route("/v1/actors/{id}/events", parameters: eventListParameters,
                  repeatable: listRepeatable, formats: eventFormats, handler: ActorHandlers.events),
            Route("/v1/actors/{id}/network", formats: [.json, .ndjson, .csv], handler: ActorHandlers.network),

            Route("/v1/places", parameters: ["kind", "country", "q", "sort", "limit", "cursor", "fields"],
                  repeatable: listRepeatable, formats: [.json, .ndjson, .csv, .geojson], handler: PlaceHandlers.list),
            Route("/v1/places/{id}", parameters: ["fields"], formats: [.json, .geojson], handler: PlaceHandlers.item),
            Route("/v1/places/{id}/events", parameters: eventListParameters, repeatable: listRepeatable,
                  formats: eventFormats, handler: PlaceHandlers.events),

            Route("/v1/timeline", parameters: eventFilterParameters, repeatable: listRepeatable,
                  formats: [.json, .timelinejs], handler: TimelineHandlers.timeline),

            Route("/v1/sources", formats: [.json], handler: SourceHandlers.list),
            Route("/v1/sources/{id}", formats: [.json], handler: SourceHandlers.item),
            Route("/v1/sources/{id}/text", formats: [], handler: SourceHandlers.text),
            Route("/v1/sources/{id}/paragraphs", formats: [.json, .ndjson], handler: SourceHandlers.paragraphs),
            Route("/v1/sources/{id}/paragraphs/{n}", formats: [.json], handler: SourceHandlers.paragraph),

            Route("/v1/search", parameters: ["q", "limit"], formats: [.json], handler: SearchHandlers.search),
        ]
    }
}
