/// A matched text and where in it the query's terms are: `ranges` are Unicode scalar offsets
/// into `text`, end exclusive, ascending. The API decides how to mark them.
public struct TextMatch: Sendable, Hashable {
    public let field: MatchedField
    public let text: String
    public let ranges: [Range<Int>]

    public init(field: MatchedField, text: String, ranges: [Range<Int>]) {
        self.field = field
        self.text = text
        self.ranges = ranges
    }
}
