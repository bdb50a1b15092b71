import Foundation
import Testing
@testable import TimelineStore

/// A million synthetic events: build time, memory and query shapes at scale. Slow, so only
/// with TIMELINE_STORE_SCALE=1, and meant for a release build:
/// `TIMELINE_STORE_SCALE=1 swift test -c release --filter TimelineSnapshotScaleTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TIMELINE_STORE_SCALE"] == "1"))
struct TimelineSnapshotScaleTests {
    static let eventCount = Int(ProcessInfo.processInfo.environment["TIMELINE_STORE_EVENTS"] ?? "") ?? 1_000_000

    /// Resident memory in bytes, from /proc (Linux).
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(statm.split(separator: " ")[1]) else { return 0 }
        return pages * 4096
    }

    static func makeSyntheticDataset(events count: Int) -> TimelineDataset {
        var random = EventDateIndexTests.SplitMix64(state: 7)
        let words = (0..<5000).map { "w\(String($0, radix: 36))x" }
        func sentence(_ length: Int) -> String {
            (0..<length).map { _ in words[random.next(words.count)] }.joined(separator: " ")
        }
        let actors = (0..<2000).map { makeActor("actor-\($0)", "Actor \($0)", aliases: ["A\($0)"]) }
        let places = (0..<500).map { makePlace("place-\($0)", "Place \($0)") }
        let types = EventType.allCases
        var events: [TimelineEvent] = []
        events.reserveCapacity(count)
        for index in 0..<count {
            let day = Day(daysSinceEpoch: Int32(7300 + random.next(12_000)))
            let year = day.year
            let month = day.month < 10 ? "0\(day.month)" : "\(day.month)"
            let dayText = day.day < 10 ? "0\(day.day)" : "\(day.day)"
            let date: String
            switch random.next(20) {
            case 0: date = "\(year)"
            case 1, 2: date = "\(year)-\(month)"
            case 3: date = "\(day)/\(Day(daysSinceEpoch: day.daysSinceEpoch + Int32(random.next(60))))"
            case 4: date = "\(day)/.."
            default: date = "\(year)-\(month)-\(dayText)"
            }
            let quote = sentence(15)
            events.append(TimelineEvent(
                id: "event-\(index)", sourceID: "source-\(index % 10)", title: sentence(6), summary: sentence(20),
                type: types[random.next(types.count)], date: try! EDTFDate(date),
                actors: (0..<(2 + random.next(2))).map { _ in
                    EventParticipant(actorID: "actor-\(random.next(2000))", role: .participant)
                },
                places: ["place-\(random.next(500))"],
                evidence: [Evidence(quote: quote, paragraph: 1, start: index, end: index + 100)],
                articleOrder: index / 10 + 1))
        }
        return TimelineDataset(sources: (0..<10).map { makeSource("source-\($0)") }, actors: actors, places: places,
                               events: events, version: "synthetic")
    }

    @Test func buildsAndQueriesAMillionEvents() throws {
        let dataset = Self.makeSyntheticDataset(events: Self.eventCount)
        let before = Self.residentBytes()
        let clock = ContinuousClock()
        var snapshot: TimelineSnapshot?
        let buildTime = clock.measure { snapshot = TimelineSnapshot(dataset) }
        let snapshotRef = try #require(snapshot)
        let perEvent = (Self.residentBytes() - before) / Self.eventCount
        print("scale: \(Self.eventCount) events, build \(buildTime), index memory ≈ \(perEvent) bytes/event")

        let queries: [(String, EventQuery)] = [
            ("all, first page", EventQuery(limit: 50)),
            ("one actor", EventQuery(actors: ["actor-7"])),
            ("two actors", EventQuery(actors: ["actor-7", "actor-8"])),
            ("one month", EventQuery(from: try PartialDate("2010-03"), to: try PartialDate("2010-03"))),
            ("month within", EventQuery(from: try PartialDate("2010-03"), to: try PartialDate("2010-03"), match: .within)),
            ("actor + year", EventQuery(from: try PartialDate("2010"), to: try PartialDate("2010"), actors: ["actor-7"])),
            ("text", EventQuery(text: "w1x w2x")),
            ("type + place", EventQuery(places: ["place-3"], types: [.protest, .fight])),
            ("article sort", EventQuery(actors: ["actor-9"], sort: .article)),
        ]
        for (name, query) in queries {
            var page: Page<TimelineEvent>?
            let elapsed = try clock.measure { page = try snapshotRef.events(matching: query) }
            print("scale: \(name): total \(page?.total ?? -1), \(elapsed)")
            var next = query
            next.cursor = page?.nextCursor
            if next.cursor != nil {
                let second = try clock.measure { _ = try snapshotRef.events(matching: next) }
                print("scale: \(name), next page: \(second)")
            }
        }
        let suggestionTime = clock.measure { _ = snapshotRef.suggestions(for: "event-12345x") }
        print("scale: suggestions \(snapshotRef.suggestions(for: "event-12345x")) in \(suggestionTime)")
        #if !DEBUG
        #expect(buildTime < .seconds(5))
        #expect(perEvent < 1024)
        #endif
    }
}
