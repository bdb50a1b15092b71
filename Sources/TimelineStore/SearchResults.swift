/// What a free-text search found: up to `limit` of each kind, with the total of each.
/// `terms` are the query's folded terms; every one must match for a record to count.
public struct SearchResults: Sendable, Hashable {
    public let terms: [String]
    public let events: [EventSearchHit]
    public let eventTotal: Int
    public let actors: [ActorSearchHit]
    public let actorTotal: Int
    public let places: [PlaceSearchHit]
    public let placeTotal: Int
    public let paragraphs: [ParagraphSearchHit]
    public let paragraphTotal: Int

    public init(terms: [String], events: [EventSearchHit], eventTotal: Int, actors: [ActorSearchHit], actorTotal: Int,
                places: [PlaceSearchHit], placeTotal: Int, paragraphs: [ParagraphSearchHit], paragraphTotal: Int) {
        self.terms = terms
        self.events = events
        self.eventTotal = eventTotal
        self.actors = actors
        self.actorTotal = actorTotal
        self.places = places
        self.placeTotal = placeTotal
        self.paragraphs = paragraphs
        self.paragraphTotal = paragraphTotal
    }
}
