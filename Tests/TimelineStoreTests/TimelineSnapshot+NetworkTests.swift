import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotNetworkTests {
    let snapshot = makeSnapshot()

    @Test func linksActorsSharingEvents() throws {
        let links = try snapshot.network(ofActor: "CSTO")
        #expect(links.map(\.actor.id) == ["russia", "protesters", "tokayev"])
        #expect(links.map(\.sharedEventCount) == [2, 1, 1])
        #expect(links.map(\.sharedEventIDs) == [["c-month", "j-uncertain"], ["j-uncertain"], ["d-request"]])
    }

    @Test func anActorAloneHasNoLinks() throws {
        #expect(try snapshot.network(ofActor: "turkiye") == [])
        #expect(throws: TimelineQueryError.unknownActor("nobody", suggestions: [])) {
            try snapshot.network(ofActor: "nobody")
        }
    }
}
