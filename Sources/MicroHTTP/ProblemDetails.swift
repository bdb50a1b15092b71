/// An RFC 9457 problem document, the one shape every error response takes.
public struct ProblemDetails: Sendable, Equatable {
    public var type: String
    public var title: String
    public var status: HTTPStatus
    public var detail: String
    public var instance: String
    /// Extension members (RFC 9457 §3.2), written after the standard ones, in order.
    public var extensions: [(name: String, value: Member)]

    /// An extension member's value.
    public enum Member: Sendable, Equatable {
        case string(String)
        case strings([String])
        case int(Int)
    }

    public init(
        type: String = "about:blank",
        title: String? = nil,
        status: HTTPStatus,
        detail: String,
        instance: String,
        extensions: [(name: String, value: Member)] = []
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status
        self.detail = detail
        self.instance = instance
        self.extensions = extensions
    }

    public static func == (lhs: ProblemDetails, rhs: ProblemDetails) -> Bool {
        lhs.type == rhs.type && lhs.title == rhs.title && lhs.status == rhs.status
            && lhs.detail == rhs.detail && lhs.instance == rhs.instance
            && lhs.extensions.map(\.name) == rhs.extensions.map(\.name)
            && lhs.extensions.map(\.value) == rhs.extensions.map(\.value)
    }

    public static let mediaType = "application/problem+json"

    public func jsonBytes(pretty: Bool = false) -> [UInt8] {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("type", type)
        json.field("title", title)
        json.field("status", status.rawValue)
        json.field("detail", detail)
        json.field("instance", instance)
        for member in extensions {
            switch member.value {
            case .string(let value): json.field(member.name, value)
            case .strings(let values): json.field(member.name, strings: values)
            case .int(let value): json.field(member.name, value)
            }
        }
        json.endObject()
        if pretty { return json.bytes + [0x0A] }
        return json.bytes
    }

    public func response(headers: HTTPHeaders = [:], pretty: Bool = false) -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", ProblemDetails.mediaType)
        return HTTPResponse(status: status, headers: headers, bytes: jsonBytes(pretty: pretty))
    }
}
