import MicroHTTP
#if canImport(Glibc)
import Glibc
#endif

/// One JSON line per request, written with a single `write(2)` so that lines from
/// concurrent loop threads never interleave (POSIX makes pipe writes ≤ PIPE_BUF atomic,
/// and regular files opened with O_APPEND append whole writes).
public struct AccessLog: Sendable {
    private let fd: Int32

    /// Writes to an open descriptor, 2 (stderr) by default.
    public init(fileDescriptor: Int32 = 2) { fd = fileDescriptor }

    func record(request: HTTPRequest, status: Int, bytes: Int, seconds: Double, route: String, requestID: String?) {
        var json = JSONWriter(reservingCapacity: 256)
        json.beginObject()
        json.field("ts", Self.timestamp())
        json.field("id", requestID)
        json.field("client", request.clientAddress?.description)
        json.field("method", request.method.rawValue)
        json.field("target", request.target)
        json.field("route", route)
        json.field("status", status)
        json.field("bytes", bytes)
        json.field("ms", (seconds * 1_000_000).rounded() / 1000)
        json.field("ua", request.headers["User-Agent"])
        json.endObject()
        var line = json.bytes
        line.append(0x0A)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// RFC 3339 UTC with milliseconds.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)).\(pad(Int32(now.tv_nsec / 1_000_000), 3))Z"
    }
}
