/// An article paragraph matching a search. `match.text` is the paragraph's text, so a match
/// range r lies at `paragraph.start + r` in the article.
public struct ParagraphSearchHit: Sendable, Hashable {
    public let sourceID: String
    public let paragraph: Paragraph
    public let match: TextMatch

    public init(sourceID: String, paragraph: Paragraph, match: TextMatch) {
        self.sourceID = sourceID
        self.paragraph = paragraph
        self.match = match
    }
}
