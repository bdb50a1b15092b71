/// A role an actor holds, titled as the article titles it ("Russian-led"), optionally of another actor.
public struct ActorRole: Sendable, Hashable {
    public let title: String
    public let of: String?
    public let evidence: Evidence?

    public init(title: String, of: String? = nil, evidence: Evidence? = nil) {
        self.title = title
        self.of = of
        self.evidence = evidence
    }
}
