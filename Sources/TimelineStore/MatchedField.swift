/// Which text of a record a search matched in.
public enum MatchedField: String, Sendable, Hashable, CaseIterable {
    case title
    case summary
    case evidence
    case name
    case alias
    case description
    case paragraph
}
