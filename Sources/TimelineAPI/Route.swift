import MicroHTTP

/// One path pattern of the API and the handler for GET (and so HEAD) on it.
struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter
    }

    /// The pattern as documented, `/v1/events/{id}`: the label in metrics and logs.
    let template: String
    let segments: [Segment]
    let handler: @Sendable (RouteContext) throws(APIError) -> HTTPResponse

    init(_ template: String, handler: @escaping @Sendable (RouteContext) throws(APIError) -> HTTPResponse) {
        self.template = template
        segments = template.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter : .literal(String(part))
        }
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

/// What a handler gets: the request and the values of its path parameters, in order.
struct RouteContext: Sendable {
    let request: HTTPRequest
    let pathParameters: [String]
}
