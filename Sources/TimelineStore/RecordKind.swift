/// The kinds of record that carry ids. Actors, places and events share one id space.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case source
    case actor
    case place
    case event
}
