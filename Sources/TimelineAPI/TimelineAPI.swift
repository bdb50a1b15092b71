import MicroHTTP
import Synchronization
import TimelineStore

/// The timeline API as one `HTTPResponder`. Routing, parameter checks, content negotiation,
/// caching, conditional requests, compression, CORS and the turning of errors into problem
/// documents all happen here, the same way for every route; handlers only build bodies.
public final class TimelineAPI: HTTPResponder {
    public let service: ServiceInfo
    let options: APIOptions
    let router: Router
    let metrics: APIMetrics
    private let requestIDs = RequestID()
    /// The state answers come from, with its quick answers (a handful, one per exact target:
    /// searched in order, which is cheaper than hashing the target).
    private let state: Mutex<(api: APIState, quickAnswers: [QuickAnswer])>
    private let lastReload = Mutex<ReloadOutcome?>(nil)

    /// Headers on every response: any origin may read, and see the headers that matter.
    static let corsHeaders: [(String, String)] = [
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Expose-Headers", "ETag, Link, X-Request-Id, Content-Location"),
    ]

    public init(snapshot: TimelineSnapshot, service: ServiceInfo = ServiceInfo(), options: APIOptions = APIOptions()) {
        self.service = service
        self.options = options
        router = Router(routes: TimelineAPI.routes)
        metrics = APIMetrics(routeLabels: router.routes.map(\.template) + ["unmatched"])
        // Warming answers requests, which needs `self` whole: a cacheless placeholder state first.
        state = Mutex((api: APIState(snapshot: snapshot, cacheBytes: 0), quickAnswers: []))
        let initial = APIState(snapshot: snapshot, cacheBytes: options.responseCacheBytes)
        let quickAnswers = warm(initial)
        state.withLock { $0 = (initial, quickAnswers) }
    }

    /// The snapshot being served now.
    public var snapshot: TimelineSnapshot { state.withLock { $0.api.snapshot } }

    /// Serves `snapshot` from now on. The new state (with its hot answers already encoded)
    /// replaces the old in one step; requests already running finish on the old one.
    public func replaceSnapshot(_ snapshot: TimelineSnapshot) {
        let next = APIState(snapshot: snapshot, cacheBytes: options.responseCacheBytes)
        let quickAnswers = warm(next)
        state.withLock { $0 = (next, quickAnswers) }
        lastReload.withLock { $0 = ReloadOutcome(at: AccessLog.timestamp(), succeeded: true, problems: []) }
    }

    /// Records a reload that was refused; the old snapshot keeps serving.
    public func recordFailedReload(problems: [String]) {
        lastReload.withLock { $0 = ReloadOutcome(at: AccessLog.timestamp(), succeeded: false, problems: problems) }
    }

    public var lastReloadOutcome: ReloadOutcome? { lastReload.withLock { $0 } }

    // MARK: Responding

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let started = MonotonicClock.nanoseconds()
        metrics.inFlight.add(1, ordering: .relaxed)
        defer { metrics.inFlight.subtract(1, ordering: .relaxed) }
        let current = state.withLock { $0.api }
        var routeIndex = router.routes.count
        var response: HTTPResponse
        do throws(APIError) {
            var representation: CachedRepresentation?
            response = try answer(request, state: current, routeIndex: &routeIndex, representation: &representation)
        } catch {
            var headers: HTTPHeaders = ["Cache-Control": "no-store"]
            if case .methodNotAllowed = error { headers.add("Allow", Router.allowHeader) }
            response = error.problem(instance: request.path).response(headers: headers)
        }

        var requestID: String?
        if let sent = request.headers["X-Request-Id"], RequestID.isSafe(sent) {
            requestID = sent
        } else if options.generateRequestIDs || options.accessLog != nil {
            requestID = requestIDs.next()
        }
        // Prepared answers carry the CORS headers already; responses built per request may not.
        if case .prepared = response.body {} else if !response.headers.contains("Access-Control-Allow-Origin") {
            for (name, value) in TimelineAPI.corsHeaders { response.headers.add(name, value) }
        }
        if let requestID { response.headers.add("X-Request-Id", requestID) }

