import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotSuggestionsTests {
    let snapshot = makeSnapshot()

    @Test func suggestsCloseIds() {
        #expect(snapshot.suggestions(for: "chna") == ["china"])
        #expect(snapshot.suggestions(for: "a-dya") == ["a-day"])
        #expect(snapshot.suggestions(for: "kazak") == ["kazakhstan"])
        #expect(snapshot.suggestions(for: "Central Asia") == ["central-asia"])
        #expect(snapshot.suggestions(for: "src-c") == ["src-a", "src-b"])
        #expect(snapshot.suggestions(for: "src-c", among: [.actor]) == [])
        #expect(snapshot.suggestions(for: "zzzzzzzz") == [])
    }

    @Test func returnsAtMostThreeBestFirst() {
        let suggestions = snapshot.suggestions(for: "c-mnth")
        #expect(suggestions.first == "c-month")
        #expect(suggestions.count <= 3)
    }

    @Test func editDistanceCountsTranspositionsAsOne() {
        let distance = { (left: String, right: String) in
            TimelineSnapshot.editDistance(Array(left.unicodeScalars), Array(right.unicodeScalars))
        }
        #expect(distance("china", "china") == 0)
        #expect(distance("chian", "china") == 1)
        #expect(distance("", "abc") == 3)
        #expect(distance("kitten", "sitting") == 3)
    }
}
