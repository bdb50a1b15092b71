/// One page of results: `total` counts every match, not just this page; `nextCursor` is nil
/// on the last page.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
    public let nextCursor: String?

    public init(items: [Item], total: Int, nextCursor: String?) {
        self.items = items
        self.total = total
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}
