/// An actor matching a search, with the name, alias or description that matched best.
public struct ActorSearchHit: Sendable, Hashable {
    public let actor: TimelineActor
    public let match: TextMatch

    public init(actor: TimelineActor, match: TextMatch) {
        self.actor = actor
        self.match = match
    }
}
