/// An event matching a search. When the best match is in an evidence quote, `evidence` is
/// that item, whose `start`/`end` locate the quote in the article.
public struct EventSearchHit: Sendable, Hashable {
    public let event: TimelineEvent
    public let match: TextMatch
    public let evidence: Evidence?

    public init(event: TimelineEvent, match: TextMatch, evidence: Evidence?) {
        self.event = event
        self.match = match
        self.evidence = evidence
    }
}
