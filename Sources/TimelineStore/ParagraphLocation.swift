/// Where a paragraph is: its source's index in the snapshot and its index in the article.
struct ParagraphLocation: Sendable, Hashable {
    let sourceIndex: Int32
    let paragraphIndex: Int32
}
