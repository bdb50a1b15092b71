import MicroHTTP

/// Finds the route for a path. The table is small (tens of routes), so a linear scan over
/// pre-split patterns is faster than any tree here.
struct Router: Sendable {
    let routes: [Route]

    /// Methods every route answers: GET and HEAD read, OPTIONS describes.
    static let allowedMethods: [HTTPMethod] = [.get, .head, .options]
    static let allowHeader = allowedMethods.map(\.rawValue).joined(separator: ", ")

    func route(for path: String) -> (route: Route, parameters: [String])? {
        // "/v1/events/" and "/v1/events" name the same resource; empty segments are ignored.
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for route in routes {
            if let parameters = route.match(parts) { return (route, parameters) }
        }
        return nil
    }
}
