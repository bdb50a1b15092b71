/// How one event relates to another (`triggered_by`: this event was triggered by that one).
public enum EventRelationType: String, Sendable, Hashable, CaseIterable {
    case triggeredBy = "triggered_by"
    case causedBy = "caused_by"
    case inResponseTo = "in_response_to"
    case followedBy = "followed_by"
    case precededBy = "preceded_by"
    case partOf = "part_of"
}
