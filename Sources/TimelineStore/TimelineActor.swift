/// A person, state, organisation or other party to events. `name` and `aliases` are as the
/// article writes them; `description` is our own words.
public struct TimelineActor: Sendable, Hashable, Identifiable {
    public let id: String
    public let sourceID: String
    public let name: String
    public let kind: ActorKind
    public let aliases: [String]
    public let description: String?
    public let roles: [ActorRole]
    public let affiliations: [Affiliation]
    public let evidence: [Evidence]

    public init(
        id: String,
        sourceID: String,
        name: String,
        kind: ActorKind,
        aliases: [String] = [],
        description: String? = nil,
        roles: [ActorRole] = [],
        affiliations: [Affiliation] = [],
        evidence: [Evidence] = []
    ) {
        self.id = id
        self.sourceID = sourceID
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.description = description
        self.roles = roles
        self.affiliations = affiliations
        self.evidence = evidence
    }
}
