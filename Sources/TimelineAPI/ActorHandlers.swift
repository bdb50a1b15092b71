import MicroHTTP
import TimelineStore

/// `/v1/actors…`: listing, lookup by id, name or alias, an actor's events and its network.
enum ActorHandlers {
    static let csvColumns = ["id", "name", "kind", "aliases", "description", "event_count", "source"]

    @Sendable static func list(_ context: RouteContext) throws(APIError) -> Representation {
        let query = context.query
        let kinds = try query.cases("kind", of: ActorKind.self)
        let sort = try listingSort(query.single("sort"))
        let limit = try query.integer("limit", in: 1...500) ?? 50
        let fields = try context.fields(known: ResourceNodes.actorFields)
        let actorQuery = ActorQuery(kinds: kinds, text: query.single("q"), sort: sort, limit: limit, cursor: query.single("cursor"))
        let page: Page<ActorListing>
        do { page = try context.snapshot.actors(matching: actorQuery) } catch { throw APIError(error) }
        let listPage = ListPage(
            items: page.items.map { context.nodes.actor($0.actor) }, total: page.total, limit: limit,
            nextCursor: page.nextCursor,
            query: [("kind", .strings(kinds.map(\.rawValue))), ("q", .optional(actorQuery.text)), ("sort", .string(sort.rawValue))],
            selfLink: context.selfLink, nextLink: page.nextCursor.map { context.link(replacingCursorWith: $0) },
            columns: csvColumns)
        return ListRendering.render(listPage, format: context.format, fields: fields, pretty: context.pretty, nodes: context.nodes)
    }

    @Sendable static func item(_ context: RouteContext) throws(APIError) -> Representation {
        let actor = try resolve(context)
        let fields = try context.fields(known: ResourceNodes.actorFields)
        var headers: HTTPHeaders = [:]
        if actor.id != context.pathParameters[0] { headers.add("Content-Location", "/v1/actors/\(actor.id)") }
        return .json(.object([("data", context.nodes.actor(actor).selecting(fields))]), pretty: context.pretty, headers: headers)
    }

    @Sendable static func events(_ context: RouteContext) throws(APIError) -> Representation {
        let actor = try resolve(context)
        return try EventHandlers.render(context, requiredActor: actor.id, requiredPlace: nil)
    }

    @Sendable static func network(_ context: RouteContext) throws(APIError) -> Representation {
        let actor = try resolve(context)
        let links: [NetworkLink]
        do { links = try context.snapshot.network(ofActor: actor.id) } catch { throw APIError(error) }
        let items: [JSONNode] = links.map { link in
            .object([
                ("id", .string(link.actor.id)),
                ("name", .string(link.actor.name)),
                ("kind", .string(link.actor.kind.rawValue)),
                ("shared_event_count", .int(link.sharedEventCount)),
                ("shared_event_ids", .strings(link.sharedEventIDs)),
                ("links", .object([("self", .string("/v1/actors/\(link.actor.id)"))])),
            ])
        }
        let page = ListPage(items: items, total: items.count, limit: nil, nextCursor: nil,
                            query: [("actor", .string(actor.id))], selfLink: context.selfLink, nextLink: nil,
                            columns: ["id", "name", "kind", "shared_event_count", "shared_event_ids"])
        return ListRendering.render(page, format: context.format, fields: nil, pretty: context.pretty, nodes: context.nodes)
    }

    /// An id, a name or an alias, folded for case, diacritics and spacing.
    static func resolve(_ context: RouteContext) throws(APIError) -> TimelineActor {
        let key = context.pathParameters[0]
        guard let actor = context.snapshot.actor(matching: key) else {
            throw .unknownResource(kind: "actor", id: key, suggestions: context.snapshot.suggestions(for: key, among: [.actor]))
        }
        return actor
    }

    static func listingSort(_ text: String?) throws(APIError) -> ListingSort {
        guard let text else { return .name }
        guard let sort = ListingSort(rawValue: text) else {
            throw .invalidParameter(name: "sort", reason: "\"\(text)\" is not one of \(ListingSort.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return sort
    }
}
