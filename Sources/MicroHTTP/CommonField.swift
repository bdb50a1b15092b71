/// Header fields that most answers depend on, located once per request by `FieldScan`, so
/// that a responder's quick path reads them without walking the fields again
/// (`RequestHead.count(of:)`, `RequestHead.withFirstValue(of:_:)`).
public enum CommonField: Int, CaseIterable, Sendable {
    case accept
    case acceptEncoding
    case ifNoneMatch
    case requestID
}
