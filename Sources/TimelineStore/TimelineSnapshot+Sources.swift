/// Sources and their articles. Each lookup is O(1).
extension TimelineSnapshot {
    public func source(id: String) -> Source? {
        sourceIndexByID[id].map { sources[Int($0)] }
    }

    /// The article's text and paragraphs, or nil for an unknown source.
    public func article(ofSource id: String) -> Article? {
        sourceIndexByID[id].flatMap { articles[Int($0)] }
    }

    /// The article's paragraphs, 1-based `number`s, or nil for an unknown source.
    public func paragraphs(ofSource id: String) -> [Paragraph]? {
        article(ofSource: id)?.paragraphs
    }

    /// The events told by one source, in article order.
    public func events(ofSource id: String) -> [TimelineEvent] {
        let first = articleOrder.boundary { events.sourceID(at: $0) < id }
        let end = articleOrder.boundary { events.sourceID(at: $0) <= id }
        return articleOrder.order[first..<end].map { events[Int($0)] }
    }
}
