import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotLookupTests {
    let snapshot = makeSnapshot()

    @Test func findsEventsAndRecordsById() {
        #expect(snapshot.event(id: "c-month")?.title == "CSTO deploys peacekeepers")
        #expect(snapshot.event(id: "C-MONTH") == nil)
        #expect(snapshot.actor(id: "csto")?.name == "Collective Security Treaty Organization")
        #expect(snapshot.place(id: "central-asia")?.country == nil)
        #expect(snapshot.actors.map(\.id) == ["china", "csto", "protesters", "russia", "tokayev", "turkiye"])
    }

    @Test(arguments: [
        ("beijing", "china"), ("BEIJING", "china"), ("prc", "china"), ("China", "china"),
        ("kremlin", "russia"), ("Kremlin", "russia"), ("the Kremlin", "russia"), ("moscow", "russia"),
        ("csto", "csto"), ("CSTO", "csto"), ("collective security treaty organization", "csto"),
        ("  Collective Security\tTreaty   Organization ", "csto"), ("Türkiye", "turkiye"), ("TURKIYE", "turkiye"),
        ("president tokayev", "tokayev"), ("Kassym-Jomart Tokayev", "tokayev"),
    ])
    func findsActorsByFoldedNameOrAlias(name: String, id: String) {
        #expect(snapshot.actor(matching: name)?.id == id)
    }

    @Test func unknownNamesFindNothing() {
        #expect(snapshot.actor(matching: "tokayev's") == nil)
        #expect(snapshot.actor(matching: "") == nil)
        #expect(snapshot.actor(matching: "collective") == nil)
    }

    @Test func findsPlacesByIdOrFoldedName() {
        #expect(snapshot.place(matching: "ALMATY")?.id == "almaty")
        #expect(snapshot.place(matching: "central  asia")?.id == "central-asia")
        #expect(snapshot.place(matching: "zhanaozen")?.kind == .town)
        #expect(snapshot.place(matching: "Atlantis") == nil)
    }

    @Test func countsEvents() {
        #expect(snapshot.eventCount(ofActor: "russia") == 4)
        #expect(snapshot.eventCount(ofActor: "nobody") == 0)
        #expect(snapshot.eventCount(atPlace: "kazakhstan") == 3)
    }
}
