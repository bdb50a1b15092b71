/// Which places to list: of any of `kinds` (all when empty), in `country` (ISO 3166-1
/// alpha-2, any case), with every term of `text` in the name.
public struct PlaceQuery: Sendable, Hashable {
    public var kinds: [PlaceKind]
    public var country: String?
    public var text: String?
    public var sort: ListingSort
    public var limit: Int
    public var cursor: String?

    public init(kinds: [PlaceKind] = [], country: String? = nil, text: String? = nil, sort: ListingSort = .name,
                limit: Int = 50, cursor: String? = nil) {
        self.kinds = kinds
        self.country = country
        self.text = text
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
    }
}
