/// A pointer at the article's own words. `paragraph`, `start` and `end` are computed by the
/// loader: the 1-based paragraph, and Unicode scalar offsets into the article file's whole
/// text, `end` exclusive.
public struct Evidence: Sendable, Hashable {
    public let quote: String
    public let occurrence: Int?
    public let paragraph: Int
    public let start: Int
    public let end: Int

    public init(quote: String, occurrence: Int? = nil, paragraph: Int, start: Int, end: Int) {
        self.quote = quote
        self.occurrence = occurrence
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }
}
