import MicroHTTP

/// A prepared answer to one exact request target, given from the request head alone
/// (`TimelineAPI.quickResponse(to:)`): the default page of a hot collection, say. A class:
/// the quick path looks at several per request, and a reference is cheaper to pass around
/// than copies of the strings and responses inside.
final class QuickAnswer: Sendable {
    /// The exact request target it answers, query and all.
    let target: String
    let routeIndex: Int
    let representation: CachedRepresentation
    /// The media type of the route's default format when the route negotiates `Accept`;
    /// nil when it ignores `Accept`.
    let negotiatedMediaType: String?

    init(target: String, routeIndex: Int, representation: CachedRepresentation, negotiatedMediaType: String?) {
        self.target = target
        self.routeIndex = routeIndex
        self.representation = representation
        self.negotiatedMediaType = negotiatedMediaType
    }

    /// The variant (plain or gzip) the head asks for, read from its fields in place; nil when
    /// the head needs the full path to be answered exactly (a conditional request, a client's
    /// own request id, an `Accept` other than the default, a field given twice).
    func variant(for head: RequestHead) -> PreparedResponse? {
        var exact = true
        var gzip = false
        var seenAccept = false
        var seenAcceptEncoding = false
        head.forEachField { name, value in
            if name.equalsIgnoringASCIICase("accept") {
                guard !seenAccept else { exact = false; return false }
                seenAccept = true
                if let negotiatedMediaType, !value.isEmpty, !value.equalsIgnoringASCIICase("*/*") {
                    exact = negotiatedMediaType == "application/json" && value.equalsIgnoringASCIICase("application/json")
                }
            } else if name.equalsIgnoringASCIICase("accept-encoding") {
                guard !seenAcceptEncoding else { exact = false; return false }
                seenAcceptEncoding = true
                gzip = ContentCoding.acceptsGzip(bytes: value)
            } else if name.equalsIgnoringASCIICase("if-none-match") || name.equalsIgnoringASCIICase("x-request-id") {
                exact = false
            }
            return exact
        }
        guard exact else { return nil }
        if gzip, let compressed = representation.gzip { return compressed }
        return representation.plain
    }
}
