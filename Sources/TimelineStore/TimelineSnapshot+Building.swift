/// Helpers for building the indexes.
extension TimelineSnapshot {
    /// Indexes of `events` in `ChronologicalKey` order. The day, precision and source rank are
    /// packed into one integer, so strings are compared only between events of the same source
    /// starting the same day, with the same precision and article order (that is, never, for
    /// valid data). Only the order is made: the events themselves are packed once, in it.
    static func chronologicalOrder(_ events: [TimelineEvent], sourceRanks: [Int32]) -> [Int32] {
        var keys: [(packed: UInt64, articleOrder: Int, index: Int32)] = []
        keys.reserveCapacity(events.count)
        // Indexing into `events` (not `for event in events`) reads fields in place instead of
        // copying, and retaining, every event; it matters at a million events.
        for index in events.indices {
            let date = events[index].date
            // Flipping the sign bit maps Int32 order onto UInt32 order.
            let day = UInt64(UInt32(bitPattern: date.earliest?.daysSinceEpoch ?? Int32.min) ^ 0x8000_0000)
            let packed = day << 32 | UInt64(date.precision.rawValue) << 28 | UInt64(sourceRanks[index])
            keys.append((packed, events[index].articleOrder, Int32(index)))
        }
        keys.sort { left, right in
            if left.packed != right.packed { return left.packed < right.packed }
            if left.articleOrder != right.articleOrder { return left.articleOrder < right.articleOrder }
            return events[Int(left.index)].id < events[Int(right.index)].id
        }
        return keys.map(\.index)
    }

    /// Event positions in `ArticleKey` order (source id, article order, id).
    static func articleOrder(_ events: EventTable) -> ListingOrder {
        var keys: [(packed: UInt64, index: Int32)] = []
        keys.reserveCapacity(events.count)
        for index in events.indices {
            let order = UInt64(clamping: max(0, min(events.articleOrder(at: index), Int(UInt32.max))))
            keys.append((UInt64(UInt32(bitPattern: events.sourceRank(at: index))) << 32 | order, Int32(index)))
        }
        keys.sort { left, right in
            left.packed != right.packed
                ? left.packed < right.packed : events.id(at: Int(left.index)) < events.id(at: Int(right.index))
        }
        return ListingOrder(order: keys.map(\.index))
    }

    /// Each event's source rank (the place of its source id among all, sorted) and the
    /// distinct source ids, sorted.
    static func sourceRanks(of events: [TimelineEvent]) -> (ranks: [Int32], sortedIDs: [String]) {
        var firstSeen: [String: Int32] = [:]
        var ids: [String] = []
        var seenIndex: [Int32] = []
        seenIndex.reserveCapacity(events.count)
        var previousSourceID = ""
        var previousIndex: Int32 = -1
        for position in events.indices {
            // Events of one source usually come together: skip the hashing then.
            if previousIndex >= 0 && events[position].sourceID == previousSourceID {
                seenIndex.append(previousIndex)
                continue
            }
            let sourceID = events[position].sourceID
            let index = firstSeen[sourceID] ?? {
                firstSeen[sourceID] = Int32(ids.count)
                ids.append(sourceID)
                return Int32(ids.count - 1)
            }()
            seenIndex.append(index)
            previousSourceID = sourceID
            previousIndex = index
        }
        let sortedSeen = ids.indices.sorted(by: { ids[$0] < ids[$1] })
        var rankOfSeen = [Int32](repeating: 0, count: ids.count)
        for (rank, seen) in sortedSeen.enumerated() {
            rankOfSeen[seen] = Int32(rank)
        }
        return (seenIndex.map { rankOfSeen[Int($0)] }, sortedSeen.map { ids[$0] })
    }

    static func appendOnce(_ position: Int32, to list: inout [Int32]) {
        if list.last != position { list.append(position) }
    }

    /// Folded id, name and alias → record index, in that order of precedence (an id always
    /// finds its own record even if it is also someone's alias), then the same names without
    /// a leading "the" ("The Kremlin" is found as "kremlin").
    static func nameLookup(ids: [String], names: [String], aliases: [[String]],
                           folder: inout TextFolder) -> [String: Int32] {
        var lookup: [String: Int32] = [:]
        func add(_ key: String, _ index: Int) {
            if !key.isEmpty && lookup[key] == nil { lookup[key] = Int32(index) }
        }
        for (index, id) in ids.enumerated() { add(folder.foldedName(id), index) }
        for (index, name) in names.enumerated() { add(folder.foldedName(name), index) }
        for (index, list) in aliases.enumerated() {
            for alias in list { add(folder.foldedName(alias), index) }
        }
        for (index, list) in aliases.enumerated() {
            for name in [names[index]] + list {
                let folded = folder.foldedName(name)
                if folded.hasPrefix("the ") { add(String(folded.dropFirst(4)), index) }
            }
        }
        return lookup
    }
}
