/// Event queries: resolve, match, page.
///
/// Cost: O(log n) to resolve each actor/place and term, then O(d · log n) where d is the
/// size of the most selective filter (the smallest posting list, or the date candidates),
/// each driver element checked against the other filters by binary search; with no
/// filter at all a page is a slice, O(log n + limit). `.article` sort adds O(m log m) for
/// the m matches.
extension TimelineSnapshot {
    public func events(matching query: EventQuery) throws(TimelineQueryError) -> Page<TimelineEvent> {
        guard query.limit >= 1 else { throw .invalidLimit(query.limit) }
        let filter = try resolve(query)
        let cursorKey = try query.cursor.map { text throws(TimelineQueryError) in
            try QueryCursor.decode(text, expecting: filter.fingerprint, keyCount: 5).key
        }
        let after = try cursorKey.map { key throws(TimelineQueryError) in try TimelineSnapshot.chronologicalKey(key) }
        return page(matchingPositions(filter), sort: filter.sort, after: after, limit: query.limit,
                    fingerprint: filter.fingerprint)
    }

    /// All events an actor (id, name or alias) takes part in, chronologically.
    public func events(ofActor actor: String) throws(TimelineQueryError) -> [TimelineEvent] {
        let index = try resolveActor(actor)
        return eventsByActor[Int(index)].map { events[Int($0)] }
    }

    /// All events at a place (id or name), chronologically.
    public func events(atPlace place: String) throws(TimelineQueryError) -> [TimelineEvent] {
        let index = try resolvePlace(place)
        return eventsByPlace[Int(index)].map { events[Int($0)] }
    }

    func resolve(_ query: EventQuery) throws(TimelineQueryError) -> EventFilter {
        var actorIndices: [Int32] = []
        for actor in query.actors { actorIndices.append(try resolveActor(actor)) }
        actorIndices = Array(Set(actorIndices)).sorted()
        var placeIndices: [Int32] = []
        for place in query.places { placeIndices.append(try resolvePlace(place)) }
        placeIndices = Array(Set(placeIndices)).sorted()
        let typeCodes = Set(query.types.map(\.code)).sorted()
        var folder = TextFolder()
        let terms = folder.terms(query.text ?? "")

        var dayRange: DayRange?
        if query.from != nil || query.to != nil {
            if let from = query.from, let to = query.to, from.first > to.last {
                throw .emptyDateRange(from: from.text, to: to.text)
            }
            dayRange = DayRange(from: query.from?.first.daysSinceEpoch ?? Int32.min,
                                to: query.to?.last.daysSinceEpoch ?? Int32.max, match: query.match)
        }
        return EventFilter(
            actorIndices: actorIndices, actorIDs: actorIndices.map { actors[Int($0)].id },
            placeIndices: placeIndices, placeIDs: placeIndices.map { places[Int($0)].id },
            typeCodes: typeCodes, terms: terms, dayRange: dayRange, sort: query.sort)
    }

    /// The matching positions, ascending; nil when nothing filters (every event matches).
    /// A slice, so that a single posting list is answered without copying it.
    func matchingPositions(_ filter: EventFilter) -> ArraySlice<Int32>? {
        var lists: [ArraySlice<Int32>] = []
        for index in filter.actorIndices { lists.append(eventsByActor[Int(index)][...]) }
        for index in filter.placeIndices { lists.append(eventsByPlace[Int(index)][...]) }
        for term in filter.terms { lists.append(eventsByTerm[term]) }
        if filter.typeCodes.count == 1 { lists.append(eventsByType[Int(filter.typeCodes[0])][...]) }
        // Several types are a union: a predicate unless the union is the smallest driver.
        let typeMask: UInt32? = filter.typeCodes.count > 1
            ? filter.typeCodes.reduce(UInt32(0)) { $0 | (1 << UInt32($1)) } : nil
        if lists.isEmpty && typeMask == nil && filter.dayRange == nil { return nil }

        lists.sort { $0.count < $1.count }
        let listSize = lists.first?.count ?? Int.max
        let typeSize = typeMask == nil ? Int.max : filter.typeCodes.reduce(0) { $0 + eventsByType[Int($1)].count }
        let dateSize = filter.dayRange.map { dateIndex.candidateCount($0) } ?? Int.max

        let driver: ArraySlice<Int32>
        var checkedLists = lists[...]
        var checkTypes = typeMask != nil
        var checkDates = filter.dayRange != nil
        if dateSize <= listSize && dateSize <= typeSize, let dayRange = filter.dayRange {
            driver = dateIndex.positions(dayRange)[...]
            checkDates = false
        } else if typeSize < listSize {
            driver = SortedPositions.union(filter.typeCodes.map { eventsByType[Int($0)][...] })[...]
            checkTypes = false
        } else {
            driver = lists[0]
            checkedLists = lists.dropFirst()
        }
        if checkedLists.isEmpty && !checkTypes && !checkDates { return driver }
        return driver.filter { position in
            if checkTypes, let typeMask, typeMask & (1 << UInt32(typeCodes[Int(position)])) == 0 { return false }
            if checkDates, let dayRange = filter.dayRange, !dateIndex.matches(position, dayRange) { return false }
            return checkedLists.allSatisfy { SortedPositions.contains($0, position) }
        }[...]
    }

