/// An actor's network: who else takes part in its events.
/// Cost: O(Σ participants of its k events + r log r) for r linked actors.
extension TimelineSnapshot {
    /// The other actors sharing events with `actor` (id, name or alias), most shared events
    /// first, then by id; each with the shared event ids in chronological order.
    public func network(ofActor actor: String) throws(TimelineQueryError) -> [NetworkLink] {
        let index = try resolveActor(actor)
        let ownID = actors[Int(index)].id
        var shared: [Int32: [String]] = [:]
        for position in eventsByActor[Int(index)] {
            let event = events[Int(position)]
            var seen: Set<Int32> = []
            for participant in event.actors where participant.actorID != ownID {
                guard let other = actorIndexByID[participant.actorID], seen.insert(other).inserted else { continue }
                shared[other, default: []].append(event.id)
            }
        }
        return shared
            .map { other, eventIDs in
                NetworkLink(actor: actors[Int(other)], sharedEventCount: eventIDs.count, sharedEventIDs: eventIDs)
            }
            .sorted { left, right in
                left.sharedEventCount != right.sharedEventCount
                    ? left.sharedEventCount > right.sharedEventCount : left.actor.id < right.actor.id
            }
    }
}
