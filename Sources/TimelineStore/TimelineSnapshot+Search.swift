/// Free-text search over events, actors, places and article paragraphs, for `/v1/search`.
/// Cost: per kind, intersecting the terms' posting lists (smallest first), then
/// highlighting only the `limit` hits returned.
extension TimelineSnapshot {
    public func search(_ text: String, limit: Int = 20) throws(TimelineQueryError) -> SearchResults {
        guard limit >= 1 else { throw .invalidLimit(limit) }
        var folder = TextFolder()
        let terms = folder.terms(text)
        guard !terms.isEmpty else {
            return SearchResults(terms: [], events: [], eventTotal: 0, actors: [], actorTotal: 0, places: [],
                                 placeTotal: 0, paragraphs: [], paragraphTotal: 0)
        }
        let termSet = Set(terms)

        let eventPositions = SortedPositions.intersection(terms.map { eventsByTerm[$0] })
        let eventHits = eventPositions.prefix(limit).map { position in
            let event = events[Int(position)]
            var fields: [(TextMatch, Evidence?)] = event.evidence.map {
                (TimelineSnapshot.highlight($0.quote, .evidence, termSet, &folder), $0)
            }
            fields.append((TimelineSnapshot.highlight(event.title, .title, termSet, &folder), nil))
            if let summary = event.summary {
                fields.append((TimelineSnapshot.highlight(summary, .summary, termSet, &folder), nil))
            }
            let best = TimelineSnapshot.best(fields, termSet, &folder)
            return EventSearchHit(event: event, match: best.0, evidence: best.1)
        }

        let actorIndices = sortedByName(SortedPositions.intersection(terms.map { actorsByTerm[$0] }), actorsByName)
        let actorHits = actorIndices.prefix(limit).map { index in
            let actor = actors[Int(index)]
            var fields = [(TimelineSnapshot.highlight(actor.name, .name, termSet, &folder), Evidence?.none)]
            fields += actor.aliases.map { (TimelineSnapshot.highlight($0, .alias, termSet, &folder), nil) }
            if let description = actor.description {
                fields.append((TimelineSnapshot.highlight(description, .description, termSet, &folder), nil))
            }
            return ActorSearchHit(actor: actor, match: TimelineSnapshot.best(fields, termSet, &folder).0)
        }

        let placeIndices = sortedByName(SortedPositions.intersection(terms.map { placesByTerm[$0] }), placesByName)
        let placeHits = placeIndices.prefix(limit).map { index in
            let place = places[Int(index)]
            return PlaceSearchHit(place: place, match: TimelineSnapshot.highlight(place.name, .name, termSet, &folder))
        }

        let paragraphIndices = SortedPositions.intersection(terms.map { paragraphsByTerm[$0] })
        let paragraphHits: [ParagraphSearchHit] = paragraphIndices.prefix(limit).compactMap { index in
            let location = paragraphLocations[Int(index)]
            guard let article = articles[Int(location.sourceIndex)] else { return nil }
            let paragraph = article.paragraphs[Int(location.paragraphIndex)]
            return ParagraphSearchHit(sourceID: sources[Int(location.sourceIndex)].id, paragraph: paragraph,
                                      match: TimelineSnapshot.highlight(paragraph.text, .paragraph, termSet, &folder))
        }

        return SearchResults(terms: terms, events: eventHits, eventTotal: eventPositions.count, actors: actorHits,
                             actorTotal: actorIndices.count, places: placeHits, placeTotal: placeIndices.count,
                             paragraphs: paragraphHits, paragraphTotal: paragraphIndices.count)
    }

    private func sortedByName(_ indices: [Int32], _ order: ListingOrder) -> [Int32] {
        indices.sorted { order.rank[Int($0)] < order.rank[Int($1)] }
    }

    /// The ranges of every token of `text` that is one of `terms`.
    static func highlight(_ text: String, _ field: MatchedField, _ terms: Set<String>,
                          _ folder: inout TextFolder) -> TextMatch {
        var ranges: [Range<Int>] = []
        folder.forEachToken(in: text) { token, range in
            if terms.contains(token) { ranges.append(range) }
        }
        return TextMatch(field: field, text: text, ranges: ranges)
    }

    /// The field matching the most distinct terms; the first such (evidence before title).
    private static func best(_ fields: [(TextMatch, Evidence?)], _ terms: Set<String>,
                             _ folder: inout TextFolder) -> (TextMatch, Evidence?) {
        var best = fields[0]
        var bestCount = -1
        for field in fields {
            var matched: Set<String> = []
            folder.forEachToken(in: field.0.text) { token, _ in
                if terms.contains(token) { matched.insert(token) }
            }
            if matched.count > bestCount {
                best = field
                bestCount = matched.count
            }
        }
        return best
    }
}
