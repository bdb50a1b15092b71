/// Actor and place lists. Unfiltered, a page is a slice of a precomputed order:
/// O(log n + limit). Filtered by terms, kind or country: O(m log m) for the m matches
/// (terms narrow through posting lists first).
extension TimelineSnapshot {
    public func actors(matching query: ActorQuery) throws(TimelineQueryError) -> Page<ActorListing> {
        guard query.limit >= 1 else { throw .invalidLimit(query.limit) }
        var folder = TextFolder()
        let terms = folder.terms(query.text ?? "")
        let kinds = Set(query.kinds)
        let fingerprint = TimelineSnapshot.listingFingerprint(
            "actors", [kinds.map(\.rawValue).sorted().joined(separator: ","), terms.joined(separator: " "),
                       query.sort.rawValue])
        var candidates: [Int32]?
        if !terms.isEmpty {
            candidates = SortedPositions.intersection(terms.map { actorsByTerm[$0] })
        }
        if !kinds.isEmpty {
            candidates = (candidates ?? Array(0..<Int32(actors.count))).filter { kinds.contains(actors[Int($0)].kind) }
        }
        let order = query.sort == .name ? actorsByName : actorsByEventCount
        let boundary = try listingBoundary(query.cursor, fingerprint: fingerprint, order: order, sort: query.sort,
                                           foldedNames: actorFoldedNames, ids: { actors[$0].id },
                                           counts: { eventsByActor[$0].count })
        let (indices, total, hasMore) = TimelineSnapshot.listingPage(candidates, order: order, boundary: boundary,
                                                                     limit: query.limit)
        let items = indices.map { ActorListing(actor: actors[$0], eventCount: eventsByActor[$0].count) }
        let nextCursor = hasMore ? indices.last.map {
            TimelineSnapshot.listingCursor(fingerprint: fingerprint, sort: query.sort, foldedName: actorFoldedNames[$0],
                                           count: eventsByActor[$0].count, id: actors[$0].id)
        } : nil
        return Page(items: items, total: total, nextCursor: nextCursor)
    }

    public func places(matching query: PlaceQuery) throws(TimelineQueryError) -> Page<PlaceListing> {
        guard query.limit >= 1 else { throw .invalidLimit(query.limit) }
        var folder = TextFolder()
        let terms = folder.terms(query.text ?? "")
        let kinds = Set(query.kinds)
        let country = query.country?.uppercased()
        let fingerprint = TimelineSnapshot.listingFingerprint(
            "places", [kinds.map(\.rawValue).sorted().joined(separator: ","), country ?? "",
                       terms.joined(separator: " "), query.sort.rawValue])
        var candidates: [Int32]?
        if !terms.isEmpty {
            candidates = SortedPositions.intersection(terms.map { placesByTerm[$0] })
        }
        if !kinds.isEmpty || country != nil {
            candidates = (candidates ?? Array(0..<Int32(places.count))).filter {
                let place = places[Int($0)]
                return (kinds.isEmpty || kinds.contains(place.kind)) && (country == nil || place.country == country)
            }
        }
        let order = query.sort == .name ? placesByName : placesByEventCount
        let boundary = try listingBoundary(query.cursor, fingerprint: fingerprint, order: order, sort: query.sort,
                                           foldedNames: placeFoldedNames, ids: { places[$0].id },
                                           counts: { eventsByPlace[$0].count })
        let (indices, total, hasMore) = TimelineSnapshot.listingPage(candidates, order: order, boundary: boundary,
                                                                     limit: query.limit)
        let items = indices.map { PlaceListing(place: places[$0], eventCount: eventsByPlace[$0].count) }
        let nextCursor = hasMore ? indices.last.map {
            TimelineSnapshot.listingCursor(fingerprint: fingerprint, sort: query.sort, foldedName: placeFoldedNames[$0],
                                           count: eventsByPlace[$0].count, id: places[$0].id)
        } : nil
        return Page(items: items, total: total, nextCursor: nextCursor)
    }

    private static func listingFingerprint(_ kind: String, _ parts: [String]) -> String {
        var hash = FNV1a64()
        hash.combine(kind)
        for part in parts { hash.combine(part) }
        return hash.hex
    }

    /// The cursor's key is (folded name, id) or (event count, id).
    private static func listingCursor(fingerprint: String, sort: ListingSort, foldedName: String, count: Int,
                                      id: String) -> String {
        QueryCursor(fingerprint: fingerprint, key: [sort == .name ? foldedName : String(count), id]).encoded()
    }

    /// How many records of `order` come at or before the cursor's key (0 without a cursor).
    private func listingBoundary(_ cursor: String?, fingerprint: String, order: ListingOrder, sort: ListingSort,
                                 foldedNames: [String], ids: (Int) -> String,
                                 counts: (Int) -> Int) throws(TimelineQueryError) -> Int {
        guard let cursor else { return 0 }
        let key = try QueryCursor.decode(cursor, expecting: fingerprint, keyCount: 2).key
        let (primary, id) = (key[0], key[1])
        switch sort {
        case .name:
            return order.boundary { index in
                foldedNames[index] != primary ? foldedNames[index] < primary : ids(index) <= id
            }
        case .eventCount:
            guard let count = Int(primary) else { throw .invalidCursor(reason: "cursor is not a timeline cursor") }
            return order.boundary { index in
                counts(index) != count ? counts(index) > count : ids(index) <= id
            }
        }
    }

    /// The page after `boundary` in `order`, of `candidates` (nil: every record).
    private static func listingPage(_ candidates: [Int32]?, order: ListingOrder, boundary: Int,
                                    limit: Int) -> (indices: [Int], total: Int, hasMore: Bool) {
        guard let candidates else {
            let end = min(order.order.count, boundary + limit)
            return (order.order[boundary..<end].map { Int($0) }, order.order.count, end < order.order.count)
        }
        let ranks = candidates.map { order.rank[Int($0)] }.sorted()
        let start = SortedPositions.lowerBound(ranks, Int32(boundary))
        let end = min(ranks.count, start + limit)
        return (ranks[start..<end].map { Int(order.order[Int($0)]) }, ranks.count, end < ranks.count)
    }
}
