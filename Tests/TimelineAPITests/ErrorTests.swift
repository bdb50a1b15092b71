import MicroHTTP
import Testing
@testable import TimelineAPI

/// Every invalid input is a 400 problem naming the parameter and the reason; never a 500.
@Suite struct ErrorTests {
    static let badRequests: [(target: String, parameter: String, detail: String)] = [
        ("/v1/events?bogus=1", "bogus", "unknown parameter \"bogus\"; allowed: from, to, match, actor, place, type, q, sort, limit, cursor, fields, format, pretty"),
        ("/v1/events?from=2022-02-30", "from", "invalid from: \"2022-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): day out of range"),
        ("/v1/events?to=22-1", "to", "invalid to: \"22-1\" is not a date"),
        ("/v1/events?from=2022-03&to=2022-01", "from", "invalid from: from 2022-03 is after to 2022-01"),
        ("/v1/events?match=inside", "match", "invalid match: \"inside\" is not one of overlap, within"),
        ("/v1/events?sort=size", "sort", "invalid sort: \"size\" is not one of date, -date, article"),
        ("/v1/events?type=RIOT", "type", "invalid type: \"RIOT\" is not one of AGREE"),
        ("/v1/events?format=xml", "format", "invalid format: \"xml\" is not one of json, ndjson, csv, geojson, timelinejs"),
        ("/v1/events?limit=0", "limit", "invalid limit: \"0\" is not an integer in 1..500"),
        ("/v1/events?limit=501", "limit", "invalid limit: \"501\" is not an integer in 1..500"),
        ("/v1/events?limit=ten", "limit", "invalid limit: \"ten\" is not an integer in 1..500"),
        ("/v1/events?cursor=not-ours", "cursor", "invalid cursor:"),
        ("/v1/events?fields=id,colour", "fields", "invalid fields: unknown field \"colour\""),
        ("/v1/events?q=" + String(repeating: "a", count: 257), "q", "invalid q: longer than 256 characters"),
        ("/v1/events?limit=1&limit=2", "limit", "parameter \"limit\" takes one value but was given more than once"),
        ("/v1/events?actor=nobody", "actor", "invalid actor: unknown actor \"nobody\""),
        ("/v1/events?pretty=maybe", "pretty", "invalid pretty: \"maybe\" is not one of 1, true, 0, false"),
        ("/v1/search", "q", "invalid q: give the words to search for"),
        ("/v1/actors?kind=alien", "kind", "invalid kind: \"alien\" is not one of"),
        ("/v1/places?country=Kazakhstan", "country", "invalid country: \"Kazakhstan\" is not an ISO 3166-1 alpha-2 code"),
    ]

    @Test(arguments: badRequests.indices)
    func invalidInputIsA400NamingTheParameter(_ index: Int) {
        let (target, parameter, detail) = ErrorTests.badRequests[index]
        let response = get(target)
        #expect(response.status == .badRequest, "\(target)")
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(value(response.json, "parameter") as? String == parameter, "\(target)")
        #expect((value(response.json, "detail") as? String)?.hasPrefix(detail) == true,
                "\(target): \(value(response.json, "detail") ?? "none")")
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test func unknownParameterListsTheAllowedOnes() {
        let allowed = value(get("/v1/actors?colour=red").json, "allowed_parameters") as? [String]
        #expect(allowed == ["kind", "q", "sort", "limit", "cursor", "fields", "format", "pretty"])
    }

    @Test func aCursorFromAnotherQueryIsRefused() {
        let next = value(get("/v1/events?limit=2").json, "meta.next_cursor") as! String
        let response = get("/v1/events?limit=2&type=PROTEST&cursor=\(next)")
        #expect(response.status == .badRequest)
        #expect(value(response.json, "parameter") as? String == "cursor")
    }

    @Test func unknownIDsAre404WithSuggestions() {
        let response = get("/v1/events/massimov-arest")
        #expect(response.status == .notFound)
        #expect((value(response.json, "suggestions") as? [String])?.contains("massimov-arrest") == true)
        #expect((value(response.json, "detail") as? String)?.contains("did you mean \"massimov-arrest\"") == true)
        #expect(get("/v1/actors/tokayv").status == .notFound)
        #expect(get("/v1/places/almatyy").status == .notFound)
        #expect(get("/v1/sources/nope").status == .notFound)
        #expect(get("/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/paragraphs/999").status == .notFound)
        #expect(get("/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/paragraphs/x").status == .notFound)
    }

    @Test func unsatisfiableAcceptIs406ListingFormats() {
        let response = get("/v1/events", headers: ["Accept": "image/png"])
        #expect(response.status == .notAcceptable)
        #expect((value(response.json, "supported_formats") as? [String])?.first == "json (application/json)")
    }

    /// A sweep of hostile values over every route: nothing may produce a 5xx.
    @Test func noClientInputProducesA500() {
        let routes = ["/v1/events", "/v1/actors", "/v1/places", "/v1/timeline", "/v1/search", "/v1/events/x",
                      "/v1/actors/china/events", "/v1/places/almaty/events", "/v1/sources/x/paragraphs/0"]
        let values = ["", "%E2%80%8B", "..", "-1", "99999999999999999999", "2022-00", "0000", "9999-12-31", "..%2F..",
                      "null", "%F0%9F%98%80", "a,b,,c", "1e3", "2022-01/2022-02"]
        let names = ["from", "to", "match", "actor", "place", "type", "q", "sort", "limit", "cursor", "fields",
                     "format", "pretty", "kind", "country"]
        for route in routes {
            for name in names {
                for text in values {
                    let response = get("\(route)?\(name)=\(text)")
                    #expect(response.status.rawValue < 500, "\(route)?\(name)=\(text) gave \(response.status)")
                }
            }
        }
    }
}

/// Regressions found by schemathesis and the OpenAPI crawl.
@Suite struct ContractRegressionTests {
    @Test func aFieldListedTwiceIsWrittenOnce() {
        #expect(get("/v1/events/almaty-fighting?fields=id,id,title").text.components(separatedBy: "\"id\"").count == 2)
    }

    @Test func geoJSONFeaturesKeepTheirIDWhenFieldsCutIt() {
        #expect(value(get("/v1/places/almaty?format=geojson&fields=name").json, "id") as? String == "almaty")
        let features = value(get("/v1/places?format=geojson&fields=name").json, "features") as? [[String: Any]] ?? []
        #expect(!features.isEmpty && features.allSatisfy { $0["id"] is String })
    }

    @Test func countryMustBeTwoASCIILetters() {
        #expect(get("/v1/places?country=%C3%A9").status == .badRequest)
        #expect(get("/v1/places?country=kz").status == .ok)
    }
}
