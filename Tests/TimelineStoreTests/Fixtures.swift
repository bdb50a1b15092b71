import Foundation
@testable import TimelineStore

// Builders for test data in code, and a temporary folder for file fixtures.

func makeEvidence(_ quote: String = "quote", start: Int = 0) -> Evidence {
    Evidence(quote: quote, paragraph: 1, start: start, end: start + quote.unicodeScalars.count)
}

func makeEvent(
    _ id: String, _ date: String, _ type: EventType = .protest, actors: [String] = [], places: [String] = [],
    title: String? = nil, summary: String? = nil, quotes: [String] = [], source: String = "src-a", order: Int = 1
) -> TimelineEvent {
    TimelineEvent(
        id: id, sourceID: source, title: title ?? id, summary: summary, type: type,
        date: try! EDTFDate(date), actors: actors.map { EventParticipant(actorID: $0, role: .participant) },
        places: places, evidence: quotes.isEmpty ? [makeEvidence()] : quotes.map { makeEvidence($0) },
        articleOrder: order)
}

func makeActor(_ id: String, _ name: String, _ kind: ActorKind = .state, aliases: [String] = [],
               description: String? = nil) -> TimelineActor {
    TimelineActor(id: id, sourceID: "src-a", name: name, kind: kind, aliases: aliases, description: description,
                  evidence: [makeEvidence()])
}

func makePlace(_ id: String, _ name: String, _ kind: PlaceKind = .city, country: String? = "KZ") -> Place {
    Place(id: id, sourceID: "src-a", name: name, kind: kind, country: country)
}

func makeSource(_ id: String) -> Source {
    Source(id: id, title: "Title of \(id)", textFile: "\(id).txt", timelineFile: "\(id).timeline.json")
}

/// Ten events covering every date shape; chronologically: h i f c a b d e j g.
func makeSnapshot() -> TimelineSnapshot {
    TimelineSnapshot(makeDataset())
}

func makeDataset() -> TimelineDataset {
    let actors = [
        makeActor("china", "China", aliases: ["Beijing", "PRC"], description: "The People's Republic."),
        makeActor("russia", "Russia", aliases: ["The Kremlin", "Moscow"]),
        makeActor("csto", "Collective Security Treaty Organization", .organisation, aliases: ["CSTO"],
                  description: "A Russian-led military alliance."),
        makeActor("turkiye", "Türkiye"),
        makeActor("tokayev", "Kassym-Jomart Tokayev", .person, aliases: ["President Tokayev"]),
        makeActor("protesters", "Kazakh protesters", .group),
    ]
    let places = [
        makePlace("almaty", "Almaty"),
        makePlace("zhanaozen", "Zhanaozen", .town),
        makePlace("kazakhstan", "Kazakhstan", .country),
        makePlace("central-asia", "Central Asia", .region, country: nil),
    ]
    let events = [
        makeEvent("a-day", "2022-01-02", actors: ["protesters"], places: ["zhanaozen"],
                  title: "Demonstrations in Zhanaozen", quotes: ["The first demonstrations began on January 2"], order: 2),
        makeEvent("b-spread", "2022-01-02/2022-01-05", actors: ["protesters"], places: ["almaty", "kazakhstan"],
                  title: "Protests spread to Almaty", order: 3),
        makeEvent("c-month", "2022-01", .mobilize, actors: ["csto", "russia"], places: ["kazakhstan"],
                  title: "CSTO deploys peacekeepers", order: 5),
        makeEvent("d-request", "2022-01-05", .consult, actors: ["tokayev", "csto"],
                  title: "Tokayev asks the CSTO for help", order: 4),
        makeEvent("e-message", "2022-01-07", .support, actors: ["china", "tokayev"], title: "Xi sends a verbal message",
                  summary: "Beijing opposes a “colour revolution” in Kazakhstan.", order: 1),
        makeEvent("f-year", "2019", actors: ["protesters", "china"], places: ["kazakhstan"],
                  title: "Anti-Chinese protests", source: "src-b", order: 1),
        makeEvent("g-open-end", "2022-02/..", .cooperate, actors: ["china", "russia"],
                  title: "Sino-Russian reassessment", source: "src-b", order: 5),
        makeEvent("h-unknown-start", "/2022-02-08", .disapprove, actors: ["turkiye"],
                  title: "Türkiye criticises the unrest", source: "src-b", order: 2),
        makeEvent("i-decade", "201X", .crime, actors: ["russia"], title: "Ties of the Kremlin’s men",
                  source: "src-b", order: 3),
        makeEvent("j-uncertain", "2022-01-10?", .assault, actors: ["csto", "protesters", "russia"], places: ["almaty"],
                  title: "Crackdown in Almaty", source: "src-b", order: 4),
    ]
    let articles = [
        Article(sourceID: "src-a", textFile: "src-a.txt", text: "Language : English\nDesk\n\nFirst paragraph about Almaty.\n\nSecond, about Zhanaozen and Almaty again.\n"),
        Article(sourceID: "src-b", textFile: "src-b.txt", text: "Only paragraph: Türkiye and the Kremlin."),
    ]
    return TimelineDataset(sources: [makeSource("src-b"), makeSource("src-a")], articles: articles, actors: actors,
                           places: places, events: events, version: "test")
}

/// A fresh temporary folder, removed when the fixture goes away.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-store-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> URL {
        let file = url.appendingPathComponent(name)
        try! Data(text.utf8).write(to: file)
        return file
    }
}
