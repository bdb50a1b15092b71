/// An actor taking part in an event, and how.
public struct EventParticipant: Sendable, Hashable {
    public let actorID: String
    public let role: ParticipantRole

    public init(actorID: String, role: ParticipantRole) {
        self.actorID = actorID
        self.role = role
    }
}
