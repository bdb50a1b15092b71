/// An actor in a list, with how many events it takes part in.
public struct ActorListing: Sendable, Hashable {
    public let actor: TimelineActor
    public let eventCount: Int

    public init(actor: TimelineActor, eventCount: Int) {
        self.actor = actor
        self.eventCount = eventCount
    }
}
