import MicroHTTP

/// A prepared answer to one exact request target, given from the request head alone
/// (`TimelineAPI.quickResponse(to:)`): the default page of a hot collection, say. A class:
/// the quick path looks at several per request, and a reference is cheaper to pass around
/// than copies of the strings and responses inside.
final class QuickAnswer: Sendable {
    /// The exact request target it answers, query and all.
    let target: String
    /// `target`'s bytes, compared with a request's in place (`RequestHead.hasTarget(_:)`).
    private let targetUTF8: [UInt8]
    let routeIndex: Int
    /// The cached representation's variants, a large body sent from a file
    /// (`PreparedResponse.sendingBodyFromFile()`): hot answers are where that pays.
    private let plain: PreparedResponse
    private let gzip: PreparedResponse?
    /// The media type of the route's default format when the route negotiates `Accept`;
    /// nil when it ignores `Accept`.
    let negotiatedMediaType: String?

    init(target: String, routeIndex: Int, representation: CachedRepresentation, negotiatedMediaType: String?) {
        self.target = target
        targetUTF8 = Array(target.utf8)
        self.routeIndex = routeIndex
        plain = representation.plain.sendingBodyFromFile()
        gzip = representation.gzip?.sendingBodyFromFile()
        self.negotiatedMediaType = negotiatedMediaType
    }

    /// Whether `head` asks for exactly this answer's target.
    func answers(target head: RequestHead) -> Bool {
        targetUTF8.withUnsafeBytes { head.hasTarget($0) }
    }

    /// The variant (plain or gzip) the head asks for, read from its fields in place; nil when
    /// the head needs the full path to be answered exactly (a conditional request, a client's
    /// own request id, an `Accept` other than the default, a field given twice).
    func variant(for head: RequestHead) -> PreparedResponse? {
        guard head.fieldsAreWellFormed, head.count(of: .accept) <= 1, head.count(of: .acceptEncoding) <= 1,
              head.count(of: .ifNoneMatch) == 0, head.count(of: .requestID) == 0
        else { return nil }
        if let negotiatedMediaType {
            let defaultFormat = head.withFirstValue(of: .accept) { value in
                guard let value, !value.isEmpty, !value.equalsIgnoringASCIICase("*/*") else { return true }
                return negotiatedMediaType == "application/json" && value.equalsIgnoringASCIICase("application/json")
            }
            guard defaultFormat else { return nil }
        }
        let gzip = head.withFirstValue(of: .acceptEncoding) { $0.map(ContentCoding.acceptsGzip(bytes:)) ?? false }
        if gzip, let compressed = self.gzip { return compressed }
        return plain
    }
}
