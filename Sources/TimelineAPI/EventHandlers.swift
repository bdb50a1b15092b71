import MicroHTTP
import TimelineStore

/// `/v1/events` and `/v1/events/{id}`, and the event-list logic the actor and place
/// routes share.
enum EventHandlers {
    static let sortValues: [(String, EventSort)] = [("date", .chronological), ("-date", .reverseChronological),
                                                    ("article", .article)]
    static let csvColumns = ["id", "date", "start", "end", "precision", "type", "mode", "title", "summary",
                             "actors", "places", "source", "article_order", "evidence"]

    @Sendable static func list(_ context: RouteContext) throws(APIError) -> Representation {
        try render(context, requiredActor: nil, requiredPlace: nil)
    }

    @Sendable static func item(_ context: RouteContext) throws(APIError) -> Representation {
        let id = context.pathParameters[0]
        guard let event = context.snapshot.event(id: id) else {
            throw .unknownResource(kind: "event", id: id, suggestions: context.snapshot.suggestions(for: id, among: [.event]))
        }
        let fields = try context.fields(known: ResourceNodes.eventFields)
        let node = context.nodes.event(event).selecting(fields)
        switch context.format {
        case .geojson:
            // A single event is one Feature, not a collection; unlocated events have a null geometry.
            var representation = Representation.json(geoFeature(node, id: .string(event.id), geometry: geometry(of: event, in: context.snapshot)),
                                                     pretty: context.pretty)
            representation.contentType = ResponseFormat.geojson.mediaType
            return representation
        case .timelinejs:
            return .json(TimelineJS.document([event], nodes: context.nodes), pretty: context.pretty)
        default:
            return .json(.object([("data", node)]), pretty: context.pretty)
        }
    }

    /// Builds the store query from the request, checking every value.
    static func query(_ context: RouteContext, requiredActor: String?, requiredPlace: String?,
                      paged: Bool = true) throws(APIError) -> EventQuery {
        let query = context.query
        let from = try partialDate(query.single("from"), name: "from")
        let to = try partialDate(query.single("to"), name: "to")
        if let from, let to, from.first > to.last {
            throw .invalidParameter(name: "from", reason: "from \(from.text) is after to \(to.text)")
        }
        var match = DateMatch.overlap
        if let text = query.single("match") {
            guard let value = DateMatch(rawValue: text) else {
                throw .invalidParameter(name: "match", reason: "\"\(text)\" is not one of overlap, within")
            }
            match = value
        }
        let types = try query.cases("type", of: EventType.self, normalise: { $0.uppercased() })
        var sort = EventSort.chronological
        if paged, let text = query.single("sort") {
            guard let value = sortValues.first(where: { $0.0 == text })?.1 else {
                throw .invalidParameter(name: "sort", reason: "\"\(text)\" is not one of \(sortValues.map(\.0).joined(separator: ", "))")
            }
            sort = value
        }
        let limit = paged ? try query.integer("limit", in: 1...500) ?? 50 : max(context.snapshot.events.count, 1)
        var actors = query.values("actor")
        if let requiredActor { actors.insert(requiredActor, at: 0) }
        var places = query.values("place")
        if let requiredPlace { places.insert(requiredPlace, at: 0) }
        let text = query.single("q").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
        return EventQuery(from: from, to: to, match: match, actors: actors, places: places, types: types, text: text,
                          sort: sort, limit: limit, cursor: paged ? query.single("cursor") : nil)
    }

    static func render(_ context: RouteContext, requiredActor: String?, requiredPlace: String?) throws(APIError) -> Representation {
        let eventQuery = try query(context, requiredActor: requiredActor, requiredPlace: requiredPlace)
        let fields = try context.fields(known: ResourceNodes.eventFields)
        let page: Page<TimelineEvent>
        do {
            page = try context.snapshot.events(matching: eventQuery)
        } catch {
            throw APIError(error)
        }
        let nodes = context.nodes
        let listPage = ListPage(
            items: page.items.map(nodes.event),
            geometries: page.items.map { geometry(of: $0, in: context.snapshot) },
            events: page.items,
            total: page.total,
            limit: eventQuery.limit,
            nextCursor: page.nextCursor,
            query: normalised(eventQuery, context: context),
            selfLink: context.selfLink,
            nextLink: page.nextCursor.map { context.link(replacingCursorWith: $0) },
            columns: csvColumns)
        return ListRendering.render(listPage, format: context.format, fields: fields, pretty: context.pretty, nodes: nodes)
    }

    /// The query as the store understood it: names and aliases resolved to ids, defaults filled in.
    static func normalised(_ query: EventQuery, context: RouteContext) -> [(String, JSONNode)] {
        let snapshot = context.snapshot
        return [
            ("from", .optional(query.from?.first.description)),
            ("to", .optional(query.to?.last.description)),
            ("match", .string(query.match.rawValue)),
            ("actor", .strings(query.actors.map { snapshot.actor(matching: $0)?.id ?? $0 })),
            ("place", .strings(query.places.map { snapshot.place(matching: $0)?.id ?? $0 })),
            ("type", .strings(query.types.map(\.rawValue))),
            ("q", .optional(query.text)),
            ("sort", .string(sortValues.first { $0.1 == query.sort }?.0 ?? "date")),
        ]
    }

    static func partialDate(_ text: String?, name: String) throws(APIError) -> PartialDate? {
        guard let text else { return nil }
        do {
            return try PartialDate(text)
        } catch {
            throw .invalidParameter(name: name, reason: "\"\(text)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): \(error.reason)")
        }
    }

    /// `[lon, lat]` of each located place of the event.
    static func geometry(of event: TimelineEvent, in snapshot: TimelineSnapshot) -> [[Double]] {
        event.places.compactMap { snapshot.place(id: $0)?.coordinates }.map { [$0.longitude, $0.latitude] }
    }

    /// An RFC 7946 Feature; its `id` is left out when there is none (it may only be a string or number).
    static func geoFeature(_ properties: JSONNode, id: JSONNode?, geometry points: [[Double]]) -> JSONNode {
        let geometry: JSONNode
        switch points.count {
        case 0: geometry = .null
        case 1: geometry = .object([("type", .string("Point")), ("coordinates", .array(points[0].map(JSONNode.double)))])
        default: geometry = .object([("type", .string("MultiPoint")),
                                     ("coordinates", .array(points.map { .array($0.map(JSONNode.double)) }))])
        }
        var members: [(String, JSONNode)] = [("type", .string("Feature"))]
        if let id { members.append(("id", id)) }
        members += [("geometry", geometry), ("properties", properties)]
        return .object(members)
    }
}

extension APIError {
    /// Store query errors as client errors: each names the parameter at fault.
    init(_ error: TimelineQueryError) {
        switch error {
        case .unknownActor(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            self = .invalidParameter(name: "actor", reason: "unknown actor \"\(name)\"\(hint)")
        case .unknownPlace(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            self = .invalidParameter(name: "place", reason: "unknown place \"\(name)\"\(hint)")
        case .invalidCursor(let reason):
            self = .invalidParameter(name: "cursor", reason: reason)
        case .invalidLimit(let limit):
            self = .invalidParameter(name: "limit", reason: "\(limit) is not an integer in 1..500")
        case .emptyDateRange(let from, let to):
            self = .invalidParameter(name: "from", reason: "from \(from) is after to \(to)")
        }
    }
}
