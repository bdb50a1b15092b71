import MicroHTTP
import Testing
@testable import TimelineAPI

@Suite struct RoutingTests {
    @Test func indexLinksEveryCollection() {
        let response = get("/")
        #expect(response.status == .ok)
        #expect(value(response.json, "name") as? String == "timeline-server")
        #expect(value(response.json, "links.events") as? String == "/v1/events")
        #expect(value(response.json, "dataset.events") as? Int == seedSnapshot.events.count)
    }

    @Test func healthIsHealthJSON() {
        let response = get("/healthz")
        #expect(response.status == .ok)
        #expect(response.header("Content-Type") == "application/health+json")
        #expect(value(response.json, "status") as? String == "pass")
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test func unknownPathIsProblem404() {
        let response = get("/v2/nothing")
        #expect(response.status == .notFound)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(value(response.json, "status") as? Int == 404)
        #expect(value(response.json, "instance") as? String == "/v2/nothing")
        #expect(value(response.json, "title") as? String == "Not Found")
    }

    @Test(arguments: [HTTPMethod.delete, .post, .put, .patch])
    func otherMethodsGet405WithAllow(_ method: HTTPMethod) {
        let response = get("/v1/events", method: method)
        #expect(response.status == .methodNotAllowed)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test func optionsIsPreflight() {
        let response = get("/v1/events", method: .options)
        #expect(response.status == .noContent)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
        #expect(response.bodyBytes.isEmpty)
    }

    @Test func headAnswersLikeGet() {
        let head = get("/v1/events", method: .head)
        let body = get("/v1/events")
        #expect(head.status == .ok)
        #expect(head.header("ETag") == body.header("ETag"))
        // The transport drops HEAD bodies; the responder gives it the same representation.
        #expect(head.bodyBytes == body.bodyBytes)
    }

    @Test func trailingSlashNamesTheSameResource() {
        #expect(get("/v1/events/").status == .ok)
        #expect(get("//v1/events").status == .notFound)
    }

    @Test func everyResponseAllowsAnyOrigin() {
        for target in ["/", "/v1/events", "/nope", "/v1/events?bogus=1"] {
            #expect(get(target).header("Access-Control-Allow-Origin") == "*", "\(target)")
            #expect(get(target).header("Access-Control-Expose-Headers")?.contains("ETag") == true)
        }
    }

    @Test func requestBodiesAreRefused() throws {
        let response = sharedAPI.respond(to: try HTTPRequest(method: .get, target: "/v1/events", bodyLength: 10))
        #expect(response.status == .contentTooLarge)
    }
}
