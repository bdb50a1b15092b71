import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotListingsTests {
    let snapshot = makeSnapshot()

    private func actorIDs(_ query: ActorQuery) throws -> [String] {
        try snapshot.actors(matching: query).items.map(\.actor.id)
    }

    @Test func listsActorsByNameOrEventCount() throws {
        #expect(try actorIDs(ActorQuery()) == ["china", "csto", "tokayev", "protesters", "russia", "turkiye"])
        let byCount = try snapshot.actors(matching: ActorQuery(sort: .eventCount))
        #expect(byCount.items.map(\.actor.id) == ["protesters", "russia", "china", "csto", "tokayev", "turkiye"])
        #expect(byCount.items.map(\.eventCount) == [4, 4, 3, 3, 2, 1])
        #expect(byCount.total == 6)
    }

    @Test func filtersActorsByKindAndText() throws {
        #expect(try actorIDs(ActorQuery(kinds: [.state])) == ["china", "russia", "turkiye"])
        #expect(try actorIDs(ActorQuery(kinds: [.person, .group])) == ["tokayev", "protesters"])
        #expect(try actorIDs(ActorQuery(text: "RUSSIAN")) == ["csto"])
        #expect(try actorIDs(ActorQuery(text: "president")) == ["tokayev"])
        #expect(try actorIDs(ActorQuery(text: "kremlin")) == ["russia"])
        #expect(try actorIDs(ActorQuery(text: "turkiye")) == ["turkiye"])
        #expect(try actorIDs(ActorQuery(kinds: [.state], text: "military")) == [])
    }

    static let actorQueries = [
        ActorQuery(), ActorQuery(sort: .eventCount), ActorQuery(kinds: [.state, .group], sort: .eventCount),
        ActorQuery(text: "the", sort: .name),
    ]

    @Test(arguments: actorQueries)
    func pagesActorsWithCursors(query: ActorQuery) throws {
        var unpaged = query
        unpaged.limit = 100
        let all = try actorIDs(unpaged)
        for limit in 1...(all.count + 1) {
            var walked: [String] = []
            var paged = query
            paged.limit = limit
            repeat {
                let page = try snapshot.actors(matching: paged)
                #expect(page.total == all.count)
                walked += page.items.map(\.actor.id)
                paged.cursor = page.nextCursor
            } while paged.cursor != nil && walked.count <= all.count
            #expect(walked == all, "limit \(limit)")
        }
    }

    @Test func refusesActorCursorsOfOtherQueries() throws {
        let cursor = try #require(try snapshot.actors(matching: ActorQuery(limit: 2)).nextCursor)
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor belongs to a different query")) {
            try snapshot.actors(matching: ActorQuery(sort: .eventCount, cursor: cursor))
        }
        #expect(throws: TimelineQueryError.invalidLimit(-1)) { try snapshot.actors(matching: ActorQuery(limit: -1)) }
    }

    @Test func listsPlaces() throws {
        let ids = { (query: PlaceQuery) throws -> [String] in try self.snapshot.places(matching: query).items.map(\.place.id) }
        #expect(try ids(PlaceQuery()) == ["almaty", "central-asia", "kazakhstan", "zhanaozen"])
        #expect(try ids(PlaceQuery(country: "kz")) == ["almaty", "kazakhstan", "zhanaozen"])
        #expect(try ids(PlaceQuery(kinds: [.region])) == ["central-asia"])
        #expect(try ids(PlaceQuery(text: "asia")) == ["central-asia"])
        let byCount = try snapshot.places(matching: PlaceQuery(sort: .eventCount, limit: 3))
        #expect(byCount.items.map(\.place.id) == ["kazakhstan", "almaty", "zhanaozen"])
        #expect(byCount.items.map(\.eventCount) == [3, 2, 1])
        let rest = try snapshot.places(matching: PlaceQuery(sort: .eventCount, cursor: byCount.nextCursor))
        #expect(rest.items.map(\.place.id) == ["central-asia"])
        #expect(rest.nextCursor == nil)
        #expect(rest.total == 4)
    }
}
