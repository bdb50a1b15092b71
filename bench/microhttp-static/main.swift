// microhttp-static PORT BODY-FILE [THREADS]
//
// The MicroHTTP counterpart of bench/mhd-static.c: one fixed body, read once from BODY-FILE,
// answered to every request as one PreparedResponse (one libmicrohttpd response made once
// and reused; a body of 16 KiB or more sent from a file with sendfile, as mhd-static does;
// BENCH_COPY_BODY=1 sends it from memory whatever its size). The gap between this and mhd-static is the
// cost of MicroHTTP's Swift layer. See bench/README.md. Like mhd-static, it adds the
// "Name: value" lines of $BENCH_HEADERS_FILE, if set, to its response.

import MicroHTTP
#if canImport(Glibc)
import Glibc
#endif

func say(_ message: String, to fd: Int32 = 1) {
    let line = Array("microhttp-static: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    say(message, to: 2)
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 || arguments.count == 4,
      let port = UInt16(arguments[1]),
      let threads = arguments.count == 4 ? Int(arguments[3]) : 1, threads >= 1
else { fail("usage: microhttp-static PORT BODY-FILE [THREADS]") }

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fail("cannot open \(path): \(String(cString: strerror(errno)))") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n > 0 { bytes.append(contentsOf: chunk[..<n]) }
        if n < chunk.count { break }
    }
    return bytes
}

var headers: HTTPHeaders = ["Content-Type": "application/json"]
if let path = getenv("BENCH_HEADERS_FILE").map({ String(cString: $0) }) {
    for line in String(decoding: readFile(path), as: UTF8.self).split(whereSeparator: \.isNewline) {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
    }
}
// As timeline-server's hot answers: a body of 16 KiB or more is sent from a file (sendfile).
let inMemory = PreparedResponse(headers: headers, body: readFile(arguments[2]))
let body = getenv("BENCH_COPY_BODY") == nil ? inMemory.sendingBodyFromFile() : inMemory
let response = HTTPResponse.prepared(body)

// Block the stop signals before any loop thread exists, so every thread inherits the mask
// and the main thread alone takes them, synchronously, with sigwait.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGINT)
sigaddset(&stopSignals, SIGTERM)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
signal(SIGPIPE, SIG_IGN) // as timeline-server does

var configuration = HTTPServer.Configuration()
configuration.host = "127.0.0.1"
configuration.port = port
configuration.threadCount = threads
// For experiments only: unset, the server runs with MicroHTTP's default.
if let limit = getenv("BENCH_CONNECTION_MEMORY_LIMIT").flatMap({ Int(String(cString: $0)) }) {
    configuration.connectionMemoryLimit = limit
}
let server = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in response })
do {
    try server.start()
} catch {
    fail("\(error)")
}
say("listening on 127.0.0.1:\(server.port ?? 0), \(threads) thread(s), \(body.body.count)-byte body, "
    + "\(configuration.connectionMemoryLimit)-byte connection memory")

var received: Int32 = 0
sigwait(&stopSignals, &received)
server.stop(gracePeriod: .seconds(1))
