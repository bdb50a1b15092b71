/// A paragraph of an article: a maximal run of non-blank lines. `number` is 1-based in file
/// order; `start` / `end` are Unicode scalar offsets into the article's text, `end` exclusive.
public struct Paragraph: Sendable, Hashable {
    public let number: Int
    public let text: String
    public let start: Int
    public let end: Int

    public init(number: Int, text: String, start: Int, end: Int) {
        self.number = number
        self.text = text
        self.start = start
        self.end = end
    }
}
