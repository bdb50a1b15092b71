/// An actor's part in an event: PLOVER's source (who acts) and target (acted upon), or participant.
public enum ParticipantRole: String, Sendable, Hashable, CaseIterable {
    case source = "source"
    case target = "target"
    case participant = "participant"
}
