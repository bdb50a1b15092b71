/// Something that happened, as one article tells it. Title, summary and date note are our own
/// words; `evidence` points at the article's. `articleOrder` is computed at load: the 1-based
/// rank of the event's earliest evidence offset among its source's events (ties: file order).
public struct TimelineEvent: Sendable, Hashable, Identifiable {
    public let id: String
    public let sourceID: String
    public let title: String
    public let summary: String?
    public let type: EventType
    public let mode: String?
    public let date: EDTFDate
    public let dateBasis: DateBasis?
    public let dateNote: String?
    public let actors: [EventParticipant]
    public let places: [String]
    public let figures: [Figure]
    public let relations: [EventRelation]
    public let evidence: [Evidence]
    public let articleOrder: Int

    public init(
        id: String,
        sourceID: String,
        title: String,
        summary: String? = nil,
        type: EventType,
        mode: String? = nil,
        date: EDTFDate,
        dateBasis: DateBasis? = nil,
        dateNote: String? = nil,
        actors: [EventParticipant] = [],
        places: [String] = [],
        figures: [Figure] = [],
        relations: [EventRelation] = [],
        evidence: [Evidence] = [],
        articleOrder: Int
    ) {
        self.id = id
        self.sourceID = sourceID
        self.title = title
        self.summary = summary
        self.type = type
        self.mode = mode
        self.date = date
        self.dateBasis = dateBasis
        self.dateNote = dateNote
        self.actors = actors
        self.places = places
        self.figures = figures
        self.relations = relations
        self.evidence = evidence
        self.articleOrder = articleOrder
    }
}
