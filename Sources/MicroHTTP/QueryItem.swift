/// One `name=value` pair of a query string, percent-decoded, with `+` read as a space
/// (the form encoding that browsers and curl's `--data-urlencode` produce).
public struct QueryItem: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
