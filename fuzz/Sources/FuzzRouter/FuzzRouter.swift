import CLibFuzzer
import Foundation
import MicroHTTP
import TimelineAPI
@testable import TimelineStore

// One request through the whole responder over the seed snapshot, as the server would make
// it. The input is lines: the method, the target, then `Name: value` header fields.

private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let api: TimelineAPI = {
    let snapshot: TimelineSnapshot
    do {
        snapshot = try TimelineLoader.load(from: repository.appendingPathComponent("seeds"))
    } catch {
        fatalError("seed data does not load: \(error)")
    }
    var options = APIOptions()
    options.openAPIDocument = [UInt8](FileManager.default.contents(atPath: repository.appendingPathComponent("docs/openapi.json").path) ?? Data())
    // Small, so that eviction runs too; a fuzzing run would otherwise only ever fill it.
    options.responseCacheBytes = 1 << 20
    return TimelineAPI(snapshot: snapshot, options: options)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRouter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    // Like MHDBridge's String(cString:) reads: no NUL inside, invalid UTF-8 repaired.
    let lines = UnsafeBufferPointer(start: data, count: size)
        .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    guard lines.count >= 2 else { return 0 }
    var headers = HTTPHeaders()
    for line in lines.dropFirst(2) {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
    }
    // A malformed escape is answered with 400 by the server before any responder runs.
    guard let request = try? HTTPRequest(method: HTTPMethod(rawValue: lines[0]), target: lines[1], headers: headers) else {
        return 0
    }
    let response = api.respond(to: request)

    let status = response.status.rawValue
    precondition((200..<500).contains(status), "\(status) for \(lines[0]) \(lines[1])")
    let all = response.allHeaders
    precondition(all["Access-Control-Allow-Origin"] == "*", "no CORS header for \(lines[1])")
    // Every JSON body we send (problem documents with the client's text in them included)
    // must parse; gzip and NDJSON bodies are not one JSON text.
    let contentType = all["Content-Type"] ?? ""
    let body = response.bodyBytes
    if all["Content-Encoding"] == nil, !body.isEmpty, contentType.contains("json"), !contentType.contains("ndjson") {
        do {
            _ = try JSONParser.parse(body)
        } catch {
            fatalError("\(status) \(contentType) body is not JSON (\(error)) for \(lines[1])")
        }
    }
    return 0
}

@_cdecl("FuzzRouter_main")
public func fuzzRouterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzRouter)
}
