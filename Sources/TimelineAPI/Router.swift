import MicroHTTP

/// Finds the route for a path. The table is small (tens of routes), so a linear scan over
/// pre-split patterns is faster than any tree here.
struct Router: Sendable {
    let routes: [Route]

    /// Methods every route answers: GET and HEAD read, OPTIONS describes.
    static let allowedMethods: [HTTPMethod] = [.get, .head, .options]
    static let allowHeader = allowedMethods.map(\.rawValue).joined(separator: ", ")

    func route(for path: String) -> (index: Int, parameters: [String])? {
        // "/v1/events/" and "/v1/events" name the same resource.
        var trimmed = path[...]
        if trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let segments = parts.count == 1 && parts.first == "" ? [] : Array(parts)
        for (index, route) in routes.enumerated() {
            if let parameters = route.match(segments) { return (index, parameters) }
        }
        return nil
    }
}
