import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotEventQueryTests {
    let snapshot = makeSnapshot()

    private func ids(_ query: EventQuery) throws -> [String] {
        var query = query
        query.limit = 100
        return try snapshot.events(matching: query).items.map(\.id)
    }

    private func date(_ text: String) -> PartialDate { try! PartialDate(text) }

    @Test func sortsChronologicallyReverseAndByArticle() throws {
        #expect(try ids(EventQuery()) == ["h-unknown-start", "i-decade", "f-year", "c-month", "a-day", "b-spread",
                                          "d-request", "e-message", "j-uncertain", "g-open-end"])
        #expect(try ids(EventQuery(sort: .reverseChronological)) == ["g-open-end", "j-uncertain", "e-message",
            "d-request", "b-spread", "a-day", "c-month", "f-year", "i-decade", "h-unknown-start"])
        #expect(try ids(EventQuery(sort: .article)) == ["e-message", "a-day", "b-spread", "d-request", "c-month",
            "f-year", "h-unknown-start", "i-decade", "j-uncertain", "g-open-end"])
        #expect(snapshot.events.map(\.id) == (try ids(EventQuery())))
    }

    @Test func overlapAtTheEdges() throws {
        // b-spread ends exactly on `from`: in; a day later: out.
        #expect(try ids(EventQuery(from: date("2022-01-05"))) == ["h-unknown-start", "c-month", "b-spread",
                                                                  "d-request", "e-message", "j-uncertain", "g-open-end"])
        #expect(try ids(EventQuery(from: date("2022-01-06"))) == ["h-unknown-start", "c-month", "e-message",
                                                                  "j-uncertain", "g-open-end"])
        // e-message starts exactly on `to`: in; a day earlier: out.
        #expect(try ids(EventQuery(to: date("2022-01-07"))) == ["h-unknown-start", "i-decade", "f-year", "c-month",
                                                                "a-day", "b-spread", "d-request", "e-message"])
        #expect(try ids(EventQuery(to: date("2022-01-06"))).contains("e-message") == false)
        // The month-precise c-month spans 2022-01-01...31 against day bounds.
        #expect(try ids(EventQuery(from: date("2022-01-31"), to: date("2022-01-31"))) == ["h-unknown-start", "c-month"])
        #expect(try ids(EventQuery(from: date("2022-02-01"), to: date("2022-02-01"))) == ["h-unknown-start", "g-open-end"])
        #expect(try ids(EventQuery(from: date("2019"), to: date("2019"))) == ["h-unknown-start", "i-decade", "f-year"])
        // Open end counts as +∞, unknown start as −∞.
        #expect(try ids(EventQuery(from: date("2030"))) == ["g-open-end"])
        #expect(try ids(EventQuery(to: date("1900"))) == ["h-unknown-start"])
    }

    @Test func withinAtTheEdges() throws {
        #expect(try ids(EventQuery(from: date("2022-01-01"), to: date("2022-01-30"), match: .within))
            == ["a-day", "b-spread", "d-request", "e-message", "j-uncertain"])
        #expect(try ids(EventQuery(from: date("2022-01-01"), to: date("2022-01-31"), match: .within))
            == ["c-month", "a-day", "b-spread", "d-request", "e-message", "j-uncertain"])
        #expect(try ids(EventQuery(from: date("2022-01"), to: date("2022-01"), match: .within))
            == ["c-month", "a-day", "b-spread", "d-request", "e-message", "j-uncertain"])
        // b-spread (01-02...01-05) is not within a range ending 01-04.
        #expect(try ids(EventQuery(from: date("2022-01-02"), to: date("2022-01-04"), match: .within)) == ["a-day"])
        #expect(try ids(EventQuery(from: date("2022-02"), match: .within)) == ["g-open-end"])
        #expect(try ids(EventQuery(from: date("2022"), to: date("2022-12"), match: .within)).contains("g-open-end") == false)
        #expect(try ids(EventQuery(to: date("2022-02-08"), match: .within)) == ["h-unknown-start", "i-decade", "f-year",
            "c-month", "a-day", "b-spread", "d-request", "e-message", "j-uncertain"])
    }

    @Test func refusesAnInvertedRange() {
        #expect(throws: TimelineQueryError.emptyDateRange(from: "2022-03", to: "2022-01")) {
            try snapshot.events(matching: EventQuery(from: date("2022-03"), to: date("2022-01")))
        }
        #expect(TimelineQueryError.emptyDateRange(from: "2022-03", to: "2022-01").description
            == "from 2022-03 is after to 2022-01")
    }

    @Test func resolvesActorsByIdNameOrAliasFolded() throws {
        #expect(try ids(EventQuery(actors: ["BEIJING"])) == ["f-year", "e-message", "g-open-end"])
        for name in ["Kremlin", "the kremlin", "MOSCOW", "russia", " Russia "] {
            #expect(try ids(EventQuery(actors: [name])) == ["i-decade", "c-month", "j-uncertain", "g-open-end"])
        }
        #expect(try ids(EventQuery(actors: ["collective  security treaty ORGANIZATION"])) == ["c-month", "d-request", "j-uncertain"])
        for name in ["Türkiye", "turkiye", "TURKIYE", "Turkiye"] {
            #expect(try ids(EventQuery(actors: [name])) == ["h-unknown-start"])
        }
    }

    @Test func everyActorMustTakePart() throws {
        #expect(try ids(EventQuery(actors: ["csto", "Kremlin"])) == ["c-month", "j-uncertain"])
        #expect(try ids(EventQuery(actors: ["csto", "csto"])) == ["c-month", "d-request", "j-uncertain"])
        #expect(try ids(EventQuery(actors: ["china", "turkiye"])) == [])
    }

    @Test func unknownActorOrPlaceIsAnError() {
        #expect(throws: TimelineQueryError.unknownActor("narnia", suggestions: [])) {
            try snapshot.events(matching: EventQuery(actors: ["china", "narnia"]))
        }
        #expect(throws: TimelineQueryError.unknownActor("chna", suggestions: ["china"])) {
            try snapshot.events(matching: EventQuery(actors: ["chna"]))
        }
        #expect(throws: TimelineQueryError.unknownPlace("almaty city", suggestions: ["almaty"])) {
            try snapshot.events(matching: EventQuery(places: ["almaty city"]))
        }
        #expect(TimelineQueryError.unknownActor("narnia", suggestions: []).description == "unknown actor \"narnia\"")
    }

    @Test func placesAreAllOf() throws {
        #expect(try ids(EventQuery(places: ["ALMATY"])) == ["b-spread", "j-uncertain"])
        #expect(try ids(EventQuery(places: ["almaty", "Kazakhstan"])) == ["b-spread"])
    }

    @Test func typesAreAnyOf() throws {
        #expect(try ids(EventQuery(types: [.protest])) == ["f-year", "a-day", "b-spread"])
        #expect(try ids(EventQuery(types: [.protest, .mobilize])) == ["f-year", "c-month", "a-day", "b-spread"])
        #expect(try ids(EventQuery(types: [.fight])) == [])
    }

    @Test func textTermsAreFoldedAndAllRequired() throws {
        #expect(try ids(EventQuery(text: "ZHANAOZEN")) == ["a-day"])
        #expect(try ids(EventQuery(text: "türkiye")) == ["h-unknown-start"])
        #expect(try ids(EventQuery(text: "TURKIYE criticises")) == ["h-unknown-start"])
        #expect(try ids(EventQuery(text: "Kremlin’s")) == ["i-decade"])
        #expect(try ids(EventQuery(text: "colour revolution")) == ["e-message"])
        #expect(try ids(EventQuery(text: "demonstrations, january!")) == ["a-day"])
        #expect(try ids(EventQuery(text: "almaty crackdown")) == ["j-uncertain"])
        #expect(try ids(EventQuery(text: "almaty nonexistent")) == [])
        #expect(try ids(EventQuery(text: " ,, ")).count == 10)
    }

    @Test func filtersCombine() throws {
        let page = try snapshot.events(matching: EventQuery(
            from: date("2022"), actors: ["protesters"], types: [.protest, .assault], limit: 2))
        #expect(page.items.map(\.id) == ["a-day", "b-spread"])
        #expect(page.total == 3)
        #expect(page.nextCursor != nil)
        #expect(try ids(EventQuery(from: date("2022-01-03"), to: date("2022-01-09"), actors: ["csto"], text: "quote"))
            == ["c-month", "d-request"])
    }

    @Test func limitMustBePositive() {
        #expect(throws: TimelineQueryError.invalidLimit(0)) { try snapshot.events(matching: EventQuery(limit: 0)) }
    }

    static let pagedQueries: [EventQuery] = [
        EventQuery(),
        EventQuery(sort: .reverseChronological),
        EventQuery(sort: .article),
        EventQuery(actors: ["csto"], sort: .reverseChronological),
        EventQuery(from: try! PartialDate("2022-01"), sort: .article),
        EventQuery(text: "quote"),
        EventQuery(types: [.protest, .assault, .support], sort: .reverseChronological),
    ]

    @Test(arguments: pagedQueries)
    func walkingEveryPageGivesTheUnpagedResult(query: EventQuery) throws {
        let all = try ids(query)
        for limit in 1...(all.count + 1) {
            var walked: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                var paged = query
                paged.limit = limit
                paged.cursor = cursor
                let page = try snapshot.events(matching: paged)
                #expect(page.total == all.count)
                #expect(page.items.count <= limit)
                walked += page.items.map(\.id)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages <= all.count + 1
            #expect(walked == all, "limit \(limit)")
            #expect(pages == max(1, (all.count + limit - 1) / limit), "limit \(limit)")
        }
    }

    @Test func aCursorGivesTheSamePageEveryTimeAndInEverySnapshotOfTheSameData() throws {
        let first = try snapshot.events(matching: EventQuery(limit: 3))
        let cursor = try #require(first.nextCursor)
        let once = try snapshot.events(matching: EventQuery(limit: 3, cursor: cursor))
        let twice = try snapshot.events(matching: EventQuery(limit: 3, cursor: cursor))
        #expect(once == twice)
        #expect(once.items.map(\.id) == ["c-month", "a-day", "b-spread"])
        let rebuilt = makeSnapshot()
        #expect(try rebuilt.events(matching: EventQuery(limit: 3, cursor: cursor)) == once)
        // The page size may change between pages; equivalent spellings share cursors.
        #expect(try snapshot.events(matching: EventQuery(limit: 1, cursor: cursor)).items.map(\.id) == ["c-month"])
        let beijing = try snapshot.events(matching: EventQuery(actors: ["Beijing"], text: "Sino russian", limit: 1))
        #expect(beijing.nextCursor == nil)
        let china = try snapshot.events(matching: EventQuery(actors: ["china"], limit: 1))
        let next = try snapshot.events(matching: EventQuery(actors: ["BEIJING", "PRC"], limit: 1, cursor: china.nextCursor))
        #expect(next.items.map(\.id) == ["e-message"])
    }

    @Test func refusesCursorsOfOtherQueriesAndGarbage() throws {
        let cursor = try #require(try snapshot.events(matching: EventQuery(limit: 2)).nextCursor)
        let otherQueries = [
            EventQuery(actors: ["china"], cursor: cursor),
            EventQuery(sort: .reverseChronological, cursor: cursor),
            EventQuery(from: date("2022"), cursor: cursor),
            EventQuery(text: "quote", cursor: cursor),
        ]
        for query in otherQueries {
            #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor belongs to a different query")) {
                try snapshot.events(matching: query)
            }
        }
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor is not valid base64url")) {
            try snapshot.events(matching: EventQuery(cursor: "%%%"))
        }
        #expect(throws: TimelineQueryError.invalidCursor(reason: "cursor is not a timeline cursor")) {
            try snapshot.events(matching: EventQuery(cursor: "aGVsbG8gd29ybGQ"))
        }
        let actorCursor = try #require(try snapshot.actors(matching: ActorQuery(limit: 1)).nextCursor)
        #expect(throws: TimelineQueryError.self) { try snapshot.events(matching: EventQuery(cursor: actorCursor)) }
        #expect(TimelineQueryError.invalidCursor(reason: "cursor is not valid base64url").description
            == "invalid cursor: cursor is not valid base64url")
    }

    @Test func anActorsAndAPlacesEvents() throws {
        #expect(try snapshot.events(ofActor: "Moscow").map(\.id) == ["i-decade", "c-month", "j-uncertain", "g-open-end"])
        #expect(try snapshot.events(atPlace: "Kazakhstan").map(\.id) == ["f-year", "c-month", "b-spread"])
        #expect(throws: TimelineQueryError.self) { try snapshot.events(ofActor: "nobody") }
    }
}
