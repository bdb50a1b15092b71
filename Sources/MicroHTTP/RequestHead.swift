/// A fully received request as the transport holds it, before an `HTTPRequest` is built:
/// the method, the raw target and a way to walk the header fields in place.
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
    }

    public let method: HTTPMethod
    /// The request target exactly as the client sent it: path, then `?query` if any.
    public let target: String
    /// Bytes of request body received.
    public let bodyLength: Int
    let fields: FieldSource

    init(method: HTTPMethod, target: String, bodyLength: Int, fields: FieldSource) {
        self.method = method
        self.target = target
        self.bodyLength = bodyLength
        self.fields = fields
    }

    public init(method: HTTPMethod, target: String, headers: HTTPHeaders = [:], bodyLength: Int = 0) {
        self.init(method: method, target: target, bodyLength: bodyLength, fields: .headers(headers))
    }

    /// Calls `body` with each header field's name and value bytes, in the order received,
    /// until it returns false. The buffers are only valid inside `body`.
    @inline(__always) // called on every request by the transport checks and the quick path: lets the closure inline
    public func forEachField(_ body: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Bool) {
        switch fields {
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
