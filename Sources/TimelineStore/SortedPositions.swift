/// Operations on posting lists: ascending, duplicate-free collections of `Int32` positions
/// (arrays, or slices of `PostingLists`' one array; indices are the collection's own).
enum SortedPositions {
    /// The first index whose element is ≥ `value`.
    static func lowerBound<List: RandomAccessCollection<Int32>>(_ list: List, _ value: Int32) -> Int
    where List.Index == Int {
        var low = list.startIndex
        var high = list.endIndex
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first index whose element is > `value`.
    static func upperBound<List: RandomAccessCollection<Int32>>(_ list: List, _ value: Int32) -> Int
    where List.Index == Int {
        var low = list.startIndex
        var high = list.endIndex
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func contains<List: RandomAccessCollection<Int32>>(_ list: List, _ value: Int32) -> Bool
    where List.Index == Int {
        let index = lowerBound(list, value)
        return index < list.endIndex && list[index] == value
    }

    /// The positions in every list: walks the smallest and probes the others by binary
    /// search, O(s · L · log n) for the smallest list's size s.
    static func intersection(_ lists: [ArraySlice<Int32>]) -> [Int32] {
        let bySize = lists.sorted { $0.count < $1.count }
        guard let smallest = bySize.first, !smallest.isEmpty else { return [] }
        let others = bySize.dropFirst()
        return smallest.filter { position in others.allSatisfy { contains($0, position) } }
    }

    /// The positions in any list, ascending and without duplicates.
    static func union(_ lists: [ArraySlice<Int32>]) -> [Int32] {
        let nonEmpty = lists.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first.map(Array.init) ?? [] }
        var merged = nonEmpty.flatMap { $0 }
        merged.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(merged.count)
        for position in merged where unique.last != position { unique.append(position) }
        return unique
    }

    static func isAscending(_ list: [Int32]) -> Bool {
        var previous = Int32.min
        for position in list {
            if position < previous { return false }
            previous = position
        }
        return true
    }
}
