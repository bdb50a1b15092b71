/// A place in a list, with how many events happen there.
public struct PlaceListing: Sendable, Hashable {
    public let place: Place
    public let eventCount: Int

    public init(place: Place, eventCount: Int) {
        self.place = place
        self.eventCount = eventCount
    }
}
