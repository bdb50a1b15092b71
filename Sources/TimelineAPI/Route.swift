import MicroHTTP
import TimelineStore

/// One path pattern of the API: what it accepts and the handler for GET (and so HEAD).
struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter
    }

    /// The pattern as documented, `/v1/events/{id}`: the label in metrics and logs.
    let template: String
    let segments: [Segment]
    /// Query parameters taken besides `format` and `pretty`.
    let parameters: [String]
    let repeatable: Set<String>
    /// Formats offered, preferred first; empty for a fixed media type (text, metrics).
    let formats: [ResponseFormat]
    /// Whether answers may be kept in the response cache (false for live state: metrics, readiness).
    let cacheable: Bool
    let handler: @Sendable (RouteContext) throws(APIError) -> Representation

    init(_ template: String, parameters: [String] = [], repeatable: Set<String> = [],
         formats: [ResponseFormat] = [.json], cacheable: Bool = true,
         handler: @escaping @Sendable (RouteContext) throws(APIError) -> Representation) {
        self.template = template
        segments = template.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter : .literal(String(part))
        }
        self.parameters = parameters
        self.repeatable = repeatable
        self.formats = formats
        self.cacheable = cacheable
        self.handler = handler
    }

    /// The path parameters if `pathSegments` fits this pattern.
    func match(_ pathSegments: [Substring]) -> [String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String] = []
        for (segment, part) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal): if part != literal { return nil }
            case .parameter: parameters.append(String(part))
            }
        }
        return parameters
    }
}

/// What a handler gets: the request, its path parameters in order, its checked query, the
/// negotiated format and the snapshot to answer from.
struct RouteContext: Sendable {
    let request: HTTPRequest
    let pathParameters: [String]
    let query: QueryParameters
    let format: ResponseFormat
    let pretty: Bool
    let snapshot: TimelineSnapshot
    let state: APIState
    let api: TimelineAPI

    var nodes: ResourceNodes { ResourceNodes(snapshot: snapshot) }

    /// `fields=a,b`: the listed top-level fields, each checked against `known`.
    func fields(known: [String]) throws(APIError) -> [String]? {
        guard query.single("fields") != nil else { return nil }
        var fields: [String] = []
        for field in query.list("fields") where !field.isEmpty && !fields.contains(field) { fields.append(field) }
        for field in fields where !known.contains(field) {
            throw .invalidParameter(name: "fields", reason: "unknown field \"\(field)\"; fields are: \(known.joined(separator: ", "))")
        }
        guard !fields.isEmpty else { throw .invalidParameter(name: "fields", reason: "list at least one field") }
        return fields
    }

    /// Links keep the path as requested and the query in canonical order, plus `format` when
    /// it was chosen by parameter, so that following a link gives the same representation.
    func link(replacingCursorWith cursor: String?) -> String {
        var query = self.query.canonical(excluding: ["cursor", "pretty"])
        if let cursor { query += (query.isEmpty ? "" : "&") + "cursor=" + QueryParameters.escape(cursor) }
        return request.path + (query.isEmpty ? "" : "?" + query)
    }

    var selfLink: String {
        link(replacingCursorWith: query.single("cursor"))
    }
}
