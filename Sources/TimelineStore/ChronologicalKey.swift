/// The chronological sort key of an event: first day (unknown/open = −∞), then precision
/// (day < month < year < interval), source id, article order, id. Ids are unique, so the
/// order is total, and it depends only on the data: the same events sort the same way in
/// every snapshot, which is what lets a cursor carry a key instead of a position.
struct ChronologicalKey: Sendable, Hashable, Comparable {
    let lower: Int32
    let precision: Int
    let sourceID: String
    let articleOrder: Int
    let id: String

    init(lower: Int32, precision: Int, sourceID: String, articleOrder: Int, id: String) {
        self.lower = lower
        self.precision = precision
        self.sourceID = sourceID
        self.articleOrder = articleOrder
        self.id = id
    }

    init(_ event: TimelineEvent) {
        self.init(lower: event.date.earliest?.daysSinceEpoch ?? Int32.min, precision: event.date.precision.rawValue,
                  sourceID: event.sourceID, articleOrder: event.articleOrder, id: event.id)
    }

    static func < (lhs: ChronologicalKey, rhs: ChronologicalKey) -> Bool {
        if lhs.lower != rhs.lower { return lhs.lower < rhs.lower }
        if lhs.precision != rhs.precision { return lhs.precision < rhs.precision }
        if lhs.sourceID != rhs.sourceID { return lhs.sourceID < rhs.sourceID }
        if lhs.articleOrder != rhs.articleOrder { return lhs.articleOrder < rhs.articleOrder }
        return lhs.id < rhs.id
    }
}
