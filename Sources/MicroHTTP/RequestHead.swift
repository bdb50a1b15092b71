#if canImport(Glibc)
import Glibc
#endif

/// A fully received request as the transport holds it, before an `HTTPRequest` is built:
/// the method, the raw target, and the fields most answers depend on, read in place.
///
/// Building an `HTTPRequest` decodes the target and copies every header into Strings. For
/// the few answers a server gives most often that is most of its work per request, so a
/// responder may first look at the head and answer from it (`HTTPResponder.quickResponse`).
/// A head is only valid during that call: its fields may point into the connection's memory.
public struct RequestHead {
    /// One header field as the transport parsed it, pointing into the connection's memory.
    struct RawField {
        var name: UnsafeRawBufferPointer
        var value: UnsafeRawBufferPointer
    }

    enum FieldSource {
        /// The connection's parsed fields, gathered in place by the transport (MHDBridge.swift).
        case raw(UnsafeBufferPointer<RawField>)
        /// Fields already copied into an `HTTPHeaders`, for tests and in-process callers.
        case headers(HTTPHeaders)

        /// Calls `body` with each field's name and value bytes, in the order received, until it
        /// returns false. The buffers are only valid inside `body`.
        @inline(__always) // called on every request by the field scan: lets the closure inline
        func forEach(_ body: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Bool) {
            switch self {
            case .raw(let fields):
                for field in fields where !body(field.name, field.value) { return }
            case .headers(let headers):
                for field in headers {
                    var name = field.name, value = field.value
                    let goOn = name.withUTF8 { nameBytes in
                        value.withUTF8 { valueBytes in body(UnsafeRawBufferPointer(nameBytes), UnsafeRawBufferPointer(valueBytes)) }
                    }
                    if !goOn { return }
                }
            }
        }
    }

    enum TargetSource {
        /// The target's bytes as the transport copied them when the request began.
        case raw(UnsafeRawBufferPointer)
        case string(String)
    }

    public let method: HTTPMethod
    /// Bytes of request body received.
    public let bodyLength: Int
    let targetSource: TargetSource
    let fields: FieldSource
    /// The one pass over the fields, made here: the transport's checks and `count(of:)` and
    /// `withFirstValue(of:_:)` read it.
    let scan: FieldScan

    init(method: HTTPMethod, target: TargetSource, bodyLength: Int, fields: FieldSource) {
        self.method = method
        self.targetSource = target
        self.bodyLength = bodyLength
        self.fields = fields
        scan = FieldScan(fields)
    }

    public init(method: HTTPMethod, target: String, headers: HTTPHeaders = [:], bodyLength: Int = 0) {
        self.init(method: method, target: .string(target), bodyLength: bodyLength, fields: .headers(headers))
    }

    /// The request target exactly as the client sent it: path, then `?query` if any (bytes
    /// that are not UTF-8 repaired, as `String(decoding:as:)` does). Made on each use: the
    /// quick path compares targets with `hasTarget(_:)` instead.
    public var target: String {
        switch targetSource {
        case .raw(let bytes): String(decoding: bytes, as: UTF8.self)
        case .string(let string): string
        }
    }

    /// Whether the target is exactly `utf8`, byte for byte, compared where the target lies.
    @inline(__always)
    public func hasTarget(_ utf8: UnsafeRawBufferPointer) -> Bool {
        switch targetSource {
        case .raw(let bytes):
            return bytes.count == utf8.count && (bytes.count == 0 || memcmp(bytes.baseAddress!, utf8.baseAddress!, bytes.count) == 0)
        case .string(let string):
            return RequestHead.string(string, equals: utf8)
        }
    }

    /// The tests' and in-process callers' case, kept out of line: the transport's never takes it.
    @inline(never)
    private static func string(_ string: String, equals utf8: UnsafeRawBufferPointer) -> Bool {
        var string = string
        return string.withUTF8 { $0.elementsEqual(utf8) }
    }

    /// Whether every field passed the scan's checks (token names, no CR, LF or NUL in values).
    /// The scan stops at the first that does not, so `count(of:)` and `withFirstValue(of:_:)`
    /// know nothing of the fields after it. The transport answers such a head with a 400 before
    /// any responder sees it; an in-process caller should check.
    public var fieldsAreWellFormed: Bool { scan.problem == nil }

    /// How many times the head has `field`.
    public func count(of field: CommonField) -> Int { Int(scan.location(of: field).count) }

    /// Calls `body` with the value of the first `field` of the head, nil when it has none. The
    /// buffer is only valid inside `body`.
    public func withFirstValue<Result>(of field: CommonField, _ body: (UnsafeRawBufferPointer?) -> Result) -> Result {
        let index = Int(scan.location(of: field).firstIndex)
        guard index >= 0 else { return body(nil) }
        switch fields {
        case .raw(let fields):
            return body(fields[index].value)
        case .headers(let headers):
            var value = Array(headers)[index].value
            return value.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The name of the field at `index` (in the order received), as text.
    func fieldName(at index: Int) -> String {
        var position = 0
        var found = ""
        fields.forEach { name, _ in
            if position == index { found = String(decoding: name, as: UTF8.self) }
            position += 1
            return position <= index
        }
        return found
    }
}

extension UnsafeRawBufferPointer {
    /// ASCII case-insensitive comparison with a lower-case literal, without making a String.
    public func equalsIgnoringASCIICase(_ lowercased: StaticString) -> Bool {
        guard count == lowercased.utf8CodeUnitCount else { return false }
        let other = lowercased.utf8Start
        for index in 0..<count {
            let byte = self[index]
            let folded = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if folded != other[index] { return false }
        }
        return true
    }
}
