import MicroHTTP

/// The timeline API as one `HTTPResponder`: routing, method handling and the turning of
/// errors into problem documents happen here, in one place.
public final class TimelineAPI: HTTPResponder {
    public let service: ServiceInfo
    private let router: Router

    public init(service: ServiceInfo = ServiceInfo()) {
        self.service = service
        router = Router(routes: TimelineAPI.routes(service: service))
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        do throws(APIError) {
            if request.bodyLength > 0 { throw .bodyNotAllowed(length: request.bodyLength) }
            guard let (route, parameters) = router.route(for: request.path) else {
                throw .notFound(path: request.path)
            }
            if request.method == .options {
                return HTTPResponse(status: .noContent, headers: [
                    "Allow": Router.allowHeader,
                    "Access-Control-Allow-Methods": Router.allowHeader,
                    "Access-Control-Allow-Headers": "Accept, Accept-Encoding, If-None-Match, X-Request-Id",
                    "Access-Control-Max-Age": "86400",
                ])
            }
            guard request.method.isGetOrHead else {
                throw .methodNotAllowed(method: request.method, allowed: Router.allowedMethods)
            }
            return try route.handler(RouteContext(request: request, pathParameters: parameters))
        } catch {
            var headers: HTTPHeaders = [:]
            if case .methodNotAllowed = error { headers.add("Allow", Router.allowHeader) }
            return error.problem(instance: request.target).response(headers: headers)
        }
    }

    static func routes(service: ServiceInfo) -> [Route] {
        let index = PreparedResponse(headers: ["Content-Type": "application/json"], body: {
            var json = JSONWriter(pretty: true)
            json.beginObject()
            json.field("name", service.name)
            json.field("version", service.version)
            json.key("links")
            json.beginObject()
            json.field("self", "/")
            json.field("health", "/healthz")
            json.endObject()
            json.endObject()
            return json.bytes + [0x0A]
        }())
        let health = PreparedResponse(headers: ["Content-Type": "application/health+json", "Cache-Control": "no-store"], body: {
            var json = JSONWriter()
            json.beginObject()
            json.field("status", "pass")
            json.field("version", service.version)
            json.field("serviceId", service.name)
            json.endObject()
            return json.bytes
        }())
        return [
            Route("/") { _ in .prepared(index) },
            Route("/healthz") { _ in .prepared(health) },
        ]
    }
}
