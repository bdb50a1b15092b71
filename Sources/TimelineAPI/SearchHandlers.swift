import TimelineStore

/// `/v1/search?q=`: events, actors, places and article paragraphs that contain every term,
/// each with a snippet that marks the terms and, where the match is in the article's own
/// words, the matched span's offsets in the article.
enum SearchHandlers {
    /// Unicode scalars of context kept on each side of the first match.
    static let snippetContext = 60

    @Sendable static func search(_ context: RouteContext) throws(APIError) -> Representation {
        guard let text = context.query.single("q"), !text.trimmingSpaces.isEmpty else {
            throw .invalidParameter(name: "q", reason: "give the words to search for, e.g. q=massimov")
        }
        let limit = try context.query.integer("limit", in: 1...100) ?? 20
        let results: SearchResults
        do { results = try context.snapshot.search(text, limit: limit) } catch { throw APIError(error) }
        let nodes = context.nodes

        let events: [JSONNode] = results.events.map { hit in
            var members: [(String, JSONNode)] = [
                ("id", .string(hit.event.id)), ("title", .string(hit.event.title)),
                ("type", .string(hit.event.type.rawValue)), ("date", .string(hit.event.date.text)),
                ("match", match(hit.match, base: hit.evidence?.start)),
            ]
            members.append(("evidence", hit.evidence.map(nodes.evidence) ?? .null))
            members.append(("links", .object([("self", .string("/v1/events/\(hit.event.id)"))])))
            return .object(members)
        }
        let actors: [JSONNode] = results.actors.map { hit in
            .object([("id", .string(hit.actor.id)), ("name", .string(hit.actor.name)), ("kind", .string(hit.actor.kind.rawValue)),
                     ("match", match(hit.match, base: nil)),
                     ("links", .object([("self", .string("/v1/actors/\(hit.actor.id)"))]))])
        }
        let places: [JSONNode] = results.places.map { hit in
            .object([("id", .string(hit.place.id)), ("name", .string(hit.place.name)), ("kind", .string(hit.place.kind.rawValue)),
                     ("match", match(hit.match, base: nil)),
                     ("links", .object([("self", .string("/v1/places/\(hit.place.id)"))]))])
        }
        let paragraphs: [JSONNode] = results.paragraphs.map { hit in
            .object([("source", .string(hit.sourceID)), ("number", .int(hit.paragraph.number)),
                     ("match", match(hit.match, base: hit.paragraph.start)),
                     ("links", .object([("self", .string("/v1/sources/\(hit.sourceID)/paragraphs/\(hit.paragraph.number)"))]))])
        }
        return .json(.object([
            ("data", .object([("events", .array(events)), ("actors", .array(actors)), ("places", .array(places)),
                              ("paragraphs", .array(paragraphs))])),
            ("meta", .object([
                ("q", .string(text)), ("terms", .strings(results.terms)), ("limit", .int(limit)),
                ("totals", .object([("events", .int(results.eventTotal)), ("actors", .int(results.actorTotal)),
                                    ("places", .int(results.placeTotal)), ("paragraphs", .int(results.paragraphTotal))])),
            ])),
            ("links", .object([("self", .string(context.selfLink))])),
        ]), pretty: context.pretty)
    }

    /// The matched field, a snippet with `<mark>`ed terms, the terms' ranges within the snippet,
    /// and, when `base` (the field's offset in the article) is known, the first match's span
    /// in the article.
    static func match(_ match: TextMatch, base: Int?) -> JSONNode {
        let scalars = Array(match.text.unicodeScalars)
        let first = match.ranges.first ?? 0..<0
        let start = max(0, first.lowerBound - snippetContext)
        let last = match.ranges.last { $0.upperBound <= first.lowerBound + 2 * snippetContext } ?? first
        let end = min(scalars.count, last.upperBound + snippetContext)
        var snippet = start > 0 ? "…" : ""
        var marked = snippet
        var highlights: [JSONNode] = []
        var cursor = start
        for range in match.ranges where range.lowerBound >= start && range.upperBound <= end {
            let before = String(String.UnicodeScalarView(scalars[cursor..<range.lowerBound]))
            let term = String(String.UnicodeScalarView(scalars[range]))
            snippet += before
            marked += before
            let offset = snippet.unicodeScalars.count
            snippet += term
            marked += "<mark>\(term)</mark>"
            highlights.append(.array([.int(offset), .int(offset + range.count)]))
            cursor = range.upperBound
        }
        let tail = String(String.UnicodeScalarView(scalars[cursor..<end])) + (end < scalars.count ? "…" : "")
        snippet += tail
        marked += tail
        var members: [(String, JSONNode)] = [
            ("field", .string(match.field.rawValue)),
            ("snippet", .string(marked)),
            ("text", .string(snippet)),
            ("highlights", .array(highlights)),
        ]
        if let base, !match.ranges.isEmpty {
            members.append(("article_span", .object([("start", .int(base + first.lowerBound)),
                                                     ("end", .int(base + first.upperBound))])))
        }
        return .object(members)
    }
}
