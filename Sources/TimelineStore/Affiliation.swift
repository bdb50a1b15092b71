/// This actor's `relation` to the actor `actorID` ("member-of" csto).
public struct Affiliation: Sendable, Hashable {
    public let actorID: String
    public let relation: AffiliationRelation
    public let evidence: Evidence?

    public init(actorID: String, relation: AffiliationRelation, evidence: Evidence? = nil) {
        self.actorID = actorID
        self.relation = relation
        self.evidence = evidence
    }
}
