/// What a responder answers from the request head alone (`HTTPResponder.quickResponse(to:)`):
/// a prepared response, sent as it is or with one per-request field stamped in.
///
/// Narrower than `HTTPResponse` on purpose: it is made for every quick answer, and with only a
/// prepared response and an inline field inside, making, passing and dropping it costs one
/// reference count change, not one for each part of a general response.
public struct QuickResponse: Sendable {
    public let prepared: PreparedResponse
    public let addedField: PerRequestField?

    public init(_ prepared: PreparedResponse, adding field: PerRequestField? = nil) {
        self.prepared = prepared
        addedField = field
    }

    /// The same answer as an `HTTPResponse`, for tests and in-process callers, and for the
    /// transport when the field cannot be stamped: the field as the one extra header.
    public var response: HTTPResponse {
        guard let addedField else { return .prepared(prepared) }
        return .prepared(prepared, extraHeaders: HTTPHeaders([(name: addedField.name, value: addedField.value)]))
    }
}
