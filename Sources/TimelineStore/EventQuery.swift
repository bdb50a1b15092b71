/// What events to find, and how to page them.
///
/// Every filter given must hold: each actor and each place must take part (all-of, so
/// adding one narrows the result), the type is any of `types`, and every term of `text`
/// must occur in the title, summary or an evidence quote. Actors and places are given by
/// id, name or alias, compared folded (case, diacritics and runs of whitespace ignored).
public struct EventQuery: Sendable, Hashable {
    public var from: PartialDate?
    public var to: PartialDate?
    public var match: DateMatch
    public var actors: [String]
    public var places: [String]
    public var types: [EventType]
    public var text: String?
    public var sort: EventSort
    public var limit: Int
    /// A `nextCursor` from an earlier page of the same query.
    public var cursor: String?

    public init(
        from: PartialDate? = nil,
        to: PartialDate? = nil,
        match: DateMatch = .overlap,
        actors: [String] = [],
        places: [String] = [],
        types: [EventType] = [],
        text: String? = nil,
        sort: EventSort = .chronological,
        limit: Int = 50,
        cursor: String? = nil
    ) {
        self.from = from
        self.to = to
        self.match = match
        self.actors = actors
        self.places = places
        self.types = types
        self.text = text
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
    }
}
