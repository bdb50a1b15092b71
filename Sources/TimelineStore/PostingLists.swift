/// A term index: every term's posting list (ascending positions) as a slice of one array.
///
/// One array rather than an array per term: at a million events the events' index holds
/// about 40 million positions in some 30,000 lists, and building it as one array at its
/// exact size, filled in place, spares the build a copy of every list into an array of its
/// own (and as many allocations); it also spares each list an array header and malloc's
/// rounding.
struct PostingLists: Sendable {
    /// Term → list number.
    private let listByTerm: [String: Int32]
    /// List `k` is `positions[listStarts[k]..<listStarts[k + 1]]`.
    private let listStarts: [Int]
    private let positions: [Int32]

    /// `listStarts` has one more element than there are lists, the last `positions.count`.
    init(listByTerm: [String: Int32], listStarts: [Int], positions: [Int32]) {
        precondition(listStarts.count == listByTerm.count + 1 && listStarts.last == positions.count,
                     "every list needs its start and the last its end")
        self.listByTerm = listByTerm
        self.listStarts = listStarts
        self.positions = positions
    }

    /// The term's positions, ascending; empty for an unknown term.
    subscript(term: String) -> ArraySlice<Int32> {
        guard let list = listByTerm[term].map(Int.init) else { return [] }
        return positions[listStarts[list]..<listStarts[list + 1]]
    }

    /// How many terms have a list.
    var termCount: Int { listByTerm.count }

    var terms: Dictionary<String, Int32>.Keys { listByTerm.keys }
}
