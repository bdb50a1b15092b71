/// The order of an actor or place page.
public enum ListingSort: String, Sendable, Hashable, CaseIterable {
    /// By folded name, then id.
    case name
    /// Most events first, then id.
    case eventCount = "event-count"
}
