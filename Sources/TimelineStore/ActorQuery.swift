/// Which actors to list: of any of `kinds` (all when empty), with every term of `text` in
/// the name, an alias or the description.
public struct ActorQuery: Sendable, Hashable {
    public var kinds: [ActorKind]
    public var text: String?
    public var sort: ListingSort
    public var limit: Int
    public var cursor: String?

    public init(kinds: [ActorKind] = [], text: String? = nil, sort: ListingSort = .name, limit: Int = 50,
                cursor: String? = nil) {
        self.kinds = kinds
        self.text = text
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
    }
}
