import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotSearchTests {
    let snapshot = makeSnapshot()

    @Test func findsEventsPlacesAndParagraphsWithRanges() throws {
        let results = try snapshot.search("ALMATY")
        #expect(results.terms == ["almaty"])
        #expect(results.events.map(\.event.id) == ["b-spread", "j-uncertain"])
        #expect(results.eventTotal == 2)
        #expect(results.events[0].match == TextMatch(field: .title, text: "Protests spread to Almaty", ranges: [19..<25]))
        #expect(results.events[0].evidence == nil)
        #expect(results.places.map(\.place.id) == ["almaty"])
        #expect(results.places[0].match.ranges == [0..<6])
        #expect(results.actors.isEmpty && results.actorTotal == 0)
        #expect(results.paragraphs.map(\.paragraph.number) == [2, 3])
        #expect(results.paragraphs.map(\.sourceID) == ["src-a", "src-a"])
        #expect(results.paragraphs.map(\.match.ranges) == [[22..<28], [28..<34]])
        #expect(results.paragraphTotal == 2)
    }

    @Test func prefersEvidenceAndReportsItsSpan() throws {
        let results = try snapshot.search("demonstrations")
        #expect(results.events.map(\.event.id) == ["a-day"])
        #expect(results.events[0].match.field == .evidence)
        #expect(results.events[0].match.ranges == [10..<24])
        #expect(results.events[0].evidence?.quote == "The first demonstrations began on January 2")
    }

    @Test func matchesActorsByAliasAndFoldsDiacritics() throws {
        let results = try snapshot.search("kremlin")
        #expect(results.actors.map(\.actor.id) == ["russia"])
        #expect(results.actors[0].match == TextMatch(field: .alias, text: "The Kremlin", ranges: [4..<11]))
        #expect(results.events.map(\.event.id) == ["i-decade"])
        #expect(results.paragraphs.map(\.match.ranges) == [[32..<39]])
        let turkiye = try snapshot.search("turkiye")
        #expect(turkiye.paragraphs.first?.match.ranges == [16..<23])
        #expect(turkiye.actors.map(\.actor.id) == ["turkiye"])
    }

    @Test func limitsEachKindAndKeepsTotals() throws {
        let results = try snapshot.search("quote", limit: 2)
        #expect(results.events.count == 2)
        #expect(results.eventTotal == 9)
        #expect(try snapshot.search("   ").events.isEmpty)
        #expect(throws: TimelineQueryError.invalidLimit(0)) { try snapshot.search("x", limit: 0) }
    }
}
