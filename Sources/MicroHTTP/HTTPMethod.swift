/// An HTTP request method. Kept as its raw token so that unknown methods reach the
/// responder, which answers them with 405 or 501 instead of the transport guessing.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let delete = HTTPMethod(rawValue: "DELETE")

    /// GET and HEAD are served by the same route; HEAD only drops the body.
    public var isGetOrHead: Bool { self == .get || self == .head }

    public var description: String { rawValue }
}
