/// Finds the events whose dates overlap, or lie within, a day range without scanning them all.
///
/// Events with both ends known go into buckets by span (a day, a week, a month, ...). In a
/// bucket whose longest span is S, an event overlapping [from, to] must start in
/// [from − S, to], so a binary search on starts gives the candidates and only events that
/// start up to S days early and end before `from` are looked at without matching. Events
/// with an open or unknown end are kept apart, sorted by their one known day, where a binary
/// search gives exactly the matches. Cost: O(B · log n + candidates), B ≤ 9 lists.
struct EventDateIndex: Sendable {
    /// Per chronological position: the first and last day, `Int32.min` / `Int32.max` for an
    /// unknown or open start / end.
    let lowerBounds: [Int32]
    let upperBounds: [Int32]
    private let buckets: [DateBucket]
    /// Known start, open end: sorted by start (chronological order).
    private let openEnded: DateBucket
    /// Open start, known end: sorted by last day.
    private let openStartedPositions: [Int32]
    private let openStartedUppers: [Int32]
    /// Neither end known.
    private let unbounded: [Int32]

    /// Upper limits of the span classes, in days.
    private static let spanClasses: [Int32] = [0, 7, 31, 92, 366, 1830, 3660, Int32.max]

    init(lowerBounds: [Int32], upperBounds: [Int32]) {
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        var buckets = Array(repeating: DateBucket(), count: EventDateIndex.spanClasses.count)
        var openEnded = DateBucket()
        var openStarted: [Int32] = []
        var unbounded: [Int32] = []
        for position in lowerBounds.indices {
            let lower = lowerBounds[position]
            let upper = upperBounds[position]
            switch (lower == Int32.min, upper == Int32.max) {
            case (false, false):
                let span = upper - lower
                let bucket = EventDateIndex.spanClasses.firstIndex { span <= $0 } ?? EventDateIndex.spanClasses.count - 1
                buckets[bucket].positions.append(Int32(position))
                buckets[bucket].lowers.append(lower)
                buckets[bucket].maxSpan = max(buckets[bucket].maxSpan, span)
            case (false, true):
                openEnded.positions.append(Int32(position))
                openEnded.lowers.append(lower)
            case (true, false):
                openStarted.append(Int32(position))
            case (true, true):
                unbounded.append(Int32(position))
            }
        }
        openStarted.sort { upperBounds[Int($0)] != upperBounds[Int($1)] ? upperBounds[Int($0)] < upperBounds[Int($1)] : $0 < $1 }
        self.buckets = buckets.filter { !$0.positions.isEmpty }
        self.openEnded = openEnded
        openStartedPositions = openStarted
        openStartedUppers = openStarted.map { upperBounds[Int($0)] }
        self.unbounded = unbounded
    }

    func matches(_ position: Int32, _ range: DayRange) -> Bool {
        range.admits(lower: lowerBounds[Int(position)], upper: upperBounds[Int(position)])
    }

    /// How many events `positions(_:)` will look at: a cheap upper bound on the matches, used
    /// to decide whether the date range or a posting list drives a query.
    func candidateCount(_ range: DayRange) -> Int {
        candidateSlices(range).reduce(0) { $0 + $1.count }
    }

    /// The matching positions, ascending.
    func positions(_ range: DayRange) -> [Int32] {
        let slices = candidateSlices(range).filter { !$0.isEmpty }
        var found: [Int32] = []
        for slice in slices {
            for position in slice where matches(position, range) { found.append(position) }
        }
        // Each slice is ascending except the open-start one, and slices interleave: sort
        // only when needed, which one linear check tells.
        if slices.count > 1 || !SortedPositions.isAscending(found) { found.sort() }
        return found
    }

    private func candidateSlices(_ range: DayRange) -> [ArraySlice<Int32>] {
        var slices: [ArraySlice<Int32>] = []
        let unboundedFrom = range.from == Int32.min
        let unboundedTo = range.to == Int32.max
        for bucket in buckets {
            let earliestStart: Int32
            switch range.match {
            case .overlap:
                let (shifted, overflow) = range.from.subtractingReportingOverflow(bucket.maxSpan)
                earliestStart = overflow ? Int32.min : shifted
            case .within:
                earliestStart = range.from
            }
            let low = SortedPositions.lowerBound(bucket.lowers, earliestStart)
            let high = SortedPositions.upperBound(bucket.lowers, range.to)
            if low < high { slices.append(bucket.positions[low..<high]) }
        }
        // Open end (+∞): overlaps when it starts by `to`; within only an unbounded `to`.
        switch range.match {
        case .overlap:
            slices.append(openEnded.positions[0..<SortedPositions.upperBound(openEnded.lowers, range.to)])
        case .within where unboundedTo:
            slices.append(openEnded.positions[SortedPositions.lowerBound(openEnded.lowers, range.from)...])
        case .within:
            break
        }
        // Open start (−∞): overlaps when it ends on or after `from`; within only an unbounded `from`.
        switch range.match {
        case .overlap:
            slices.append(openStartedPositions[SortedPositions.lowerBound(openStartedUppers, range.from)...])
        case .within where unboundedFrom:
            slices.append(openStartedPositions[0..<SortedPositions.upperBound(openStartedUppers, range.to)])
        case .within:
            break
        }
        if range.match == .overlap || (unboundedFrom && unboundedTo) {
            slices.append(unbounded[...])
        }
        return slices
    }
}
