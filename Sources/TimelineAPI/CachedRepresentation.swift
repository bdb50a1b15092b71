import MicroHTTP

/// One encoded answer, ready to send again: the plain and (for bodies over 1 KB) gzip
/// variants as prepared libmicrohttpd responses, each with its own strong ETag.
final class CachedRepresentation: Sendable {
    let plain: PreparedResponse
    let plainTag: String
    let gzip: PreparedResponse?
    let gzipTag: String?
    /// Headers a 304 must repeat (RFC 9110 §15.4.5): ETag is added per variant.
    let notModifiedHeaders: HTTPHeaders

    /// Bytes this entry holds, for the cache's budget.
    var cost: Int { plain.body.count + (gzip?.body.count ?? 0) + 512 }

    init(status: HTTPStatus, body: [UInt8], headers: HTTPHeaders, datasetVersion: String, compressAbove: Int = 1024) {
        plainTag = EntityTag.make(datasetVersion: datasetVersion, body: body, gzip: false)
        var plainHeaders = headers
        plainHeaders.add("ETag", plainTag)
        plain = PreparedResponse(status: status, headers: plainHeaders, body: body)
        var conditional: HTTPHeaders = [:]
        for field in headers where ["cache-control", "vary", "access-control-allow-origin",
                                    "access-control-expose-headers", "link"].contains(field.name.lowercased()) {
            conditional.add(field.name, field.value)
        }
        notModifiedHeaders = conditional
        if body.count > compressAbove {
            let compressed = Gzip.compress(body)
            let tag = EntityTag.make(datasetVersion: datasetVersion, body: body, gzip: true)
            var gzipHeaders = headers
            gzipHeaders.add("ETag", tag)
            gzipHeaders.add("Content-Encoding", "gzip")
            gzip = PreparedResponse(status: status, headers: gzipHeaders, body: compressed)
            gzipTag = tag
        } else {
            gzip = nil
            gzipTag = nil
        }
    }
}