    /// One page after the cursor's key. `matches` nil stands for every event.
    private func page(_ matches: ArraySlice<Int32>?, sort: EventSort, after: ChronologicalKey?, limit: Int,
                      fingerprint: String) -> Page<TimelineEvent> {
        let total = matches?.count ?? events.count
        var positions: [Int32]
        var hasMore: Bool
        switch sort {
        case .chronological:
            // Events at or before the cursor's key occupy positions 0..<boundary.
            let boundary = after.map { key in countEvents { events.chronologicalKey(at: $0) <= key } } ?? 0
            if let matches {
                let start = SortedPositions.lowerBound(matches, Int32(boundary))
                let end = min(matches.endIndex, start + limit)
                positions = Array(matches[start..<end])
                hasMore = end < matches.endIndex
            } else {
                let end = min(events.count, boundary + limit)
                positions = (boundary..<end).map(Int32.init)
                hasMore = end < events.count
            }
        case .reverseChronological:
            // Events strictly before the cursor's key occupy positions 0..<boundary.
            let boundary = after.map { key in countEvents { events.chronologicalKey(at: $0) < key } } ?? events.count
            if let matches {
                let end = SortedPositions.lowerBound(matches, Int32(boundary))
                let start = max(matches.startIndex, end - limit)
                positions = matches[start..<end].reversed()
                hasMore = start > matches.startIndex
            } else {
                let start = max(0, boundary - limit)
                positions = (start..<boundary).reversed().map(Int32.init)
                hasMore = start > 0
            }
        case .article:
            let boundary = after.map { key in
                articleOrder.boundary { events.articleKey(at: $0) <= ArticleKey(sourceID: key.sourceID, articleOrder: key.articleOrder, id: key.id) }
            } ?? 0
            if let matches {
                let ranks = matches.map { articleOrder.rank[Int($0)] }.sorted()
                let start = SortedPositions.lowerBound(ranks, Int32(boundary))
                let end = min(ranks.count, start + limit)
                positions = ranks[start..<end].map { articleOrder.order[Int($0)] }
                hasMore = end < ranks.count
            } else {
                let end = min(events.count, boundary + limit)
                positions = Array(articleOrder.order[boundary..<end])
                hasMore = end < events.count
            }
        }
        let items = positions.map { events[Int($0)] }
        let nextCursor = hasMore ? items.last.map { TimelineSnapshot.cursor(after: $0, fingerprint: fingerprint) } : nil
        return Page(items: items, total: total, nextCursor: nextCursor)
    }

    /// How many events (a prefix of the chronological array) satisfy `isInPrefix`.
    private func countEvents(_ isInPrefix: (Int) -> Bool) -> Int {
        var low = 0
        var high = events.count
        while low < high {
            let middle = (low + high) >> 1
            if isInPrefix(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Every sort's cursor carries the full chronological key; the article sort uses its
    /// last three fields.
    private static func cursor(after event: TimelineEvent, fingerprint: String) -> String {
        let key = ChronologicalKey(event)
        return QueryCursor(fingerprint: fingerprint, key: [
            String(key.lower), String(key.precision), key.sourceID, String(key.articleOrder), key.id,
        ]).encoded()
    }

    private static func chronologicalKey(_ fields: [String]) throws(TimelineQueryError) -> ChronologicalKey {
        guard fields.count == 5, let lower = Int32(fields[0]), let precision = Int(fields[1]),
              let articleOrder = Int(fields[3]) else {
            throw .invalidCursor(reason: "cursor is not a timeline cursor")
        }
        return ChronologicalKey(lower: lower, precision: precision, sourceID: fields[2], articleOrder: articleOrder,
                                id: fields[4])
    }
}
