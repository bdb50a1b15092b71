/// What sort of place it is.
public enum PlaceKind: String, Sendable, Hashable, CaseIterable {
    case country = "country"
    case region = "region"
    case city = "city"
    case town = "town"
    case facility = "facility"
}
