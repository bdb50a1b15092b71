/// How the API answers, as the operator configures it.
public struct APIOptions: Sendable {
    /// `Cache-Control: public, max-age=N` on successful answers.
    public var cacheMaxAge: Int = 60
    /// Byte budget of the encoded-response cache.
    public var responseCacheBytes: Int = 64 << 20
    /// One JSON line per request; nil for none.
    public var accessLog: AccessLog?
    /// When true every response carries an `X-Request-Id` (ours, or the client's safe one);
    /// when false only a client's own safe id is echoed. Generating one makes each cached
    /// answer a per-request copy of its headers (the body is still not copied), so a
    /// deployment that wants the last microsecond can turn it off.
    public var generateRequestIDs: Bool = true
    /// The OpenAPI document served at /openapi.json, byte for byte.
    public var openAPIDocument: [UInt8] = []
    /// Longest `q` accepted.
    public var maximumQueryTextLength: Int = 256
    /// Most query parameters accepted in one request.
    public var maximumParameterCount: Int = 64

    public init() {}
}
