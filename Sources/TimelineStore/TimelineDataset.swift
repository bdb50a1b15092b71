/// Everything a snapshot is built from: validated records, the articles, and a version that
/// changes whenever any loaded byte does.
public struct TimelineDataset: Sendable {
    public let sources: [Source]
    public let articles: [Article]
    public let actors: [TimelineActor]
    public let places: [Place]
    public let events: [TimelineEvent]
    public let version: String

    public init(
        sources: [Source] = [],
        articles: [Article] = [],
        actors: [TimelineActor] = [],
        places: [Place] = [],
        events: [TimelineEvent] = [],
        version: String = "unversioned"
    ) {
        self.sources = sources
        self.articles = articles
        self.actors = actors
        self.places = places
        self.events = events
        self.version = version
    }
}
