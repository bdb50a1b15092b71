import MicroHTTP

/// What a handler produces: a body with its type. The responder adds the ETag, caching,
/// CORS and compression, the same way for every route.
struct Representation: Sendable {
    var status: HTTPStatus = .ok
    var contentType: String
    var body: [UInt8]
    /// Headers that belong to this representation, such as `Link`.
    var headers: HTTPHeaders = [:]

    static func json(_ node: JSONNode, pretty: Bool, headers: HTTPHeaders = [:]) -> Representation {
        var json = JSONWriter(pretty: pretty, reservingCapacity: 4096)
        node.write(to: &json)
        var body = json.bytes
        body.append(0x0A)
        return Representation(contentType: "application/json", body: body, headers: headers)
    }
}
