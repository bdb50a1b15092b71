/// The order of an event page.
public enum EventSort: String, Sendable, Hashable, CaseIterable {
    /// By first day (unknown/open = earliest), then precision, source, article order, id.
    case chronological
    case reverseChronological = "reverse-chronological"
    /// By source id, then the order in which the article tells the events.
    case article
}
