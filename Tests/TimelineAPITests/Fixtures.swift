import Foundation
import MicroHTTP
import TimelineAPI
import TimelineStore

/// The repository's seeds folder, found from this file so tests run from any directory.
let seedsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds")
let openAPIURL = seedsURL.deletingLastPathComponent().appendingPathComponent("docs/openapi.json")

/// The seed snapshot, loaded once for all tests (it is immutable).
let seedSnapshot: TimelineSnapshot = {
    do { return try TimelineLoader.load(from: seedsURL) } catch { fatalError("seed data does not load: \(error)") }
}()

func makeAPI(options: APIOptions = APIOptions()) -> TimelineAPI {
    var options = options
    if options.openAPIDocument.isEmpty, let document = FileManager.default.contents(atPath: openAPIURL.path) {
        options.openAPIDocument = [UInt8](document)
    }
    return TimelineAPI(snapshot: seedSnapshot, options: options)
}

let sharedAPI = makeAPI()

/// One in-process request through the whole responder, exactly as the server would call it.
func get(_ target: String, headers: HTTPHeaders = [:], method: HTTPMethod = .get, api: TimelineAPI = sharedAPI) -> HTTPResponse {
    do {
        return api.respond(to: try HTTPRequest(method: method, target: target, headers: headers))
    } catch {
        fatalError("bad test target \(target): \(error)")
    }
}

extension HTTPResponse {
    var text: String { String(decoding: bodyBytes, as: UTF8.self) }

    /// The body parsed as JSON.
    var json: Any { (try? JSONSerialization.jsonObject(with: Data(bodyBytes), options: [.fragmentsAllowed])) ?? NSNull() }

    func header(_ name: String) -> String? { allHeaders[name] }
}

/// Reads `path` (e.g. "meta.total", "data.0.id") out of parsed JSON.
func value(_ json: Any, _ path: String) -> Any? {
    var current: Any? = json
    for part in path.split(separator: ".") {
        if let index = Int(part), let array = current as? [Any] {
            current = index < array.count ? array[index] : nil
        } else {
            current = (current as? [String: Any])?[String(part)]
        }
    }
    return current
}
