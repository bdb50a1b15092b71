/// One precomputed order of a record list (actors by name, places by event count, ...):
/// `order` lists record indices in that order; `rank[index]` is a record's place in it.
/// Paging an unfiltered list is then a slice, and a filtered one a sort by rank.
struct ListingOrder: Sendable {
    let order: [Int32]
    let rank: [Int32]

    init(count: Int, by areInIncreasingOrder: (Int, Int) -> Bool) {
        self.init(order: (0..<count).sorted(by: areInIncreasingOrder).map(Int32.init))
    }

    init(order: [Int32]) {
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { rank[Int(index)] = Int32(position) }
        self.order = order
        self.rank = rank
    }

    /// How many records come at or before a cursor's key: `isAtOrBefore(index)` must be
    /// true for a prefix of `order`.
    func boundary(_ isAtOrBefore: (Int) -> Bool) -> Int {
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) >> 1
            if isAtOrBefore(Int(order[middle])) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
