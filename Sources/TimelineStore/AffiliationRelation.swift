/// How an actor stands to the actor it is affiliated with (`member-of`: this actor is a member of that one).
public enum AffiliationRelation: String, Sendable, Hashable, CaseIterable {
    case memberOf = "member-of"
    case ledBy = "led-by"
    case partOf = "part-of"
    case headOf = "head-of"
    case spokespersonOf = "spokesperson-of"
    case governmentOf = "government-of"
    case nationalOf = "national-of"
}
