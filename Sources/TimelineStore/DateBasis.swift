/// Where an event's date comes from: stated by the article, derived from an anchor it gives, or placed by sequence.
public enum DateBasis: String, Sendable, Hashable, CaseIterable {
    case explicit = "explicit"
    case relative = "relative"
    case placed = "placed"
}
