/// Single fields of a packed event, read without making the whole `TimelineEvent` (for
/// building indexes and for binary searches over positions).
extension EventTable {
    func id(at position: Int) -> String {
        let record = records[position]
        return text.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[record.textStart..<record.textStart + Int(record.idLength)]),
                   as: UTF8.self)
        }
    }

    func sourceID(at position: Int) -> String {
        sourceIDs[Int(records[position].sourceIndex)]
    }

    /// The rank of the event's source id among all the table's source ids.
    func sourceRank(at position: Int) -> Int32 {
        Int32(bitPattern: records[position].sourceIndex)
    }

    func articleOrder(at position: Int) -> Int {
        let order = records[position].articleOrder
        return order == Int32.min ? wideArticleOrders[Int32(position)] ?? 0 : Int(order)
    }

    func typeCode(at position: Int) -> UInt8 {
        records[position].typeCode
    }

    /// The first day, or `Int32.min` for an open start.
    func lowerBound(at position: Int) -> Int32 {
        records[position].earliest
    }

    /// The last day, or `Int32.max` for an open end.
    func upperBound(at position: Int) -> Int32 {
        records[position].latest
    }

    /// Indexes into `actorIDs` of the event's participants, in order.
    func participantActorIndices(at position: Int) -> ArraySlice<UInt32> {
        participantActors[Int(records[position].firstParticipant)..<participantEnd(position)]
    }

    /// Indexes into `placeIDs` of the event's places, in order.
    func placeIndices(at position: Int) -> ArraySlice<UInt32> {
        placeReferences[Int(records[position].firstPlace)..<placeEnd(position)]
    }

    func chronologicalKey(at position: Int) -> ChronologicalKey {
        ChronologicalKey(lower: records[position].earliest, precision: Int(records[position].precision),
                         sourceID: sourceID(at: position), articleOrder: articleOrder(at: position), id: id(at: position))
    }

    func articleKey(at position: Int) -> ArticleKey {
        ArticleKey(sourceID: sourceID(at: position), articleOrder: articleOrder(at: position), id: id(at: position))
    }

    func participantEnd(_ position: Int) -> Int {
        position + 1 < records.count ? Int(records[position + 1].firstParticipant) : participantActors.count
    }

    func placeEnd(_ position: Int) -> Int {
        position + 1 < records.count ? Int(records[position + 1].firstPlace) : placeReferences.count
    }

    func evidenceEnd(_ position: Int) -> Int {
        position + 1 < records.count ? Int(records[position + 1].firstEvidence) : evidence.count
    }
}
