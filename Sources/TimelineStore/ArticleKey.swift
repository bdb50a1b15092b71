/// The article sort key of an event: source id, then order in the article, then id.
struct ArticleKey: Sendable, Hashable, Comparable {
    let sourceID: String
    let articleOrder: Int
    let id: String

    init(sourceID: String, articleOrder: Int, id: String) {
        self.sourceID = sourceID
        self.articleOrder = articleOrder
        self.id = id
    }

    init(_ event: TimelineEvent) {
        self.init(sourceID: event.sourceID, articleOrder: event.articleOrder, id: event.id)
    }

    static func < (lhs: ArticleKey, rhs: ArticleKey) -> Bool {
        if lhs.sourceID != rhs.sourceID { return lhs.sourceID < rhs.sourceID }
        if lhs.articleOrder != rhs.articleOrder { return lhs.articleOrder < rhs.articleOrder }
        return lhs.id < rhs.id
    }
}
