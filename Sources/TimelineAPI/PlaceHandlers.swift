import MicroHTTP
import TimelineStore

/// `/v1/places…`: listing (also as GeoJSON), lookup and a place's events.
enum PlaceHandlers {
    static let csvColumns = ["id", "name", "kind", "country", "coordinates", "event_count", "source"]

    @Sendable static func list(_ context: RouteContext) throws(APIError) -> Representation {
        let query = context.query
        let kinds = try query.cases("kind", of: PlaceKind.self)
        let country = query.single("country")
        if let country, country.utf8.count != 2 || !country.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
            throw .invalidParameter(name: "country", reason: "\"\(country)\" is not an ISO 3166-1 alpha-2 code")
        }
        let sort = try ActorHandlers.listingSort(query.single("sort"))
        let limit = try query.integer("limit", in: 1...500) ?? 50
        let fields = try context.fields(known: ResourceNodes.placeFields)
        let placeQuery = PlaceQuery(kinds: kinds, country: country?.uppercased(), text: query.single("q"), sort: sort,
                                    limit: limit, cursor: query.single("cursor"))
        let page: Page<PlaceListing>
        do { page = try context.snapshot.places(matching: placeQuery) } catch { throw APIError(error) }
        let listPage = ListPage(
            items: page.items.map { context.nodes.place($0.place) },
            geometries: page.items.map { listing in
                listing.place.coordinates.map { [[$0.longitude, $0.latitude]] } ?? []
            },
            total: page.total, limit: limit, nextCursor: page.nextCursor,
            query: [("kind", .strings(kinds.map(\.rawValue))), ("country", .optional(placeQuery.country)),
                    ("q", .optional(placeQuery.text)), ("sort", .string(sort.rawValue))],
            selfLink: context.selfLink, nextLink: page.nextCursor.map { context.link(replacingCursorWith: $0) },
            columns: csvColumns)
        return ListRendering.render(listPage, format: context.format, fields: fields, pretty: context.pretty, nodes: context.nodes)
    }

    @Sendable static func item(_ context: RouteContext) throws(APIError) -> Representation {
        let place = try resolve(context)
        let fields = try context.fields(known: ResourceNodes.placeFields)
        let node = context.nodes.place(place).selecting(fields)
        if context.format == .geojson {
            let points = place.coordinates.map { [[$0.longitude, $0.latitude]] } ?? []
            var representation = Representation.json(EventHandlers.geoFeature(node, id: .string(place.id), geometry: points), pretty: context.pretty)
            representation.contentType = ResponseFormat.geojson.mediaType
            return representation
        }
        return .json(.object([("data", node)]), pretty: context.pretty)
    }

    @Sendable static func events(_ context: RouteContext) throws(APIError) -> Representation {
        let place = try resolve(context)
        return try EventHandlers.render(context, requiredActor: nil, requiredPlace: place.id)
    }

    static func resolve(_ context: RouteContext) throws(APIError) -> Place {
        let key = context.pathParameters[0]
        guard let place = context.snapshot.place(id: key) ?? context.snapshot.place(matching: key) else {
            throw .unknownResource(kind: "place", id: key, suggestions: context.snapshot.suggestions(for: key, among: [.place]))
        }
        return place
    }
}
