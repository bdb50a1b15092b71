/// This event's relation to the event `eventID` (`triggered_by` lpg-price-hike).
public struct EventRelation: Sendable, Hashable {
    public let type: EventRelationType
    public let eventID: String
    public let evidence: Evidence?

    public init(type: EventRelationType, eventID: String, evidence: Evidence? = nil) {
        self.type = type
        self.eventID = eventID
        self.evidence = evidence
    }
}
