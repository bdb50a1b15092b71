import Foundation
import Testing
@testable import TimelineAPI

/// What the API serves traces to the article: every quote is found at its offsets, in its
/// paragraph, and the served records cover the article's dates and names.
@Suite struct ProvenanceTests {
    let article = Array(get("/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/text").text.unicodeScalars)
    let paragraphs = value(get("/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/paragraphs").json, "data")
        as? [[String: Any]] ?? []

    func checkEvidence(_ evidence: Any?, _ owner: String) {
        for item in evidence as? [[String: Any]] ?? [] {
            guard let quote = item["quote"] as? String, let start = item["start"] as? Int, let end = item["end"] as? Int,
                  let paragraph = item["paragraph"] as? Int else {
                Issue.record("\(owner): evidence without quote/start/end/paragraph")
                continue
            }
            #expect(start >= 0 && end <= article.count && start < end, "\(owner)")
            let served = String(String.UnicodeScalarView(article[start..<end]))
            #expect(served == quote, "\(owner): offsets \(start)..<\(end) hold \"\(served)\", not \"\(quote)\"")
            let holder = paragraphs.first { $0["number"] as? Int == paragraph }
            #expect((holder?["start"] as? Int ?? .max) <= start && end <= (holder?["end"] as? Int ?? .min),
                    "\(owner): quote outside paragraph \(paragraph)")
        }
    }

    @Test func everyServedQuoteIsAtItsOffsets() {
        let events = value(get("/v1/events?limit=500").json, "data") as? [[String: Any]] ?? []
        #expect(events.count == seedSnapshot.events.count)
        for event in events {
            let id = event["id"] as? String ?? "?"
            #expect((event["evidence"] as? [Any])?.isEmpty == false, "\(id) has no evidence")
            checkEvidence(event["evidence"], id)
            checkEvidence((event["figures"] as? [[String: Any]])?.compactMap { $0["evidence"] }, "\(id) figures")
        }
        for actor in value(get("/v1/actors?limit=500").json, "data") as? [[String: Any]] ?? [] {
            checkEvidence(actor["evidence"], actor["id"] as? String ?? "?")
        }
        for place in value(get("/v1/places?limit=500").json, "data") as? [[String: Any]] ?? [] {
            checkEvidence(place["evidence"], place["id"] as? String ?? "?")
        }
    }

    /// The dates the article gives, each served on an event with that date.
    @Test(arguments: [("2022-01-02", "January 2"), ("2022-01-07", "January 7"), ("2016-04", "April 2016"),
                      ("2019-09", "September 2019"), ("2019", "In 2019"), ("2020", "a year later")])
    func everyDateTheArticleGivesIsServed(_ date: String, _ words: String) {
        let events = value(get("/v1/events?limit=500").json, "data") as? [[String: Any]] ?? []
        #expect(events.contains { $0["date"] as? String == date }, "no event dated \(date) (\"\(words)\")")
        #expect(article.count > 0 && String(String.UnicodeScalarView(article)).contains(words))
    }

    /// Everyone the article names, reachable by the name the article uses.
    @Test(arguments: ["Tokayev", "Nazarbayev", "Xi Jinping", "Karim Massimov", "Igor Denisov", "Fazilrabi Zahin",
                      "CSTO", "Collective Security Treaty Organization", "Beijing", "Kremlin", "Moscow", "Taliban",
                      "Zhong Ji Mining", "Kazakhstan", "Kyrgyzstan", "Russia", "China", "National Security Committee"])
    func everyNamedActorResolves(_ name: String) {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        let direct = get("/v1/actors/\(encoded)")
        let searched = value(get("/v1/actors?q=\(encoded)").json, "meta.total") as? Int ?? 0
        #expect(direct.status == .ok || searched > 0, "\(name) is not served")
    }

    @Test(arguments: ["Zhanaozen", "Almaty", "Kazakhstan", "Kyrgyzstan", "Afghanistan", "Central Asia"])
    func everyNamedPlaceIsServed(_ name: String) {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        #expect((value(get("/v1/places?q=\(encoded)").json, "meta.total") as? Int ?? 0) > 0, "\(name)")
    }

    @Test func theFiguresAreServedWithTheirQualifiers() {
        let events = value(get("/v1/events?limit=500").json, "data") as? [[String: Any]] ?? []
        let figures = events.flatMap { $0["figures"] as? [[String: Any]] ?? [] }
        #expect(figures.contains { $0["value"] as? Double == 280_000_000 && $0["currency"] as? String == "USD" })
        #expect(figures.contains { $0["qualifier"] as? String == "hundreds" && $0["confirmed"] as? Bool == false })
        #expect(figures.contains { $0["qualifier"] as? String == "thousands" && $0["confirmed"] as? Bool == false })
        #expect(figures.contains { $0["qualifier"] as? String == "more-than" && $0["lower_bound"] as? Double == 24 })
    }
}
