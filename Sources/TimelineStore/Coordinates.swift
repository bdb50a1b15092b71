/// A WGS84 position (a gazetteer fact, not the article's).
public struct Coordinates: Sendable, Hashable {
    public let longitude: Double
    public let latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}
