import MicroHTTP
import TimelineStore

/// A page of resources, ready to be written in whichever format was negotiated.
struct ListPage: Sendable {
    var items: [JSONNode]
    /// Geometry per item for GeoJSON: a `[lon, lat]` list per located place; empty when unlocated.
    var geometries: [[[Double]]] = []
    /// Events, for TimelineJS.
    var events: [TimelineEvent] = []
    var total: Int
    var limit: Int?
    var nextCursor: String?
    /// The normalised parameters, echoed in `meta.query`.
    var query: [(String, JSONNode)]
    var selfLink: String
    var nextLink: String?
    /// The default CSV columns, when `fields=` does not choose them.
    var columns: [String]
}

enum ListRendering {
    static func render(_ page: ListPage, format: ResponseFormat, fields: [String]?, pretty: Bool,
                       nodes: ResourceNodes) -> Representation {
        var headers: HTTPHeaders = [:]
        if let next = page.nextLink { headers.add("Link", "<\(next)>; rel=\"next\"") }
        let items = page.items.map { $0.selecting(fields) }
        switch format {
        case .json:
            let envelope = JSONNode.object([
                ("data", .array(items)),
                ("meta", .object([
                    ("total", .int(page.total)),
                    ("limit", page.limit.map(JSONNode.int) ?? .null),
                    ("next_cursor", .optional(page.nextCursor)),
                    ("query", .object(page.query)),
                ])),
                ("links", .object([("self", .string(page.selfLink)), ("next", .optional(page.nextLink))])),
            ])
            return .json(envelope, pretty: pretty, headers: headers)
        case .ndjson:
            var body: [UInt8] = []
            for item in items {
                var json = JSONWriter()
                item.write(to: &json)
                body.append(contentsOf: json.bytes)
                body.append(0x0A)
            }
            return Representation(contentType: format.mediaType, body: body, headers: headers)
        case .csv:
            let columns = fields ?? page.columns
            var text = columns.map(csvEscape).joined(separator: ",") + "\r\n"
            for item in page.items {
                text += columns.map { csvEscape(item[$0]?.csvCell ?? "") }.joined(separator: ",") + "\r\n"
            }
            return Representation(contentType: format.mediaType, body: Array(text.utf8), headers: headers)
        case .geojson:
            var features: [JSONNode] = []
            for (index, item) in items.enumerated() {
                let points = index < page.geometries.count ? page.geometries[index] : []
                guard !points.isEmpty else { continue }
                // The feature id comes from the whole record: `fields=` may have cut it from the properties.
                features.append(EventHandlers.geoFeature(item, id: page.items[index]["id"], geometry: points))
            }
            let collection = JSONNode.object([
                ("type", .string("FeatureCollection")),
                ("features", .array(features)),
                // A foreign member (RFC 7946 §6.1): how many matched, located or not.
                ("meta", .object([("total", .int(page.total)), ("located", .int(features.count)),
                                  ("next_cursor", .optional(page.nextCursor))])),
            ])
            var representation = Representation.json(collection, pretty: pretty, headers: headers)
            representation.contentType = format.mediaType
            return representation
        case .timelinejs:
            return .json(TimelineJS.document(page.events, nodes: nodes), pretty: pretty, headers: headers)
        }
    }

    /// RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes.
    static func csvEscape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
