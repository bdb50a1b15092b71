import Foundation
import MicroHTTP
import Testing
@testable import TimelineAPI
import TimelineStore

/// The quick path (`quickResponse(to:)`, answered from the request head) must give exactly
/// what the full path (`respond(to:)`) gives, and must step aside whenever it cannot.
@Suite struct QuickAnswerTests {
    static let hotTargets = ["/v1/events", "/v1/actors", "/v1/places", "/v1/timeline", "/openapi.json", "/"]

    /// Header sets clients really send; the quick path must answer every one of them.
    static let commonHeaders: [HTTPHeaders] = [
        [:],
        ["Host": "localhost:8080"],
        ["Host": "localhost", "User-Agent": "curl/7.88.1", "Accept": "*/*"],
        ["Accept": "application/json"],
        ["Accept-Encoding": "gzip"],
        ["Accept-Encoding": "gzip, deflate, br"],
        ["Accept-Encoding": "br"],
        ["Accept-Encoding": "*"],
        ["Accept-Encoding": ""],
        ["ACCEPT": "*/*", "accept-encoding": "GZIP"],
        ["Accept-Encoding": "gzip;q=0"],
        ["Accept-Encoding": "br;q=1, gzip;q=0.5"],
    ]

    /// Header sets whose answer depends on more than the quick path reads.
    static let fullPathHeaders: [HTTPHeaders] = [
        ["If-None-Match": "*"],
        ["X-Request-Id": "client-chosen-1"],
        ["Accept": "text/csv"],
        ["Accept": "application/json;q=0.5, text/csv"],
        HTTPHeaders([(name: "Accept-Encoding", value: "gzip"), (name: "accept-encoding", value: "br")]),
        HTTPHeaders([(name: "Accept", value: "*/*"), (name: "Accept", value: "text/csv")]),
    ]