        let seconds = MonotonicClock.seconds(since: started)
        metrics.record(route: routeIndex, status: response.status.rawValue, seconds: seconds)
        if let log = options.accessLog {
            let label = routeIndex < router.routes.count ? router.routes[routeIndex].template : "unmatched"
            log.record(request: request, status: response.status.rawValue, bytes: response.bodyBytes.count,
                       seconds: seconds, route: label, requestID: requestID)
        }
        return response
    }

    /// The prepared answer to an exact hot target (`/v1/events`, `/openapi.json`, …) straight
    /// from the request head: no target decoding, no header copies, no cache lookup. It is the
    /// answer `respond(to:)` gives the same request, headers and all (QuickAnswerTests
    /// compares them); anything it cannot decide exactly from the head goes the full way.
    public func quickResponse(to head: RequestHead) -> QuickResponse? {
        guard head.method.isGetOrHead, head.bodyLength == 0, options.accessLog == nil else { return nil }
        let started = MonotonicClock.nanoseconds()
        // Decided under the lock, so that only the chosen response leaves it (one retain).
        let found: (prepared: PreparedResponse, routeIndex: Int)? = state.withLock { state in
            for quick in state.quickAnswers where quick.answers(target: head) {
                return quick.variant(for: head).map { ($0, quick.routeIndex) }
            }
            return nil
        }
        guard let (prepared, routeIndex) = found else { return nil }
        // Not counted in `inFlight`: a quick answer is made in well under a microsecond,
        // which no scrape of the gauge would see, and the two atomic updates cost more.
        let quick = QuickResponse(prepared, adding: options.generateRequestIDs ? requestIDs.nextField() : nil)
        metrics.record(route: routeIndex, status: prepared.status.rawValue, seconds: MonotonicClock.seconds(since: started))
        return quick
    }

    /// The answer to `request`; `routeIndex` is set once a route matches, and `representation`
    /// to the cached answer the response is made from, if it is one.
    private func answer(_ request: HTTPRequest, state: APIState, routeIndex: inout Int,
                        representation: inout CachedRepresentation?) throws(APIError) -> HTTPResponse {
        if request.bodyLength > 0 { throw .bodyNotAllowed(length: request.bodyLength) }
        guard let (index, pathParameters) = router.route(for: request.path) else { throw .notFound(path: request.path) }
        routeIndex = index
        let route = router.routes[index]
        if request.method == .options {
            var headers: HTTPHeaders = [
                "Allow": Router.allowHeader,
                "Access-Control-Allow-Methods": Router.allowHeader,
                "Access-Control-Allow-Headers": "Accept, Accept-Encoding, If-None-Match, X-Request-Id",
                "Access-Control-Max-Age": "86400",
            ]
            for (name, value) in TimelineAPI.corsHeaders { headers.add(name, value) }
            return HTTPResponse(status: .noContent, headers: headers)
        }
        guard request.method.isGetOrHead else {
            throw .methodNotAllowed(method: request.method, allowed: Router.allowedMethods)
        }
        guard request.queryItems.count <= options.maximumParameterCount else {
            throw .invalidParameter(name: "query", reason: "at most \(options.maximumParameterCount) parameters are accepted")
        }
        let query = try QueryParameters(request.queryItems, allowed: route.parameters, repeatable: route.repeatable)
        if let text = query.single("q"), text.count > options.maximumQueryTextLength {
            throw .invalidParameter(name: "q", reason: "longer than \(options.maximumQueryTextLength) characters")
        }
        let format: ResponseFormat
        if route.formats.isEmpty {
            if query.single("format") != nil { throw .unknownParameter(name: "format", allowed: route.parameters + ["pretty"]) }
            format = .json
        } else {
            format = try ResponseFormat.negotiate(formatParameter: query.single("format"),
                                                  accept: request.headers.combinedValue(of: "Accept"),
                                                  offered: route.formats)
        }
        let pretty = try query.flag("pretty")

        let key = "\(index)|\(request.path)|\(query.canonical())|\(format.rawValue)|\(pretty ? 1 : 0)"
        let entry: CachedRepresentation
        if route.cacheable, let cached = state.cache.value(for: key) {
            entry = cached
        } else {
            let context = RouteContext(request: request, pathParameters: pathParameters, query: query,
                                       format: format, pretty: pretty, snapshot: state.snapshot, state: state, api: self)
            let representation = try route.handler(context)
            var headers = representation.headers
            headers.add("Content-Type", representation.contentType)
            headers.add("Cache-Control", route.cacheable ? "public, max-age=\(options.cacheMaxAge)" : "no-store")
            if !route.formats.isEmpty { headers.add("Vary", "Accept, Accept-Encoding") } else { headers.add("Vary", "Accept-Encoding") }
            for (name, value) in TimelineAPI.corsHeaders { headers.add(name, value) }
            entry = CachedRepresentation(status: representation.status, body: representation.body, headers: headers,
                                         datasetVersion: state.snapshot.version)
            if route.cacheable { state.cache.insert(entry, for: key) }
        }
        representation = entry

        let useGzip = entry.gzip != nil && ContentCoding.acceptsGzip(request.headers.combinedValue(of: "Accept-Encoding"))
        let tag = useGzip ? entry.gzipTag! : entry.plainTag
        if EntityTag.noneMatch(request.headers.combinedValue(of: "If-None-Match"), current: tag) {
            var headers = entry.notModifiedHeaders
            headers.add("ETag", tag)
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return .prepared(useGzip ? entry.gzip! : entry.plain)
    }

    /// Encodes the answers most clients ask for first, so that they are ready before the
    /// first request: the default pages of the hot collections and the OpenAPI document.
    /// They become the quick answers of `state`.
    private func warm(_ state: APIState) -> [QuickAnswer] {
        var quickAnswers: [QuickAnswer] = []
        for target in ["/v1/events", "/v1/actors", "/v1/places", "/v1/timeline", "/openapi.json", "/"] {
            guard let request = try? HTTPRequest(method: .get, target: target) else { continue }
            var routeIndex = router.routes.count
            var representation: CachedRepresentation?
            _ = try? answer(request, state: state, routeIndex: &routeIndex, representation: &representation)
            guard let representation else { continue }
            let route = router.routes[routeIndex]
            quickAnswers.append(QuickAnswer(target: target, routeIndex: routeIndex, representation: representation,
                                            negotiatedMediaType: route.formats.first?.mediaType))
        }
        return quickAnswers
    }
}
