/// A place matching a search by name.
public struct PlaceSearchHit: Sendable, Hashable {
    public let place: Place
    public let match: TextMatch

    public init(place: Place, match: TextMatch) {
        self.place = place
        self.match = match
    }
}
