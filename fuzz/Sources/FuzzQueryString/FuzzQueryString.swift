import CLibFuzzer
@testable import MicroHTTP
@testable import TimelineAPI

// The request target as the server sees it: MHDBridge reads it with String(cString:), so it
// stops at the first NUL and invalid UTF-8 arrives repaired.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryString(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let target = String(decoding: UnsafeBufferPointer(start: data, count: size).prefix { $0 != 0 }, as: UTF8.self)
    guard let request = try? HTTPRequest(method: .get, target: target) else { return 0 }

    // The decoder refuses %00, so no decoded name, value or path may hold a NUL.
    let decoded = [request.path] + request.queryItems.flatMap { [$0.name, $0.value] }
    precondition(!decoded.contains { $0.utf8.contains(0) }, "NUL survived decoding of \(target)")
    // The target is split on bytes, as HTTP defines it: `?`, `#`, `&` and `=` are ASCII, so a
    // combining mark after one (one Character with it) must not hide it.
    let bytes = Array(target.utf8)
    let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
    let queryBytes = bytes[..<end].firstIndex(of: UInt8(ascii: "?")).map { bytes[($0 + 1)..<end] } ?? []
    precondition(Array(request.rawQuery.utf8) == Array(queryBytes), "raw query is not the bytes after ? in \(target)")
    let expected = queryBytes.split(separator: UInt8(ascii: "&")).map { segment in
        let equals = segment.firstIndex(of: UInt8(ascii: "=")) ?? segment.endIndex
        let value = equals == segment.endIndex ? [] : segment[(equals + 1)...]
        return QueryItem(name: try! PercentDecoding.decode(String(decoding: segment[..<equals], as: UTF8.self), plusIsSpace: true),
                         value: try! PercentDecoding.decode(String(decoding: value, as: UTF8.self), plusIsSpace: true))
    }
    precondition(request.queryItems == expected, "items \(request.queryItems) are not the byte-split \(expected) of \(target)")

    // Escaping is what links and cache keys are built with: re-parsing the canonical query
    // must give back exactly the items, sorted, whatever they contain.
    let everything = (try? QueryParameters(request.queryItems, allowed: request.queryItems.map(\.name),
                                           repeatable: Set(request.queryItems.map(\.name))))!
    let canonical = everything.canonical(excluding: [])
    let reparsed = try! HTTPRequest(method: .get, target: "/?" + canonical)
    let sorted = request.queryItems.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
    precondition(reparsed.queryItems == sorted, "canonical query \(canonical) does not round-trip \(target)")

    // The checks a route applies: unknown or repeated names refused, typed readers in range.
    let allowed = ["from", "to", "match", "actor", "place", "type", "q", "sort", "limit", "cursor", "fields"]
    guard let query = try? QueryParameters(request.queryItems, allowed: allowed, repeatable: ["actor", "type"]) else {
        return 0
    }
    for name in allowed + QueryParameters.common {
        let given = request.queryValues(name)
        precondition(query.values(name) == given)
        precondition(query.list(name).count >= given.count)
        precondition(given.count <= 1 || name == "actor" || name == "type", "\(name) repeated yet accepted")
        precondition(query.single(name) == given.first)
    }
    if let limit = try? query.integer("limit", in: 1...500) { precondition((1...500).contains(limit)) }
    _ = try? query.flag("pretty")
    _ = try? query.cases("match", of: DateMatchName.self)
    return 0
}

/// An enumeration for `QueryParameters.cases`, shaped like the route ones.
enum DateMatchName: String, CaseIterable {
    case overlap, within
}

@_cdecl("FuzzQueryString_main")
public func fuzzQueryStringMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzQueryString)
}
