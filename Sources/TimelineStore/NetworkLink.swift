/// Another actor sharing events with the one asked about: how many, and which (ids, in
/// chronological order).
public struct NetworkLink: Sendable, Hashable {
    public let actor: TimelineActor
    public let sharedEventCount: Int
    public let sharedEventIDs: [String]

    public init(actor: TimelineActor, sharedEventCount: Int, sharedEventIDs: [String]) {
        self.actor = actor
        self.sharedEventCount = sharedEventCount
        self.sharedEventIDs = sharedEventIDs
    }
}
