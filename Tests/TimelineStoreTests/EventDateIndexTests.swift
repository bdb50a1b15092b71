import Testing
@testable import TimelineStore

@Suite struct EventDateIndexTests {
    /// A deterministic generator, so a failure replays.
    struct SplitMix64 {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test func agreesWithAFullScan() {
        var random = SplitMix64(state: 42)
        var lowers: [Int32] = []
        var uppers: [Int32] = []
        for _ in 0..<2000 {
            let lower = Int32(random.next(4000))
            let spans: [Int32] = [0, 3, 20, 200, 1000, 3000]
            let span = spans[random.next(spans.count)]
            switch random.next(20) {
            case 0: lowers.append(Int32.min); uppers.append(lower)
            case 1: lowers.append(lower); uppers.append(Int32.max)
            case 2: lowers.append(Int32.min); uppers.append(Int32.max)
            default: lowers.append(lower); uppers.append(lower + span)
            }
        }
        // Chronological positions: sorted by lower bound.
        let order = lowers.indices.sorted { lowers[$0] < lowers[$1] }
        lowers = order.map { lowers[$0] }
        uppers = order.map { uppers[$0] }
        let index = EventDateIndex(lowerBounds: lowers, upperBounds: uppers)
        for _ in 0..<300 {
            let from: Int32 = random.next(6) == 0 ? Int32.min : Int32(random.next(5000)) - 500
            let to: Int32 = random.next(6) == 0 ? Int32.max : max(from, Int32(random.next(5000)) - 500)
            for match in DateMatch.allCases {
                let range = DayRange(from: from, to: to, match: match)
                let expected = lowers.indices.filter { range.admits(lower: lowers[$0], upper: uppers[$0]) }.map(Int32.init)
                #expect(index.positions(range) == expected)
                #expect(index.candidateCount(range) >= expected.count)
            }
        }
    }

    @Test func ofPointEventsLooksOnlyAtTheRange() {
        let lowers = (0..<1000).map(Int32.init)
        let index = EventDateIndex(lowerBounds: lowers, upperBounds: lowers)
        let range = DayRange(from: 500, to: 509, match: .overlap)
        #expect(index.candidateCount(range) == 10)
        #expect(index.positions(range) == Array(500...509))
    }
}