    @Test(arguments: hotTargets)
    func quickAnswersEqualTheFullPath(target: String) throws {
        for method in [HTTPMethod.get, .head] {
            for headers in QuickAnswerTests.commonHeaders {
                let quick = try #require(sharedAPI.quickResponse(to: RequestHead(method: method, target: target, headers: headers)),
                                         "\(method) \(target) \(Array(headers))").response
                let full = get(target, headers: headers, method: method)
                #expect(quick.status == full.status)
                #expect(quick.bodyBytes == full.bodyBytes, "\(target) \(Array(headers))")
                #expect(withoutRequestID(quick.allHeaders) == withoutRequestID(full.allHeaders), "\(target) \(Array(headers))")
                #expect(quick.allHeaders["X-Request-Id"] != nil)
            }
        }
    }

    @Test func gzipIsChosenAsTheFullPathChoosesIt() throws {
        let gzip = try #require(sharedAPI.quickResponse(to: RequestHead(method: .get, target: "/v1/events",
                                                                         headers: ["Accept-Encoding": "gzip, deflate"]))).response
        #expect(gzip.allHeaders["Content-Encoding"] == "gzip")
        let plain = try #require(sharedAPI.quickResponse(to: RequestHead(method: .get, target: "/v1/events",
                                                                          headers: ["Accept-Encoding": "br"]))).response
        #expect(plain.allHeaders["Content-Encoding"] == nil)
    }

    @Test(arguments: fullPathHeaders)
    func headsItCannotDecideGoTheFullWay(headers: HTTPHeaders) {
        #expect(sharedAPI.quickResponse(to: RequestHead(method: .get, target: "/v1/events", headers: headers)) == nil)
    }

    @Test func onlyExactHotTargetsWithoutBodiesAreQuick() {
        for target in ["/v1/events?limit=5", "/v1/events/", "/v1/events?", "/V1/events", "/v1/events/kazakhstan-unrest", "/metrics", "/healthz"] {
            #expect(sharedAPI.quickResponse(to: RequestHead(method: .get, target: target)) == nil, "\(target)")
        }
        #expect(sharedAPI.quickResponse(to: RequestHead(method: .post, target: "/v1/events")) == nil)
        #expect(sharedAPI.quickResponse(to: RequestHead(method: .options, target: "/v1/events")) == nil)
        #expect(sharedAPI.quickResponse(to: RequestHead(method: .get, target: "/v1/events", bodyLength: 3)) == nil)
    }

    @Test func quickAnswersAreCountedInMetrics() throws {
        let api = makeAPI()
        for _ in 0..<3 { _ = api.quickResponse(to: RequestHead(method: .get, target: "/v1/events")) }
        let metrics = get("/metrics", api: api).text
        #expect(metrics.contains(#"timeline_http_requests_total{route="/v1/events",status="200"} 3"#), "\(metrics.prefix(600))")
    }

    @Test func generatedRequestIDsCanBeTurnedOff() throws {
        var options = APIOptions()
        options.generateRequestIDs = false
        let api = makeAPI(options: options)
        let quick = try #require(api.quickResponse(to: RequestHead(method: .get, target: "/v1/events")))
        #expect(quick.addedField == nil)
        #expect(quick.response.allHeaders["X-Request-Id"] == nil)
    }

    @Test func anAccessLogSendsEveryRequestTheFullWay() {
        var options = APIOptions()
        options.accessLog = AccessLog(fileDescriptor: -1)
        #expect(makeAPI(options: options).quickResponse(to: RequestHead(method: .get, target: "/v1/events")) == nil)
    }

    @Test func aReloadReplacesTheQuickAnswers() throws {
        let api = makeAPI()
        let before = try #require(api.quickResponse(to: RequestHead(method: .get, target: "/v1/events"))).response
        // The seed with one title changed: a different dataset version, a different body.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quick-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let timelineName = "china-in-post-kazakhstan-central-asia.timeline.json"
        for name in ["china-in-post-kazakhstan-central-asia.txt", timelineName] {
            try FileManager.default.copyItem(at: seedsURL.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let timelineURL = folder.appendingPathComponent(timelineName)
        let original = try String(contentsOf: timelineURL, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "Liquefied petroleum gas price rise", with: "Fuel price rise")
        #expect(changed != original)
        try changed.write(to: timelineURL, atomically: true, encoding: .utf8)
        api.replaceSnapshot(try TimelineLoader.load(from: folder))

        let after = try #require(api.quickResponse(to: RequestHead(method: .get, target: "/v1/events"))).response
        #expect(after.allHeaders["ETag"] != before.allHeaders["ETag"])
        #expect(String(decoding: after.bodyBytes, as: UTF8.self).contains("Fuel price rise"))
        #expect(after.bodyBytes == get("/v1/events", api: api).bodyBytes)
    }

    private func withoutRequestID(_ headers: HTTPHeaders) -> [String] {
        var headers = headers
        headers.remove("X-Request-Id")
        return headers.map { "\($0.name.lowercased()): \($0.value)" }
    }
}

@Suite struct ContentCodingTests {
    /// RFC 9110 §12.5.3, as both paths read it (one parser, over the header's bytes).
    @Test(arguments: [
        ("gzip", true), ("GZip", true), ("x-gzip", true), ("*", true), ("br", false), ("", false), (" ", false),
        (",", false), ("gzip, deflate, br", true), ("deflate,br,gzip", true), (" gzip ,br", true), ("identity", false),
        ("gzip;q=0", false), ("gzip;Q=0", false), ("gzip; q=0.000", false), ("br;q=1, gzip;q=0.5", true), ("gzipx", false),
        ("\tgzip\t", true), ("*;q=0", false), ("*;q=0, gzip", true), ("gzip;q=0, *", false), ("gzip;q=0, *;q=1", false),
        ("br, *;q=0.1", true), ("gzip;q=", true), ("gzip;q =0", true), ("gzip;q=abc", false), ("gzip;;q=0", false),
        (" ;gzip", false), (",,gzip,,", true), ("gzip;level=1", true), ("x-gzip;q=0.2", true),
    ])
    func decidesGzip(header: String, accepts: Bool) {
        #expect(ContentCoding.acceptsGzip(header) == accepts, "\(header.debugDescription)")
        var copy = header
        #expect(copy.withUTF8 { ContentCoding.acceptsGzip(bytes: UnsafeRawBufferPointer($0)) } == accepts)
    }
}
