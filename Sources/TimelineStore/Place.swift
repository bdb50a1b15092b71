/// A place events happen at. `country` is ISO 3166-1 alpha-2, nil for a region spanning
/// countries; `coordinates` nil when the article does not identify the place well enough.
public struct Place: Sendable, Hashable, Identifiable {
    public let id: String
    public let sourceID: String
    public let name: String
    public let kind: PlaceKind
    public let country: String?
    public let coordinates: Coordinates?
    public let coordinatesSource: String?
    public let evidence: [Evidence]

    public init(
        id: String,
        sourceID: String,
        name: String,
        kind: PlaceKind,
        country: String? = nil,
        coordinates: Coordinates? = nil,
        coordinatesSource: String? = nil,
        evidence: [Evidence] = []
    ) {
        self.id = id
        self.sourceID = sourceID
        self.name = name
        self.kind = kind
        self.country = country
        self.coordinates = coordinates
        self.coordinatesSource = coordinatesSource
        self.evidence = evidence
    }
}
