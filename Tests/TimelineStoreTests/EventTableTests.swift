import Testing
@testable import TimelineStore

/// The packed event table gives back every field of every event exactly, in chronological
/// order, including the rare and out-of-range ones it keeps aside.
struct EventTableTests {
    /// Events with every optional field set and unset, references to unknown ids, evidence
    /// offsets beyond 32 bits, non-ASCII and empty strings, figures and relations.
    static func unusualEvents() -> [TimelineEvent] {
        let figure = Figure(measure: "deaths", unit: "people", value: 225, lowerBound: 200, upperBound: 250,
                            qualifier: nil, confirmed: true, currency: nil, evidence: makeEvidence("225 people", start: 4))
        return [
            TimelineEvent(
                id: "full-é", sourceID: "src-b", title: "Título “quoted” — ünïcode", summary: "", type: .fight,
                mode: "reported", date: try! EDTFDate("2022-01~"), dateBasis: .relative, dateNote: "a note",
                actors: [EventParticipant(actorID: "china", role: .source),
                         EventParticipant(actorID: "nobody-known", role: .target),
                         EventParticipant(actorID: "china", role: .participant)],
                places: ["almaty", "atlantis", "atlantis"], figures: [figure],
                relations: [EventRelation(type: EventRelationType.allCases[0], eventID: "bare", evidence: makeEvidence())],
                evidence: [Evidence(quote: "first", occurrence: 2, paragraph: 3, start: 10, end: 15),
                           Evidence(quote: "", paragraph: 0, start: 0, end: 0)],
                articleOrder: 7),
            TimelineEvent(id: "bare", sourceID: "src-a", title: "", type: .agree, date: try! EDTFDate("/2021-05-06"),
                          articleOrder: 1),
            TimelineEvent(id: "wide", sourceID: "src-a", title: "Wide offsets", type: .aid, date: try! EDTFDate("2021-05-06/.."),
                          dateBasis: .placed,
                          evidence: [Evidence(quote: "far", occurrence: Int(Int32.min), paragraph: 1,
                                              start: Int(Int32.max) + 1, end: Int(Int32.max) + 4)],
                          articleOrder: Int(Int32.max) + 10),
            TimelineEvent(id: "minimum-order", sourceID: "src-c", title: "Order at the sentinel", type: .aid,
                          date: try! EDTFDate("199X"), articleOrder: Int(Int32.min)),
        ]
    }

    static func snapshot(of events: [TimelineEvent]) -> TimelineSnapshot {
        let base = makeDataset()
        return TimelineSnapshot(TimelineDataset(sources: base.sources, articles: base.articles, actors: base.actors,
                                                places: base.places, events: base.events + events))
    }

    @Test func everyEventRoundTripsExactly() {
        let events = makeDataset().events + EventTableTests.unusualEvents()
        let snapshot = EventTableTests.snapshot(of: EventTableTests.unusualEvents())
        #expect(snapshot.events.count == events.count)
        // Same events, as whole values (every field, `Hashable` equality), each exactly once.
        #expect(Set(snapshot.events) == Set(events))
        for event in events {
            #expect(snapshot.event(id: event.id) == event)
        }
        for original in events {
            let packed = snapshot.event(id: original.id)
            #expect(packed?.date.text == original.date.text)
            #expect(packed?.date.earliest == original.date.earliest && packed?.date.latest == original.date.latest)
            #expect(packed?.date.isApproximate == original.date.isApproximate)
            #expect(packed?.date.isUncertain == original.date.isUncertain)
            #expect(packed?.evidence.map(\.occurrence) == original.evidence.map(\.occurrence))
            #expect(packed?.articleOrder == original.articleOrder)
        }
    }

    @Test func fieldsReadInPlaceAgreeWithTheWholeEvent() {
        let snapshot = EventTableTests.snapshot(of: EventTableTests.unusualEvents())
        let table = snapshot.events
        for position in table.indices {
            let event = table[position]
            #expect(table.id(at: position) == event.id)
            #expect(table.sourceID(at: position) == event.sourceID)
            #expect(table.articleOrder(at: position) == event.articleOrder)
            #expect(table.typeCode(at: position) == event.type.code)
            #expect(table.lowerBound(at: position) == event.date.earliest?.daysSinceEpoch ?? Int32.min)
            #expect(table.upperBound(at: position) == event.date.latest?.daysSinceEpoch ?? Int32.max)
            #expect(table.chronologicalKey(at: position) == ChronologicalKey(event))
            #expect(table.articleKey(at: position) == ArticleKey(event))
            #expect(table.participantActorIndices(at: position).map { table.actorIDs[Int($0)] } == event.actors.map(\.actorID))
            #expect(table.placeIndices(at: position).map { table.placeIDs[Int($0)] } == event.places)
        }
        // Chronological: the keys ascend.
        let keys = table.indices.map { table.chronologicalKey(at: $0) }
        #expect(keys == keys.sorted())
    }

    @Test func referencesToUnknownIdsAreKeptButNotIndexed() throws {
        let snapshot = EventTableTests.snapshot(of: EventTableTests.unusualEvents())
        let event = try #require(snapshot.event(id: "full-é"))
        #expect(event.actors.map(\.actorID) == ["china", "nobody-known", "china"])
        #expect(event.places == ["almaty", "atlantis", "atlantis"])
        #expect(snapshot.events.actorIDs.count == snapshot.actors.count + 1)
        #expect(snapshot.events.placeIDs.count == snapshot.places.count + 1)
        #expect(try snapshot.events(ofActor: "china").filter { $0.id == "full-é" }.count == 1)
    }

    @Test func emptyTable() {
        let snapshot = TimelineSnapshot(TimelineDataset())
        #expect(snapshot.events.isEmpty)
        #expect(Array(snapshot.events) == [])
    }
}
