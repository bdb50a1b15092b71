/// What sort of actor it is.
public enum ActorKind: String, Sendable, Hashable, CaseIterable {
    case person = "person"
    case state = "state"
    case organisation = "organisation"
    case governmentBody = "government-body"
    case group = "group"
    case company = "company"
}
