import MicroHTTP

/// A server on an ephemeral loopback port; callers stop it in `defer`.
func makeServer(threads: Int = 2, connectionTimeout: UInt32 = 30,
                _ responder: some HTTPResponder) throws -> (server: HTTPServer, port: UInt16) {
    var configuration = HTTPServer.Configuration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.threadCount = threads
    configuration.connectionTimeout = connectionTimeout
    let server = HTTPServer(configuration: configuration, responder: responder)
    try server.start()
    return (server, server.port!)
}

/// Answers with what it received, as JSON, so tests can see the request the way a responder does.
let echoResponder = ClosureResponder { request in
    var json = JSONWriter()
    json.beginObject()
    json.field("method", request.method.rawValue)
    json.field("path", request.path)
    json.field("raw_query", request.rawQuery)
    json.key("query")
    json.beginArray()
    for item in request.queryItems {
        json.beginArray(); json.string(item.name); json.string(item.value); json.endArray()
    }
    json.endArray()
    json.field("x_test", request.headers["x-TEST"])
    json.field("client_is_loopback", request.clientAddress?.host == "127.0.0.1")
    json.endObject()
    return HTTPResponse(headers: ["Content-Type": "application/json"], bytes: json.bytes)
}
