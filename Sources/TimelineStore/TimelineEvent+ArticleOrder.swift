extension TimelineEvent {
    /// Ranks one source's events by where the article first evidences them (their smallest
    /// evidence start), 1-based; ties and events without evidence keep file order.
    static func assigningArticleOrder(to events: [TimelineEvent]) -> [TimelineEvent] {
        let ranked = events.indices.sorted { left, right in
            let leftStart = events[left].evidence.map(\.start).min() ?? Int.max
            let rightStart = events[right].evidence.map(\.start).min() ?? Int.max
            return leftStart != rightStart ? leftStart < rightStart : left < right
        }
        var ordered = events
        for (rank, index) in ranked.enumerated() {
            ordered[index] = events[index].withArticleOrder(rank + 1)
        }
        return ordered
    }

    func withArticleOrder(_ articleOrder: Int) -> TimelineEvent {
        TimelineEvent(
            id: id, sourceID: sourceID, title: title, summary: summary, type: type, mode: mode, date: date,
            dateBasis: dateBasis, dateNote: dateNote, actors: actors, places: places, figures: figures,
            relations: relations, evidence: evidence, articleOrder: articleOrder)
    }
}
